import { describe, expect, it } from 'vitest';
import { qrSvg, segmentUrl, waterUrl } from '../../src/lib/qr.ts';

describe('public-sign QR codes', () => {
  it("link to the water's page under site.yaml url, with or without its trailing slash", () => {
    expect(waterUrl('https://hzz.example.org/', 'qingxi-he')).toBe('https://hzz.example.org/waters/qingxi-he/');
    expect(waterUrl('https://example.org/county', 'a-1')).toBe('https://example.org/county/waters/a-1/');
  });

  it("of a segment link to its water's page with the segment in ?seg=", () => {
    expect(segmentUrl('https://hzz.example.org/', 'qingxi-he', 'qingxi-he-baisha')).toBe(
      'https://hzz.example.org/waters/qingxi-he/?seg=qingxi-he-baisha',
    );
    expect(segmentUrl('https://example.org/county', 'a-1', 'a-1-2')).toBe(
      'https://example.org/county/waters/a-1/?seg=a-1-2',
    );
  });

  it('are inline SVG with no external reference', async () => {
    const svg = await qrSvg('https://hzz.example.org/waters/qingxi-he/');
    expect(svg.startsWith('<svg aria-hidden="true"')).toBe(true);
    expect(svg).not.toMatch(/href|<image|url\(/);
  });
});
