import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDataFormat } from '../../src/loader/docs.ts';
import { TABLES } from '../../src/schemas/tables.ts';

describe('docs/data-format.md', () => {
  it('is what the schemas render (run `npm run docs` after changing a schema)', () => {
    const onDisk = readFileSync(join(import.meta.dirname, '../../docs/data-format.md'), 'utf8');
    expect(onDisk).toBe(renderDataFormat());
  });

  it('documents every column of every table with its Chinese header', () => {
    const doc = renderDataFormat();
    for (const t of Object.values(TABLES)) {
      for (const [name, col] of Object.entries(t.columns)) {
        expect(doc).toContain(`| \`${name}\` | ${col.zh.join('、')} |`);
      }
    }
  });
});
