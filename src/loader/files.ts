/**
 * Reading the files of a data folder without ever crashing: a file that is
 * missing, a link to nothing or to itself, a folder in a file's place, an
 * unreadable or oversized file is a problem of that file in the list. A
 * data folder comes from clerks and contractors; nothing in it may end the
 * check with a stack trace or exhaust the build machine's memory.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { decodeText, invalidByteMessages } from '../lib/csv.ts';
import type { Problem } from './problems.ts';

/**
 * The largest file of each kind that is read. A data folder comes from
 * clerks and contractors: a runaway export must be a message, not the
 * build machine's memory. A city's readings file of five years is some
 * 20 MB; the limits leave ten times that.
 */
export const MAX_BYTES = {
  csv: 200 * 1024 * 1024,
  yaml: 1024 * 1024,
  document: 2 * 1024 * 1024,
  geojson: 100 * 1024 * 1024,
} as const;

const mb = (n: number) => `${(n / 1048576).toFixed(n < 1048576 ? 2 : 0)} MB`;

/**
 * A file's bytes, or null with a problem: not there (also a link to
 * nothing), a link loop, a directory, too large, or unreadable. Nothing a
 * data folder holds may end the check with a stack trace.
 */
export function readDataFile(path: string, file: string, max: number, problems: Problem[]): Buffer | null {
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      problems.push({
        file,
        zh: `${file} 不是普通文件（可能是文件夹）`,
        en: `${file} is not a regular file (a folder?)`,
      });
      return null;
    }
    if (st.size > max) {
      problems.push({
        file,
        zh: `文件过大（${mb(st.size)}）：不能超过 ${mb(max)}`,
        en: `file too large (${mb(st.size)}): at most ${mb(max)}`,
      });
      return null;
    }
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? { zh: '文件不存在（或是指向不存在文件的链接）', en: 'not found (or a link to nothing)' }
        : code === 'ELOOP'
          ? { zh: '链接指向自身，形成循环', en: 'a link that points to itself (a loop)' }
          : code === 'EACCES' || code === 'EPERM'
            ? { zh: '没有读取权限', en: 'permission denied' }
            : { zh: `无法读取（${code ?? (e as Error).message}）`, en: `unreadable (${code ?? (e as Error).message})` };
    problems.push({ file, zh: `无法读取 ${file}：${why.zh}`, en: `cannot read ${file}: ${why.en}` });
    return null;
  }
}

/** Whether a path exists as anything, a dangling link included (existsSync says no to those). */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The names in a folder of the data folder, or [] with a problem when it cannot be listed. */
export function listFolder(base: string, folder: string, problems: Problem[]): string[] {
  try {
    return readdirSync(base).sort();
  } catch (e) {
    problems.push({
      file: `${folder}/`,
      zh: `无法读取文件夹 ${folder}/（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
      en: `cannot list ${folder}/ (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    });
    return [];
  }
}

/** A text file (YAML, Markdown, GeoJSON) decoded; each bad byte is a problem at its line and character column. Null when unreadable. */
export function decodeFile(path: string, file: string, problems: Problem[], max: number): string | null {
  const bytes = readDataFile(path, file, max, problems);
  if (!bytes) return null;
  const { text, invalid } = decodeText(bytes);
  for (const m of invalidByteMessages(invalid))
    problems.push({ file, line: m.line, column: m.column, zh: m.zh, en: m.en });
  return text;
}
