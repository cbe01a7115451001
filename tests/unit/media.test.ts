/**
 * Case photos (src/loader/media.ts): only regular JPEG, PNG, WebP or GIF
 * files inside the data folder, judged by their bytes; links, files outside
 * the folder, SVG and HTML are refused with a reason, and the whole folder
 * check reports them at the photos cell of cases.csv.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listMedia, MAX_PHOTO_BYTES, photoProblem } from '../../src/loader/media.ts';
import { loadDataFolder } from '../../src/loader/index.ts';
import { cleanupTemp, makeFixture, tempDir } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const JPEG = readFileSync(join(import.meta.dirname, '../../src/content/media/wt-2026-012-1.jpg'));

function folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'media/sub'), { recursive: true });
  writeFileSync(join(dir, 'media/ok.jpg'), JPEG);
  writeFileSync(join(dir, 'media/sub/ok.jpeg'), JPEG);
  return dir;
}
const problem = (dir: string, rel: string) => photoProblem(dir, listMedia(dir), rel)?.zh ?? null;

describe('photos that are published', () => {
  it('a JPEG named .jpg or .jpeg, also in a subfolder', () => {
    const dir = folder();
    expect(problem(dir, 'ok.jpg')).toBeNull();
    expect(problem(dir, 'sub/ok.jpeg')).toBeNull();
  });
});

describe('photos that are refused', () => {
  it('a missing file', () => {
    expect(problem(folder(), 'nope.jpg')).toContain('不存在');
  });
  it('a link to a file outside the folder, and a link to a directory', () => {
    const dir = folder();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.jpg'), JPEG);
    symlinkSync(join(outside, 'secret.jpg'), join(dir, 'media/leak.jpg'));
    symlinkSync(outside, join(dir, 'media/linked'), 'dir');
    expect(problem(dir, 'leak.jpg')).toContain('链接');
    expect(problem(dir, 'linked/secret.jpg')).toContain('media/linked 是一个链接');
  });
  it('a media folder that is itself a link', () => {
    const dir = tempDir();
    const outside = folder();
    symlinkSync(join(outside, 'media'), join(dir, 'media'), 'dir');
    expect(problem(dir, 'ok.jpg')).toContain('media/ 是一个链接');
  });
  it('a link loop is listed, not followed', () => {
    const dir = folder();
    symlinkSync(join(dir, 'media/loop'), join(dir, 'media/loop'));
    expect(() => listMedia(dir)).not.toThrow();
    expect(problem(dir, 'loop')).toContain('链接');
  });
  it('an SVG with a script, and HTML renamed to .jpg, by their bytes', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'media/evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    writeFileSync(join(dir, 'media/page.jpg'), '<!doctype html><script>alert(1)</script>');
    expect(problem(dir, 'evil.svg')).toContain('不是 JPEG、PNG、WebP 或 GIF');
    expect(problem(dir, 'page.jpg')).toContain('不是 JPEG、PNG、WebP 或 GIF');
  });
  it('a JPEG named .png', () => {
    const dir = folder();
    writeFileSync(join(dir, 'media/photo.png'), JPEG);
    expect(problem(dir, 'photo.png')).toContain('请改为 .jpg');
  });
  it('a file over the size limit', () => {
    const dir = folder();
    writeFileSync(join(dir, 'media/huge.jpg'), JPEG);
    truncateSync(join(dir, 'media/huge.jpg'), MAX_PHOTO_BYTES + 1);
    expect(problem(dir, 'huge.jpg')).toContain('照片过大');
  });
  it('the folder check names cases.csv, line, column and the file', () => {
    const dir = makeFixture();
    mkdirSync(join(dir, 'media'), { recursive: true });
    writeFileSync(
      join(dir, 'media/evil.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
    const cases = readFileSync(join(dir, 'cases.csv'), 'utf8').split('\n');
    const header = cases[0]!.split(',');
    const cells = cases[1]!.split(',');
    // The first case has no quoted commas before its photos column.
    cells[header.indexOf('photos')] = 'evil.svg';
    cases[1] = cells.join(',');
    writeFileSync(join(dir, 'cases.csv'), cases.join('\n'));
    const { problems } = loadDataFolder(dir);
    const p = problems.find((x) => x.field === 'photos');
    expect(p).toMatchObject({ file: 'cases.csv', line: 2, column: header.indexOf('photos') + 1, value: 'evil.svg' });
    expect(p!.zh).toContain('不是 JPEG');
  });
});
