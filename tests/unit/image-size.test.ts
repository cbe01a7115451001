import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageSize, imageType } from '../../src/lib/image-size.ts';

describe('image sizes for width and height attributes', () => {
  it('reads a PNG header', () => {
    const png = new Uint8Array(32);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 480);
    expect(imageSize(png)).toEqual({ width: 640, height: 480 });
  });

  it("reads the sample's JPEG photos", () => {
    const jpg = readFileSync(join(import.meta.dirname, '../../src/content/media/wt-2026-012-1.jpg'));
    expect(imageType(jpg)).toBe('jpeg');
    expect(imageSize(jpg)).toEqual({ width: 640, height: 400 });
  });

  it('no longer sizes an SVG: photos are raster images only', () => {
    expect(
      imageSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"></svg>')),
    ).toBeNull();
  });
});

describe('image types by their bytes, never their names', () => {
  const bytes = (...b: (number | string)[]) =>
    new Uint8Array(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));
  it('knows the four raster formats by their signatures', () => {
    expect(imageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(imageType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(imageType(bytes('GIF89a'))).toBe('gif');
    expect(imageType(bytes('GIF87a'))).toBe('gif');
    expect(imageType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('webp');
  });
  it('refuses SVG, HTML, text and a truncated signature', () => {
    expect(imageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(imageType(bytes('<!doctype html><script>'))).toBeNull();
    expect(imageType(bytes(0xff, 0xd8))).toBeNull();
    expect(imageType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeNull();
  });

  it('returns null for what it cannot read', () => {
    expect(imageSize(new TextEncoder().encode('not an image'))).toBeNull();
  });
});
