/**
 * Photos are made smaller in the browser before they are kept or sent: a
 * phone photo of 4–10 MB becomes a JPEG of at most REPORT_LIMITS.photoEdge
 * px on its longest edge (typically 300–800 KB). Drawing onto a canvas also
 * drops the EXIF data, and with it the GPS position and camera details the
 * person may not mean to share. The browser applies the EXIF orientation
 * when it decodes the image, so the result is the right way up.
 */
import { REPORT_LIMITS, type ReportPhoto } from '../../lib/report.ts';

/** Decode `file` and redraw it as a JPEG no larger than `edge` px; rejects when the browser cannot read it (e.g. HEIC outside Safari). */
export async function resizePhoto(file: Blob, edge: number = REPORT_LIMITS.photoEdge, quality = 0.82): Promise<Blob> {
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(1, edge / Math.max(img.naturalWidth, img.naturalHeight));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff'; // transparent PNGs get a white background, not black
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('encode');
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A stored photo as the report's JSON carries it: base64 without the data: prefix. */
export function toReportPhoto(name: string, blob: Blob): Promise<ReportPhoto> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        name: name.replace(/\.[^.]*$/, '') + '.jpg',
        type: 'image/jpeg',
        data: String(reader.result).replace(/^data:[^,]*,/, ''),
      });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
