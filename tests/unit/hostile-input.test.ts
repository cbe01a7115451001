/**
 * What a careless clerk or an attacker may put in a data folder is a
 * located problem in the list, never a stack trace and never published:
 * oversized text, oversized and unreadable files, YAML aliases, site.yaml
 * URLs that are not http(s).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataFolder } from '../../src/loader/index.ts';
import { MAX_BYTES } from '../../src/loader/read.ts';
import { cleanupTemp, makeFixture } from '../helpers/fixtures.ts';

afterAll(cleanupTemp);

const problemsOf = (dir: string) => loadDataFolder(dir).problems;
const edit = (dir: string, file: string, fn: (s: string) => string) =>
  writeFileSync(join(dir, file), fn(readFileSync(join(dir, file), 'utf8')));

describe('text limits', () => {
  it('a 50 MB title is refused at its cell with its length', () => {
    const dir = makeFixture();
    edit(dir, 'cases.csv', (s) => {
      const lines = s.split('\n');
      const cells = lines[1]!.split(',');
      cells[1] = '垃'.repeat(201);
      lines[1] = cells.join(',');
      return lines.join('\n');
    });
    const p = problemsOf(dir).find((x) => x.field === 'title');
    expect(p).toMatchObject({ file: 'cases.csv', line: 2, column: 2 });
    expect(p!.zh).toContain('文字过长（201 字）：不能超过 200 字');
  });
  it('a description may run to 5,000 characters, not more', () => {
    const dir = makeFixture();
    const set = (n: number) =>
      edit(dir, 'waters.csv', (s) => {
        const [head, ...rows] = s.split('\n');
        const cols = head!.split(',');
        const cells = rows[0]!.split(',');
        while (cells.length < cols.length) cells.push('');
        cells[cols.indexOf('description')] = '述'.repeat(n);
        return [head, cells.join(','), ...rows.slice(1)].join('\n');
      });
    set(5000);
    expect(problemsOf(dir).filter((x) => x.field === 'description')).toEqual([]);
    set(5001);
    expect(problemsOf(dir).find((x) => x.field === 'description')?.zh).toContain('不能超过 5000 字');
  });
});

describe('files that cannot be read are problems in the list', () => {
  it('a data file over the size limit', () => {
    const dir = makeFixture();
    truncateSync(join(dir, 'segments.csv'), MAX_BYTES.csv + 1);
    expect(problemsOf(dir).find((x) => x.file === 'segments.csv')?.zh).toContain('文件过大');
  });
  it('a link loop, a dangling link and a folder named like a file', () => {
    const dir = makeFixture();
    rmSync(join(dir, 'segments.csv'));
    symlinkSync(join(dir, 'segments.csv'), join(dir, 'segments.csv'));
    rmSync(join(dir, 'patrols.csv'), { force: true });
    symlinkSync(join(dir, 'nowhere.csv'), join(dir, 'patrols.csv'));
    mkdirSync(join(dir, 'readings', 'folder.csv'), { recursive: true });
    const ps = problemsOf(dir);
    expect(ps.find((x) => x.file === 'segments.csv')?.zh).toContain('循环');
    expect(ps.find((x) => x.file === 'patrols.csv')?.zh).toContain('不存在');
    expect(ps.find((x) => x.file === 'readings/folder.csv')?.zh).toContain('不是普通文件');
  });
  it('a document that is a link to nothing', () => {
    const dir = makeFixture();
    symlinkSync(join(dir, 'gone.md'), join(dir, 'documents', 'gone.md'));
    expect(problemsOf(dir).find((x) => x.file === 'documents/gone.md')?.zh).toContain('无法读取');
  });
});

describe('site.yaml', () => {
  it('a YAML alias bomb is refused at the first alias, without expanding it', () => {
    const dir = makeFixture();
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghij'
        .split('')
        .map(
          (k, i) =>
            `${k}: &${k} [*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]},*${'abcdefghij'[i]}]`,
        ),
    ].join('\n');
    edit(dir, 'site.yaml', (s) => `${s}\nlol:\n${bomb.replace(/^/gm, '  ')}\n`);
    const p = problemsOf(dir).find((x) => x.file === 'site.yaml');
    expect(p!.zh).toContain('别名');
    expect(p!.line).toBeGreaterThan(1);
  });
  it.each([
    ['url', 'mailto:hzb@example.org', 'http(s) URL with a host'],
    ['url', 'javascript:alert(1)', 'http(s) URL with a host'],
    ['report.endpoint', 'http://r.example.org/reports', 'https://'],
    ['report.endpoint', 'javascript:alert(1)', 'https://'],
  ])('%s: %s is a located error', (field, value, expected) => {
    const dir = makeFixture();
    edit(dir, 'site.yaml', (s) =>
      field === 'url'
        ? s.replace(/^url: .*$/m, `url: "${value}"`)
        : s.replace(/endpoint: null/, `endpoint: "${value}"`),
    );
    const p = problemsOf(dir).find((x) => x.field === field);
    expect(p, JSON.stringify(problemsOf(dir))).toBeDefined();
    expect(p!.line).toBeGreaterThan(0);
    expect(p!.en).toContain(expected);
  });
  it('an endpoint on localhost may use http, to test a receiver', () => {
    const dir = makeFixture();
    edit(dir, 'site.yaml', (s) => s.replace(/endpoint: null/, 'endpoint: "http://localhost:8787/reports"'));
    expect(problemsOf(dir).filter((x) => x.field === 'report.endpoint')).toEqual([]);
  });
});
