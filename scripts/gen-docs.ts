/**
 * Writes docs/data-format.md, the clerks' guide to the data folder, from the
 * schemas themselves (column names, Chinese aliases, required or optional,
 * what each holds), so the guide cannot drift from what the build checks.
 * `npm run docs` rewrites it; a unit test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDataFormat } from '../src/loader/docs.ts';

const file = join(import.meta.dirname, '..', 'docs', 'data-format.md');
writeFileSync(file, renderDataFormat());
console.log(`wrote ${file}`);
