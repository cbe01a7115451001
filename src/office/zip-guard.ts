/**
 * An .xlsx or .docx is a ZIP archive. Before a workbook or a Word file is
 * handed to exceljs or mammoth (which inflate it whole in memory), its
 * central directory is read: a file that is no ZIP at all (an old .xls or
 * .doc renamed, a web page saved as .xlsx) and an archive whose contents
 * would inflate beyond MAX_UNCOMPRESSED (a 1 MB file once expanded to
 * 1 GiB) are refused with a message instead of a stack trace or a crash.
 */

/** What an office file may hold once inflated: a county's workbook of every table is under 30 MB. */
export const MAX_UNCOMPRESSED = 100 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

export interface ZipCheck {
  ok: boolean;
  /** Why the file is refused, in Chinese and English. */
  zh?: string;
  en?: string;
  /** The sum of the sizes the archive declares, when it could be read. */
  uncompressed?: number;
}

/** Check an office file's bytes; `kind` names it in the message. */
export function checkOfficeZip(bytes: Uint8Array, kind: 'xlsx' | 'docx', max = MAX_UNCOMPRESSED): ZipCheck {
  const notZip = {
    ok: false,
    zh: `不是有效的 .${kind} 文件（内容不是 ZIP 格式；可能是旧版 .${kind === 'xlsx' ? 'xls' : 'doc'} 或改了扩展名的文件）：请在 ${kind === 'xlsx' ? 'Excel' : 'Word'} 中另存为 .${kind}`,
    en: `not a valid .${kind} file (not a ZIP archive; an old .${kind === 'xlsx' ? 'xls' : 'doc'} or a renamed file?)`,
  };
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return notZip;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return notZip;
  const entries = dv.getUint16(eocd + 10, true);
  const size = dv.getUint32(eocd + 12, true);
  const offset = dv.getUint32(eocd + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > bytes.length) {
    return {
      ok: false,
      zh: `.${kind} 文件过大或已损坏（ZIP64 或目录越界）`,
      en: `.${kind} file too large or damaged (ZIP64 or a directory out of bounds)`,
    };
  }
  let total = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== CENTRAL)
      return {
        ok: false,
        zh: `.${kind} 文件已损坏（ZIP 目录不完整）`,
        en: `.${kind} file damaged (incomplete ZIP directory)`,
      };
    const unc = dv.getUint32(p + 24, true);
    if (unc === 0xffffffff)
      return { ok: false, zh: `.${kind} 文件中有超过 4 GB 的内容`, en: `.${kind} file holds an entry over 4 GB` };
    total += unc;
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  if (total > max) {
    const mb = (x: number) => `${Math.round(x / 1048576)} MB`;
    return {
      ok: false,
      uncompressed: total,
      zh: `.${kind} 文件解压后有 ${mb(total)}，超过 ${mb(max)} 的上限：请拆分后分别导入，或删去无关的工作表和图片`,
      en: `.${kind} file inflates to ${mb(total)}, over the ${mb(max)} limit: split it, or remove unrelated sheets and images`,
    };
  }
  return { ok: true, uncompressed: total };
}
