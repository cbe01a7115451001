/**
 * Reads a printed sign's QR code as a phone's camera would: the inline SVG
 * is drawn onto a canvas in the page, and jsQR decodes the pixels.
 */
import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/** The text a QR code (an element holding the inline <svg>) encodes, or null when it does not decode. */
export async function decodeQr(holder: Locator): Promise<string | null> {
  const size = 400;
  const data = await holder.locator('svg').evaluate(async (svg, size) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, size);
  return jsQR(Uint8ClampedArray.from(data), size, size)?.data ?? null;
}

/** The number of pages of a PDF made by page.pdf(). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
