/**
 * From a request body to a report the store can keep: JSON as the form
 * sends it with JavaScript, or multipart/form-data as the same form posts
 * without. Both are checked with the report form's own zod schema
 * (src/lib/report.ts reportSchema, published as /data/report-schema.json),
 * photos by their bytes (JPEG, PNG, WebP or GIF, whatever the name or the
 * declared type say), and the honeypot field is looked at first.
 *
 * Errors are `{ path, message }`: the path dotted as the JSON has it
 * (`photos.1.data`; empty for the body as a whole), the message in Chinese,
 * the form's own wording where the schema has one.
 */
import { createHash } from 'node:crypto';
import {
  formToReport,
  MESSAGES,
  REF_PATTERN,
  REPORT_LIMITS,
  reportSchema,
  UNKNOWN_WATER,
  type Report,
} from '../lib/report.ts';
import { imageType } from '../lib/image-size.ts';
import type { PhotoInput, ReportFields } from './store.ts';

/**
 * The honeypot: a field of the form that people never see or reach
 * (visually hidden, aria-hidden, out of the tab order) and leave empty;
 * software filling in every field fills it too.
 */
export const HONEYPOT = 'website';

export interface FieldProblem {
  /** Dotted path of the field in the JSON body (`photos.1.data`); '' for the body as a whole. */
  path: string;
  message: string;
}

export type Intake =
  | { kind: 'report'; ref?: string; report: ReportFields; photos: PhotoInput[]; hash: string }
  /** The honeypot was filled: answer as if stored, store nothing. */
  | { kind: 'honeypot'; ref?: string }
  | { kind: 'invalid'; errors: FieldProblem[] };

