/**
 * QR codes for the public signs, generated at build time as inline SVG
 * (no external service). Error correction M survives a scuffed sign.
 * Pure black on white, not the site's colour tokens: a scanner needs the
 * strongest contrast, whatever the theme.
 */
import QRCode from 'qrcode';
import { siteHref } from './base.ts';
import { buildSlot } from './build-slot.ts';

const utf8 = new TextEncoder();

/**
 * Codes a build made ahead on another thread (src/loader/qr-ahead.ts), by
 * text: each is taken once, by the sign that prints it. The same function
 * below made them, so a sign prints the same SVG either way.
 */
export const qrMadeAhead = buildSlot<Map<string, string>>('qrMadeAhead');

export async function qrSvg(text: string): Promise<string> {
  const ahead = qrMadeAhead.get();
  const made = ahead?.get(text);
  if (made !== undefined) {
    ahead!.delete(text);
    return made;
  }
  return makeQrSvg(text);
}

/** The QR code of `text` as inline SVG. */
export async function makeQrSvg(text: string): Promise<string> {
  // One byte-mode segment. The library's search for the shortest mix of
  // modes (a shortest path over every split of the text) took a third of
  // each code's time and chose a single byte segment anyway for every URL
  // of the sample and of a generated county (lower-case letters rule out
  // the alphanumeric mode). A URL with long runs of digits might have fit
  // a smaller code with a numeric segment; it still scans the same.
  const svg = await QRCode.toString([{ data: utf8.encode(text), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
  // Accessible name comes from the surrounding figure; the SVG itself is decorative to screen readers.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** The public URL of a water's page, from site.yaml `url` (with its path, if any). */
export function waterUrl(siteUrl: string, id: string): string {
  return siteHref(siteUrl, `/waters/${id}/`);
}

/**
 * The public URL a segment's sign links to: its water's page with the
 * segment named in `?seg=`, which opens the page on that segment's chief
 * (src/components/water/SegmentLanding.astro). A query rather than a page
 * per segment: a city has thousands of segments, and the water's page is
 * the same for all of them.
 */
export function segmentUrl(siteUrl: string, water: string, segment: string): string {
  const url = new URL(waterUrl(siteUrl, water));
  url.searchParams.set('seg', segment);
  return url.href;
}
