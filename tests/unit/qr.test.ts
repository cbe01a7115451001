import { describe, expect, it } from 'vitest';
import { qrSvg, waterUrl } from '../../src/lib/qr.ts';

describe('public-sign QR codes', () => {
  it("link to the water's page under site.yaml url, with or without its trailing slash", () => {
    expect(waterUrl('https://hzz.example.org/', 'qingxi-he')).toBe('https://hzz.example.org/waters/qingxi-he/');
    expect(waterUrl('https://example.org/county', 'a-1')).toBe('https://example.org/county/waters/a-1/');
  });

  it('are inline SVG with no external reference', async () => {
    const svg = await qrSvg('https://hzz.example.org/waters/qingxi-he/');
    expect(svg.startsWith('<svg aria-hidden="true"')).toBe(true);
    expect(svg).not.toMatch(/href|<image|url\(/);
  });
});