/** JSON with object keys sorted at every level: equal content, equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

const NAMED_ONLY = new Set(['name', 'phone', 'consent']);
const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  array: '列表',
  object: '对象',
  boolean: 'true 或 false',
};

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  maximum?: number | bigint;
  minimum?: number | bigint;
}

/** The message of a schema issue in Chinese: the form's own message where the schema has one. */
function chinese(issue: Issue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message;
  const last = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_ZH[issue.expected ?? ''] ?? issue.expected ?? '其他类型'}`;
    case 'invalid_value':
      if (last === 'type' && issue.path[0] === 'photos')
        return '照片的 type 应为 "image/jpeg"（浏览器已把照片转为 JPEG）';
      return `取值无效${issue.values?.length ? `，可用的值：${issue.values.map((v) => JSON.stringify(v)).join('、')}` : ''}`;
    case 'too_big':
      return `过长：最多 ${String(issue.maximum)}${issue.path[0] === 'photos' && issue.path.length === 1 ? ' 张' : ' 个字'}`;
    case 'too_small':
      return `过短：至少 ${String(issue.minimum)} 个字`;
    case 'invalid_format':
      return '格式不对';
    default:
      return '这一项无效';
  }
}

function unknownKey(key: string): string {
  return NAMED_ONLY.has(key)
    ? '匿名反映（contact 为 anonymous）不能带有姓名、电话或同意项；要留下联系方式，contact 应为 named'
    : `不接受字段“${key}”：请删去（可用的字段见 /data/report-schema.json）`;
}

/** Schema issues as dotted paths with Chinese messages, the first message of each path. */
export function problemsOf(issues: readonly Issue[]): FieldProblem[] {
  const out = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        const path = [...issue.path, key].map(String).join('.');
        if (!out.has(path)) out.set(path, unknownKey(key));
      }
      continue;
    }
    const path = issue.path.map(String).join('.');
    if (!out.has(path)) out.set(path, chinese(issue));
  }
  return [...out].map(([path, message]) => ({ path, message }));
}

/** The stored fields of a validated report (the reference and photos go separately). */
function fieldsOf(r: Report): ReportFields {
  const f: ReportFields = {
    water: r.water,
    water_name: r.water_name,
    place: r.place,
    lat: r.lat,
    lon: r.lon,
    category: r.category,
    description: r.description,
    seen_date: r.seen_date,
    seen_time: r.seen_time,
    contact: r.contact,
  };
  if (r.contact === 'named') {
    f.name = r.name || undefined;
    f.phone = r.phone;
  }
  return f;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** A filled honeypot: any value but an empty (or blank) string. */
const trapped = (v: unknown) => v !== undefined && !(typeof v === 'string' && v.trim() === '');
const refOf = (v: unknown) => (typeof v === 'string' && REF_PATTERN.test(v) ? v : undefined);

/** A JSON body (text as received). */
export function jsonIntake(text: string): Intake {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'invalid', errors: [{ path: '', message: '请求内容不是有效的 JSON' }] };
  }
  if (!isObject(body))
    return {
      kind: 'invalid',
      errors: [{ path: '', message: '请求内容应为一个 JSON 对象，字段见 /data/report-schema.json' }],
    };
  if (HONEYPOT in body) {
    if (trapped(body[HONEYPOT])) return { kind: 'honeypot', ref: refOf(body.ref) };
    delete body[HONEYPOT];
  }
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) return { kind: 'invalid', errors: problemsOf(parsed.error.issues as unknown as Issue[]) };
  const photos: PhotoInput[] = [];
  const errors: FieldProblem[] = [];
  for (const [i, p] of (parsed.data.photos ?? []).entries()) {
    const bytes = Buffer.from(p.data, 'base64');
    const type = imageType(bytes);
    if (!type) errors.push({ path: `photos.${i}.data`, message: MESSAGES.photoInvalid });
    else photos.push({ bytes, type, sha256: sha256(bytes) });
  }
  if (errors.length) return { kind: 'invalid', errors };
  return {
    kind: 'report',
    ref: parsed.data.ref,
    report: fieldsOf(parsed.data),
    photos,
    hash: sha256(canonicalJson(body)),
  };
}

/**
 * A multipart/form-data body, as the report form posts it without
 * JavaScript (field names as in the JSON; photos are file fields `photos`,
 * originals up to REPORT_LIMITS.photoBytes each; the consent box is "on").
 * On a site with many waters the plain form has a text field `water_name`
 * and an empty `water`: such a report names its water as `_unknown` plus
 * the name typed.
 */
export async function multipartIntake(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<Intake> {
  let form: FormData;
  try {
    form = await new Request('http://receiver.invalid/reports', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }).formData();
  } catch {
    return { kind: 'invalid', errors: [{ path: '', message: '无法读取表单内容，请返回上一页重新提交' }] };
  }
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !(k in values)) values[k] = v;
  if (trapped(values[HONEYPOT])) return { kind: 'honeypot', ref: refOf(values.ref) };
  if (!values.water?.trim() && values.water_name?.trim()) values.water = UNKNOWN_WATER;
  const input = formToReport(values);
  const parsed = reportSchema.safeParse(input);
  const errors = parsed.success ? [] : problemsOf(parsed.error.issues as unknown as Issue[]);

  const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string' && (f.size > 0 || f.name !== ''));
  const photos: PhotoInput[] = [];
  if (files.length > REPORT_LIMITS.photos) errors.push({ path: 'photos', message: MESSAGES.photosMax });
  else {
    for (const [i, f] of files.entries()) {
      if (f.size > REPORT_LIMITS.photoBytes) {
        errors.push({ path: `photos.${i}`, message: MESSAGES.photoTooBig });
        continue;
      }
      const bytes = new Uint8Array(await f.arrayBuffer());
      const type = imageType(bytes);
      if (!type) errors.push({ path: `photos.${i}`, message: MESSAGES.photoNotImage });
      else photos.push({ bytes, type, sha256: sha256(bytes) });
    }
  }
  if (!parsed.success || errors.length) return { kind: 'invalid', errors };
  const hash = sha256(canonicalJson({ ...input, photos: photos.map((p) => p.sha256) }));
  return { kind: 'report', ref: parsed.data.ref, report: fieldsOf(parsed.data), photos, hash };
}
