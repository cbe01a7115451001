/**
 * QR codes for the public signs, generated at build time as inline SVG
 * (no external service). Error correction M survives a scuffed sign.
 * Pure black on white, not the site's colour tokens: a scanner needs the
 * strongest contrast, whatever the theme.
 */
import QRCode from 'qrcode';

export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  // Accessible name comes from the surrounding figure; the SVG itself is decorative to screen readers.
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** The public URL of a water's page, from site.yaml `url`. */
export function waterUrl(siteUrl: string, id: string): string {
  return new URL(`waters/${id}/`, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}
