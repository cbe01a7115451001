/** The image formats a case photo may have: raster only, so no photo can carry script. */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp';

/** The file name endings of each format, lowercase. */
export const IMAGE_EXTENSIONS: Record<ImageType, readonly string[]> = {
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  gif: ['gif'],
  webp: ['webp'],
};

/**
 * The format of an image from its first bytes (its signature), never from
 * its name; null when it is none of JPEG, PNG, GIF or WebP (an SVG, HTML,
 * a PDF, or text renamed to .jpg).
 */
export function imageType(b: Uint8Array): ImageType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x)) return 'png';
  if (b.length >= 6 && /^GIF8[79]a$/.test(String.fromCharCode(...b.subarray(0, 6)))) return 'gif';
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'
  )
    return 'webp';
  return null;
}

/**
 * Pixel size of a PNG, JPEG, GIF or WebP file from its bytes, so the
 * pages can give every photo its width and height (no layout shift).
 * Returns null when the format or size cannot be read.
 */
export function imageSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = bytes;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // PNG: IHDR width and height, big-endian, at 16 and 20.
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  // GIF: logical screen size, little-endian, at 6 and 8.
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46)
    return { width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
  // JPEG: the first SOFn segment.
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const len = dv.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
      i += 2 + len;
    }
    return null;
  }
  // WebP (VP8X extended header): 24-bit sizes minus one.
  if (
    b.length > 30 &&
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' &&
    String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' &&
    String.fromCharCode(...b.subarray(12, 16)) === 'VP8X'
  ) {
    return {
      width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)),
      height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)),
    };
  }
  return null;
}
