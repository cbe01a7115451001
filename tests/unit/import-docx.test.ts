/**
 * The Word import on a document the project has not seen: a .docx built in
 * the test (tests/fixtures/docx/make-docx.ts) comes through with its
 * headings, numbered list and table, and a frontmatter skeleton.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { convertDocx, slugify } from '../../scripts/import-docx.ts';
import { makeDocx } from '../fixtures/docx/make-docx.ts';
import { checkDocumentBody } from '../../src/loader/document-body.ts';

const docx = makeDocx({
  title: '桃花乡河湖管护实施方案',
  sections: [
    {
      heading: '一、工作目标',
      text: '全乡河湖水质稳定达标',
      numbered: ['清理河道垃圾', ['沿河村组', '重点河段'], '拆除违法建筑'],
      bullets: ['公示牌更新', '巡河记录'],
    },
    {
      heading: '二、任务分工',
      sub: '（一）责任单位',
      table: [
        ['任务', '牵头单位', '完成时限'],
        ['河道清淤', '乡水利站', '2026年6月30日'],
        ['宣传教育', '乡政府办', '长期坚持'],
      ],
    },
    { heading: '三、附则', text: '本方案自印发之日起施行。桃政发〔2026〕7号，2026年3月5日' },
  ],
});

describe('convertDocx', () => {
  it('keeps headings, lists and tables and writes a frontmatter skeleton', async () => {
    const r = await convertDocx(docx, '/x/Taohua Plan 2026.docx');
    expect(r.slug).toBe('taohua-plan-2026');
    expect(r.title).toBe('桃花乡河湖管护实施方案');
    const [, fm, body] = r.text.split(/^---$/m);
    expect(fm).toContain('title: "桃花乡河湖管护实施方案"');
    expect(fm).toMatch(/issuer: "TODO/);
    expect(fm).toMatch(/status: TODO/);
    expect(fm).toContain('number: "桃政发〔2026〕7号"');
    expect(fm).toContain('date: 2026-03-05');
    // The title left the body; sections are ## and ###.
    expect(body).not.toContain('# 桃花乡河湖管护实施方案');
    expect(body).toContain('\n## 一、工作目标\n');
    expect(body).toContain('\n## 二、任务分工\n');
    expect(body).toContain('\n### （一）责任单位\n');
    // Numbered list with a nested level, and bullets.
    expect(body).toContain('1. 清理河道垃圾\n   1. 沿河村组\n   2. 重点河段\n2. 拆除违法建筑');
    expect(body).toContain('- 公示牌更新\n- 巡河记录');
    // The table, cell by cell.
    expect(body).toContain(
      '| 任务 | 牵头单位 | 完成时限 |\n| - | - | - |\n| 河道清淤 | 乡水利站 | 2026年6月30日 |\n| 宣传教育 | 乡政府办 | 长期坚持 |',
    );
    // Bold and italic around Chinese punctuation, written so that the page shows them bold and italic.
    expect(body).toContain('**重点**：全乡河湖水质稳定达标（*试行*）');
    // The site's document check accepts the file as it is, and after renaming it to .mdx.
    expect(checkDocumentBody(r.text, 'md').problems).toEqual([]);
    expect(checkDocumentBody(r.text, 'mdx').problems).toEqual([]);
    expect(r.report.some((l) => l.includes('TODO'))).toBe(true);
  });

  it('makes ids of [a-z0-9-]', () => {
    expect(slugify('Plan_2026 (final).docx')).toBe('plan-2026-final');
    expect(slugify('工作方案.docx')).toBe('document');
  });
});

describe('npm run import:docx', () => {
  it('writes <out>/<slug>.md and reports, refusing to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-docx-'));
    try {
      const file = join(dir, 'in.docx');
      writeFileSync(file, docx);
      const script = join(import.meta.dirname, '..', '..', 'scripts', 'import-docx.ts');
      const out = execFileSync(
        process.execPath,
        [script, file, '--out', join(dir, 'documents'), '--slug', 'taohua-fangan'],
        { encoding: 'utf8' },
      );
      expect(out).toContain('已写入');
      const md = readFileSync(join(dir, 'documents', 'taohua-fangan.md'), 'utf8');
      expect(md).toContain('## 二、任务分工');
      expect(() =>
        execFileSync(process.execPath, [script, file, '--out', join(dir, 'documents'), '--slug', 'taohua-fangan'], {
          stdio: 'pipe',
        }),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
