/**
 * media/ of a data folder: the photos that cases.csv names, published at
 * /cases/media/ under the site's own origin. Only what is safe to serve
 * from there is accepted: a regular file (no symbolic link, no link
 * anywhere on its path) whose real path is inside the data folder, of at
 * most MAX_PHOTO_BYTES, and a JPEG, PNG, WebP or GIF image by its bytes
 * with a name ending that matches. An SVG or HTML file could run script on
 * the site's origin (and read a report draft); a link could publish any
 * file of the build machine.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { IMAGE_EXTENSIONS, imageType } from '../lib/image-size.ts';

/** What a path under media/ is, as lstat sees it (links are never followed). */
export type MediaKind = 'file' | 'link' | 'other';

export interface MediaListing {
  /** media/ itself: absent, a directory, or a link (then nothing under it is used). */
  root: 'absent' | 'dir' | 'link' | 'other';
  /** Every path under media/ ('a/b.jpg'), directories walked but not links to them. */
  entries: Map<string, MediaKind>;
}

/** A photo larger than this is refused: a phone photo is 2–8 MB; the page shows it at most 1,280 px wide. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;

export function listMedia(dir: string): MediaListing {
  const base = join(dir, 'media');
  const entries = new Map<string, MediaKind>();
  if (!existsSync(base) && !isLink(base)) return { root: 'absent', entries };
  const st = lstatSync(base);
  if (st.isSymbolicLink()) return { root: 'link', entries };
  if (!st.isDirectory()) return { root: 'other', entries };
  const walk = (rel: string) => {
    for (const name of readdirSync(join(base, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      const s = lstatSync(join(base, r));
      if (s.isSymbolicLink()) entries.set(r, 'link');
      else if (s.isDirectory()) walk(r);
      else entries.set(r, s.isFile() ? 'file' : 'other');
    }
  };
  walk('');
  return { root: 'dir', entries };
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why a photo named in cases.csv cannot be published; null when it can. */
export function photoProblem(dir: string, media: MediaListing, rel: string): { zh: string; en: string } | null {
  if (media.root === 'link')
    return {
      zh: 'media/ 是一个链接：照片必须是数据文件夹中的普通文件',
      en: 'media/ is a link: photos must be regular files inside the data folder',
    };
  const kind = media.entries.get(rel);
  if (kind === undefined) {
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('/');
      if (media.entries.get(prefix) === 'link')
        return {
          zh: `media/${prefix} 是一个链接：照片必须是数据文件夹中的普通文件`,
          en: `media/${prefix} is a link: photos must be regular files inside the data folder`,
        };
    }
    return { zh: `照片文件不存在：media/${rel}`, en: `photo not found: expected a file media/${rel}` };
  }
  if (kind === 'link')
    return {
      zh: `media/${rel} 是一个链接（快捷方式）：只发布数据文件夹中的普通文件`,
      en: `media/${rel} is a link: only regular files inside the data folder are published`,
    };
  if (kind === 'other') return { zh: `media/${rel} 不是普通文件`, en: `media/${rel} is not a regular file` };
  const path = join(dir, 'media', rel);
  const root = realpathSync(dir);
  if (!realpathSync(path).startsWith(root + sep))
    return { zh: `media/${rel} 实际位于数据文件夹之外`, en: `media/${rel} resolves outside the data folder` };
  const size = lstatSync(path).size;
  if (size > MAX_PHOTO_BYTES)
    return {
      zh: `照片过大（${(size / 1048576).toFixed(1)} MB）：不能超过 ${MAX_PHOTO_BYTES / 1048576} MB`,
      en: `photo too large (${(size / 1048576).toFixed(1)} MB): at most ${MAX_PHOTO_BYTES / 1048576} MB`,
    };
  const head = new Uint8Array(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const type = imageType(head);
  if (type === null)
    return {
      zh: `media/${rel} 不是 JPEG、PNG、WebP 或 GIF 图片（按文件内容判断；SVG、网页等文件不能作为照片发布）`,
      en: `media/${rel} is not a JPEG, PNG, WebP or GIF image (judged by its bytes; SVG, HTML and other files are not published)`,
    };
  const ext = rel.split('.').pop()!.toLowerCase();
  if (!IMAGE_EXTENSIONS[type].includes(ext)) {
    return {
      zh: `media/${rel} 的内容是 ${type.toUpperCase()} 图片，但文件扩展名是 .${ext}：请改为 .${IMAGE_EXTENSIONS[type][0]}`,
      en: `media/${rel} holds a ${type.toUpperCase()} image but is named .${ext}: expected .${IMAGE_EXTENSIONS[type][0]}`,
    };
  }
  return null;
}
