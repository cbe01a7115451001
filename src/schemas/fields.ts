/**
 * Zod field factories for the cells of the data contract's CSV files.
 *
 * A cell arrives as a trimmed string, or `undefined` when empty. Each factory
 * returns a schema with a bilingual message ("中文\nEnglish"): the Chinese line
 * is for the office clerk, the English one for a developer. `expected` in a
 * validation problem is that message.
 */
import { z } from 'astro/zod';
import { isValidDate, isValidMonth } from '../lib/dates.ts';
import { parseMeasurement } from '../lib/measurement.ts';
import { formatMetric, parseMetric } from '../lib/metrics.ts';

/** A bilingual message: Chinese, then English, separated by a newline. */
export function bi(zh: string, en: string): string {
  return `${zh}\n${en}`;
}

/** A bilingual message for a cell that is not what was expected: `en` names what was expected. */
export function expect(zh: string, en: string): string {
  return bi(zh, `expected ${en}`);
}

export const ID_PATTERN = /^[a-z0-9-]+$/;
const REQUIRED = expect('必填，不能为空', 'a value (this cell is required)');

/** A required cell: `undefined` (empty) fails with "required". */
function required<T extends z.ZodType<unknown, string>>(inner: T) {
  return z.string({ error: REQUIRED }).pipe(inner);
}

export function id() {
  return required(
    z.string().regex(ID_PATTERN, {
      error: expect(
        '编码只能含小写字母、数字和连字符 (a-z 0-9 -)',
        'an id of lowercase letters, digits and hyphens [a-z0-9-]+',
      ),
    }),
  );
}

/** A reference to an id of another file; checked against that file later. */
export const ref = id;

/** The longest a short text cell may be (names, titles, units, places), in characters. */
export const SHORT_TEXT_MAX = 200;
/** The longest a long text cell may be (descriptions, duties, reasons, notes), in characters. */
export const LONG_TEXT_MAX = 5000;

/**
 * A text cell of at most `max` characters. The limits keep a pasted
 * document or a runaway export (a 50 MB title once passed) from reaching
 * every page that shows the cell; the clerks' guide states them.
 */
export function text(max = SHORT_TEXT_MAX) {
  return required(
    z.string().max(max, {
      error: (iss) =>
        expect(
          `文字过长（${String(iss.input).length} 字）：不能超过 ${max} 字`,
          `text too long (${String(iss.input).length} characters): at most ${max}`,
        ),
    }),
  );
}

/** A long text cell (descriptions, duties, reasons, notes): at most LONG_TEXT_MAX characters. */
export function longText() {
  return text(LONG_TEXT_MAX);
}

/**
 * A text value of site.yaml or of a document's frontmatter: trimmed, not
 * empty, at most `max` characters. (A CSV cell is `text()`: the table
 * reader has already turned an empty cell into "missing".)
 */
export function valueText(max = SHORT_TEXT_MAX) {
  return z
    .string({ error: expect('必填，应为文字', 'a non-empty text') })
    .trim()
    .min(1, { error: expect('必填，不能为空', 'a value (required)') })
    .max(max, {
      error: (iss) =>
        expect(
          `文字过长（${String(iss.input).length} 字）：不能超过 ${max} 字`,
          `text too long (${String(iss.input).length} characters): at most ${max}`,
        ),
    });
}

/** A date value of site.yaml or frontmatter: a YAML parser may give an unquoted date as a Date; both read as YYYY-MM-DD. */
export function valueDate() {
  return z
    .union([z.string(), z.date()], { error: expect('应为日期 YYYY-MM-DD', 'a date as YYYY-MM-DD') })
    .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
    .refine(isValidDate, { error: expect('应为 YYYY-MM-DD 格式的真实日期', 'a real date as YYYY-MM-DD') });
}

export function date() {
  return required(
    z.string().refine(isValidDate, {
      error: expect('日期应为 YYYY-MM-DD 格式的真实日期，如 2026-03-15', 'a real date as YYYY-MM-DD, e.g. 2026-03-15'),
    }),
  );
}

export function month() {
  return required(
    z
      .string()
      .refine(isValidMonth, { error: expect('月份应为 YYYY-MM 格式，如 2026-03', 'a month as YYYY-MM, e.g. 2026-03') }),
  );
}

/** A date 'YYYY-MM-DD' or a month 'YYYY-MM' (a monthly monitoring value). */
export function dateOrMonth() {
  return required(
    z.string().refine((v) => isValidDate(v) || isValidMonth(v), {
      error: expect('应为日期 YYYY-MM-DD 或月份 YYYY-MM', 'a date YYYY-MM-DD or a month YYYY-MM'),
    }),
  );
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function number(opts: { min?: number; max?: number; integer?: boolean } = {}) {
  const { min, max, integer } = opts;
  const range =
    min !== undefined && max !== undefined
      ? `${min} 到 ${max} 之间`
      : min !== undefined
        ? `不小于 ${min}`
        : max !== undefined
          ? `不大于 ${max}`
          : '';
  const rangeEn =
    min !== undefined && max !== undefined
      ? ` between ${min} and ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : '';
  const kind = integer ? '整数' : '数字';
  const kindEn = integer ? 'a whole number' : 'a number';
  return required(
    z
      .string()
      .refine(
        (v) => {
          if (!NUMBER.test(v)) return false;
          const x = Number(v);
          if (integer && !Number.isInteger(x)) return false;
          if (min !== undefined && x < min) return false;
          if (max !== undefined && x > max) return false;
          return true;
        },
        { error: expect(`应为${range}的${kind}`, `${kindEn}${rangeEn}`) },
      )
      .transform(Number),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return required(
    z.enum(values, { error: expect(`应为以下之一：${values.join(' | ')}`, `one of ${values.join(' | ')}`) }),
  );
}

/** A `;`-separated list of ids. */
export function idList() {
  return required(
    z
      .string()
      .transform((v) =>
        v
          .split(/[;；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z.string().regex(ID_PATTERN, {
              error: expect('列表中的每个编码只能含小写字母、数字和连字符，用 ; 分隔', 'ids [a-z0-9-]+ separated by ;'),
            }),
          )
          .min(1, { error: REQUIRED }),
      ),
  );
}

/** A `;`-separated list of free values (e.g. photo file names). */
export function textList() {
  return required(
    z.string().transform((v) =>
      v
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  );
}

/** A monitoring value: a number, or a detection limit written with a trailing L. */
export function measurement() {
  return required(
    z.string().transform((v, ctx) => {
      const m = parseMeasurement(v);
      if (!m) {
        ctx.addIssue({
          code: 'custom',
          message: expect(
            '应为数值，低于检出限时写作检出限加 L，如 0.004L',
            'a number, or a detection limit with a trailing L, e.g. 0.004L',
          ),
        });
        return z.NEVER;
      }
      return m;
    }),
  );
}

/**
 * A target's metric (计算口径, targets.csv): one of the forms of src/lib/metrics.ts,
 * e.g. `cases_closed:encroachment;dumping` (the `;` list is part of the one
 * cell). Kept as its canonical text: full-width `：`/`；` and spaces normalised.
 */
export function metric() {
  return required(
    z.string().transform((v, ctx) => {
      const parsed = parseMetric(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: bi(parsed.zh, parsed.en) });
        return z.NEVER;
      }
      return formatMetric(parsed.metric);
    }),
  );
}

export function latitude() {
  return number({ min: -90, max: 90 });
}
export function longitude() {
  return number({ min: -180, max: 180 });
}
