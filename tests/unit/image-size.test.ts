import { describe, expect, it } from 'vitest';
import { imageSize } from '../../src/lib/image-size.ts';

describe('image sizes for width and height attributes', () => {
  it('reads a PNG header', () => {
    const png = new Uint8Array(32);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 640);
    new DataView(png.buffer).setUint32(20, 480);
    expect(imageSize(png)).toEqual({ width: 640, height: 480 });
  });

  it('reads an SVG by its attributes or its viewBox', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(imageSize(enc('<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"></svg>'))).toEqual({ width: 320, height: 200 });
    expect(imageSize(enc('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300"></svg>'))).toEqual({ width: 400, height: 300 });
  });

  it('returns null for what it cannot read', () => {
    expect(imageSize(new TextEncoder().encode('not an image'))).toBeNull();
  });
});
