/**
 * QR codes for the public signs, generated at build time as inline SVG
 * (no external service). Error correction M survives a scuffed sign.
 * Pure black on white, not the site's colour tokens: a scanner needs the
 * strongest contrast, whatever the theme.
 */
import QRCode from 'qrcode';
import { siteHref } from './base.ts';

export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
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
