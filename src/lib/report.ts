/**
 * The citizen's report (群众反映): one zod schema that the browser validates
 * against before sending and that the site publishes as JSON Schema
 * (/data/report-schema.json) so the receiving system validates the same;
 * the error messages in Chinese that say what to do; the reference number;
 * the checks of picked photos; and the water search of the "which water"
 * field. The plain-text rendering for email and WeChat is report-text.ts,
 * what a draft on the device keeps is report-draft.ts.
 *
 * Pure TypeScript, bundled into the report page: it uses `zod/mini` (the
 * tree-shakable functional API of zod 4, about 8 KB gzipped here against
 * 27 KB for classic zod) and nothing else from outside src/lib.
 *
 * The JSON a report is sent as uses the form's field names, so a plain HTML
 * post of the same form (no JavaScript) carries the same names; see
 * REPORT_FIELD_DOCS for what differs in such a post.
 */
import { z } from 'zod/mini';
import type { CaseCategory } from './enums.ts';
import { isValidDate } from './dates.ts';

/** Limits of the form, shared by the page text, the browser checks and the schema. */
export const REPORT_LIMITS = {
  /** Photos per report. */
  photos: 4,
  /** Largest photo the person may choose, before it is resized in the browser. */
  photoBytes: 10 * 1024 * 1024,
  /** Longest edge of a photo after resizing (px), JPEG. */
  photoEdge: 1600,
  /** Largest resized photo as base64 (about 3 MB of JPEG; a 1600 px JPEG is usually under 1 MB). */
  photoBase64: 4_000_000,
  placeMin: 2,
  placeMax: 200,
  descriptionMin: 10,
  descriptionMax: 2000,
  nameMax: 50,
} as const;

/** Value of the water field for "I don't know its name": not a valid water id (ids have no `_`). */
export const UNKNOWN_WATER = '_unknown';

/**
 * The contract's case categories in plain words, in the order the form
 * offers them: what people see first (pollution, rubbish) before the
 * official terms, which follow in brackets.
 */
export const CATEGORY_CHOICES: readonly { value: CaseCategory; label: string; hint: string }[] = [
  { value: 'pollution', label: '水体污染', hint: '水面有油污、泡沫，颜色异常，死鱼等' },
  { value: 'black_odorous', label: '河水发黑发臭', hint: '水体发黑、散发臭味' },
  { value: 'sewage_outlet', label: '排污口排放污水', hint: '管道、暗管或沟渠向河湖排放污水' },
  { value: 'garbage', label: '垃圾', hint: '水面漂浮垃圾、岸边生活垃圾' },
  { value: 'dumping', label: '乱堆乱倒', hint: '在河道、岸边堆放或倾倒渣土、建筑垃圾、物料（乱堆）' },
  { value: 'sand_mining', label: '非法采砂取土', hint: '在河道内挖砂、取土、采石（乱采）' },
  { value: 'encroachment', label: '侵占河湖', hint: '围垦、填埋、圈占河道或水面（乱占）' },
  { value: 'illegal_building', label: '违法建设', hint: '在河道管理范围内建房、搭建设施（乱建）' },
  { value: 'livestock', label: '畜禽养殖污染', hint: '养殖场的粪污流入河湖' },
  { value: 'sign_outdated', label: '河长公示牌有误', hint: '公示牌上的河长、电话等信息过时或错误，公示牌损坏、缺失' },
  { value: 'other', label: '其他问题', hint: '以上都不是' },
];

/** The category values (the same set as enums.ts CASE_CATEGORY, checked by the unit tests; a type-only import keeps enums.ts out of the page's bundle). */
const CATEGORY_VALUES = CATEGORY_CHOICES.map((c) => c.value) as [CaseCategory, ...CaseCategory[]];

export const CATEGORY_LABEL = Object.fromEntries(CATEGORY_CHOICES.map((c) => [c.value, c.label])) as Record<
  CaseCategory,
  string
>;

/** Messages that say what to do (GOV.UK style), one place for the form and the tests. */
export const MESSAGES = {
  water: '请选择问题所在的河湖；不知道名称请选择“不知道河湖名称”',
  waterName: '河湖名称请写在100字以内',
  placeMissing: '请填写问题所在的位置，如附近的桥、村庄、路口或门牌',
  placeMax: `位置请写在${REPORT_LIMITS.placeMax}字以内`,
  geo: '定位坐标无效，请清除后重新定位',
  category: '请选择问题的类别；都不符合请选择“其他问题”',
  descriptionMissing: '请写下您看到的情况',
  descriptionMin: `请把看到的情况写得具体一些，至少${REPORT_LIMITS.descriptionMin}个字`,
  descriptionMax: `请把看到的情况写在${REPORT_LIMITS.descriptionMax}字以内，更多内容可拍照附上`,
  dateMissing: '请填写发现问题的日期',
  dateInvalid: '请填写真实的日期，如 2026-10-30',
  dateFuture: '发现日期不能晚于今天',
  time: '时间请按“时:分”填写，如 14:30；记不清可以不填',
  photosMax: `最多只能附${REPORT_LIMITS.photos}张照片，请删去多余的照片`,
  photoInvalid: '有一张照片无法读取，请删去后重新添加',
  contact: '请选择是否留下姓名和电话',
  nameMax: `姓名请写在${REPORT_LIMITS.nameMax}字以内`,
  phoneMissing: '请填写联系电话；不想留电话请选择“匿名反映”',
  phoneInvalid: '请填写11位手机号码或带区号的固定电话，如 13800000000 或 0571-88888888',
  consent: '请勾选同意处理您的个人信息；不同意可选择“匿名反映”',
  ref: '编号格式应为 JB-年月日-6位字母数字',
  photoTooBig: `这张照片超过${REPORT_LIMITS.photoBytes / 1024 / 1024} MB，请选择较小的照片`,
  photoNotImage: '只能添加照片（JPG、PNG 等图片文件）',
  photoUnreadable: '无法读取这张照片，请换一张 JPG 或 PNG 照片',
} as const;

/* ---------------------------------------------------------------- reference */

/** 32 characters without 0/O and 1/I: a byte's low 5 bits pick one with no bias. */
export const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** JB-YYYYMMDD-XXXXXX: 举报 ("JB"), the local date it was made, 6 characters of REF_ALPHABET (32^6 ≈ 1.07e9 a day). */
export const REF_PATTERN = /^JB-\d{8}-[2-9A-HJ-NP-Z]{6}$/;

/**
 * A new reference number, e.g. JB-20261030-7XK2PA. The random part comes
 * from `crypto.getRandomValues` (tests may pass another source); the date is
 * the browser's local date, the day the person submitted.
 */
export function newReference(
  now: Date = new Date(),
  fill: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const bytes = fill(new Uint8Array(6));
  let tail = '';
  for (const b of bytes) tail += REF_ALPHABET[b & 31];
  const p = (n: number) => String(n).padStart(2, '0');
  return `JB-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${tail}`;
}

/* ------------------------------------------------------------------- schema */

const text = (message: string) => z.string({ error: message });
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE_RE = /^(?:1[3-9]\d{9}|0\d{9,11})$/;
const BASE64_RE = /^[A-Za-z0-9+/]+={0,2}$/;

/** Today as YYYY-MM-DD in local time, plus one day of slack for a browser and a server in different time zones. */
function latestAllowedDate(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const photoSchema = z.strictObject({
  name: z.string().check(z.maxLength(200)),
  type: z.literal('image/jpeg'),
  data: z
    .string({ error: MESSAGES.photoInvalid })
    .check(z.maxLength(REPORT_LIMITS.photoBase64, MESSAGES.photoInvalid), z.regex(BASE64_RE, MESSAGES.photoInvalid)),
});

/** What every report has, whoever sends it. */
const reportFields = z.strictObject({
  ref: z.optional(z.string().check(z.regex(REF_PATTERN, MESSAGES.ref))),
  water: text(MESSAGES.water).check(z.regex(/^(?:[a-z0-9-]+|_unknown)$/, MESSAGES.water)),
  water_name: z.optional(z.string().check(z.maxLength(100, MESSAGES.waterName))),
  place: text(MESSAGES.placeMissing).check(
    z.trim(),
    z.minLength(REPORT_LIMITS.placeMin, MESSAGES.placeMissing),
    z.maxLength(REPORT_LIMITS.placeMax, MESSAGES.placeMax),
  ),
  lat: z.optional(z.number({ error: MESSAGES.geo }).check(z.gte(-90, MESSAGES.geo), z.lte(90, MESSAGES.geo))),
  lon: z.optional(z.number({ error: MESSAGES.geo }).check(z.gte(-180, MESSAGES.geo), z.lte(180, MESSAGES.geo))),
  category: z.enum(CATEGORY_VALUES, { error: MESSAGES.category }),
  description: text(MESSAGES.descriptionMissing).check(
    z.trim(),
    z.minLength(REPORT_LIMITS.descriptionMin, MESSAGES.descriptionMin),
    z.maxLength(REPORT_LIMITS.descriptionMax, MESSAGES.descriptionMax),
  ),
  seen_date: text(MESSAGES.dateMissing).check(
    z.regex(DATE_RE, MESSAGES.dateInvalid),
    z.refine((v) => !DATE_RE.test(v) || isValidDate(v), MESSAGES.dateInvalid),
    z.refine((v) => !isValidDate(v) || v <= latestAllowedDate(), MESSAGES.dateFuture),
  ),
  seen_time: z.optional(z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, MESSAGES.time))),
  photos: z.optional(z.array(photoSchema).check(z.maxLength(REPORT_LIMITS.photos, MESSAGES.photosMax))),
});

export type ContactChoice = 'anonymous' | 'named';

/** Anonymous, or named with a phone and the consent to process it (个人信息保护法 art. 13–14). */
const contactFields = z.discriminatedUnion(
  'contact',
  [
    z.strictObject({ contact: z.literal('anonymous') }),
    z.strictObject({
      contact: z.literal('named'),
      name: z.optional(z.string().check(z.trim(), z.maxLength(REPORT_LIMITS.nameMax, MESSAGES.nameMax))),
      phone: text(MESSAGES.phoneMissing).check(z.regex(PHONE_RE, MESSAGES.phoneInvalid)),
      consent: z.literal(true, { error: MESSAGES.consent }),
    }),
  ],
  { error: MESSAGES.contact },
);

/**
 * The report. An intersection, not one union, so that a missing contact
 * choice does not hide the errors of the other fields: both halves are
 * checked and all issues come back together. Objects are strict (unknown
 * properties refused), as the published JSON Schema is; zod refuses a key
 * of an intersection only when neither half knows it.
 */
export const reportSchema = z.intersection(reportFields, contactFields);

export type Report = z.output<typeof reportSchema>;
export type ReportPhoto = z.output<typeof photoSchema>;

/**
 * What each property means, for the published JSON Schema (added there as
 * `description`; kept out of the browser bundle by tree-shaking).
 */
export const REPORT_FIELD_DOCS: Record<string, string> = {
  ref: '受理编号，浏览器生成：JB-年月日-6位（字母数字，不含 0/O/1/I）。同一编号重复提交视为同一反映（重试）。纯 HTML 提交（未启用 JavaScript）不带编号，由接收系统按同一格式生成。',
  water: `水体编码（waters.csv 的 id）；不知道名称时为 "${UNKNOWN_WATER}"。纯 HTML 提交在河湖较多的站点可能为空，此时看 water_name。`,
  water_name: '河湖名称：从列表选定时为名录中的名称和流经乡镇，如“清溪河（青山镇、白沙镇）”；否则为反映人填写的文字。',
  place: '问题位置（地标、村庄、桥梁、路口等）。',
  lat: '纬度（WGS84），仅在反映人点击“使用我的位置”后由浏览器定位提供。',
  lon: '经度（WGS84），同上。',
  category: '问题类别，取值同 cases.csv 的 category。',
  description: '看到的情况。',
  seen_date: '发现日期 YYYY-MM-DD，不晚于当天。',
  seen_time: '发现时间 HH:MM（可选）。',
  photos: `照片，最多 ${REPORT_LIMITS.photos} 张，浏览器已缩小至长边不超过 ${REPORT_LIMITS.photoEdge} 像素的 JPEG，data 为 base64（不含 data: 前缀）。纯 HTML 提交时为 multipart 文件字段 photos（原图）。`,
  contact:
    'anonymous = 匿名反映，不含 name、phone、consent；named = 留下联系方式。纯 HTML 提交时由所用的表决定：/report/ 为 anonymous，/report/named/ 为 named。',
  name: '姓名（可选，仅 named；匿名反映不含此字段）。',
  phone: '联系电话，仅数字：11位手机号码或 0 开头的固定电话（仅 named；匿名反映不含此字段）。',
  consent: '反映人同意为处理本次反映而处理其个人信息（仅 named，必须为 true；纯 HTML 提交时为复选框的值 "on"）。',
};

type JsonNode = {
  type?: string;
  properties?: Record<string, JsonNode & { description?: string }>;
  additionalProperties?: boolean;
  items?: JsonNode;
  oneOf?: JsonNode[];
  anyOf?: JsonNode[];
  allOf?: JsonNode[];
};

/** Describe every top-level property and close every object (unknown properties are refused). */
function annotate(node: JsonNode, top: boolean): void {
  if (node.type === 'object' && node.properties) {
    node.additionalProperties = false;
    for (const [key, prop] of Object.entries(node.properties)) {
      if (top && REPORT_FIELD_DOCS[key]) prop.description = REPORT_FIELD_DOCS[key];
      annotate(prop, false);
    }
  }
  if (node.items) annotate(node.items, false);
  for (const list of [node.oneOf, node.anyOf, node.allOf]) for (const n of list ?? []) annotate(n, top);
}

/**
 * The JSON Schema (draft 2020-12) of reportSchema, as the site publishes it
 * at /data/report-schema.json (`id` is that URL): the input side of the
 * schema (what is sent), each field described, objects closed. Checks JSON
 * Schema cannot state (a real calendar date, not later than today) are
 * named in the descriptions.
 */
export function reportJsonSchema(id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(reportSchema, { io: 'input', target: 'draft-2020-12' }) as JsonNode &
    Record<string, unknown>;
  annotate(generated, true);
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: id,
    title: '群众反映河湖问题',
    description:
      '反映表单提交的 JSON（POST，Content-Type: application/json）。与 /report/ 页面在浏览器中校验所用的是同一个 zod 模式。' +
      '未启用 JavaScript 时，同一表单以 multipart/form-data 提交同名字段（照片为文件字段 photos，没有 ref）。' +
      '匿名反映（contact 为 anonymous）不含 name、phone、consent：浏览器不会发送这些字段，接收系统应拒绝带有这些字段的匿名反映。',
    ...rest,
  };
}

/* --------------------------------------------------------------- validation */

/**
 * The fields of the form in page order; an error summary lists errors in
 * this order and links each to its field. `geo` is the location button
 * (lat/lon), `photos` the photo list.
 */
export const FIELDS = [
  'water',
  'place',
  'geo',
  'category',
  'description',
  'seen_date',
  'seen_time',
  'photos',
  'contact',
  'name',
  'phone',
  'consent',
] as const;
export type FieldKey = (typeof FIELDS)[number];

export interface FieldError {
  field: FieldKey;
  message: string;
}

function fieldOf(path: readonly PropertyKey[]): FieldKey {
  const head = String(path[0] ?? '');
  if (head === 'lat' || head === 'lon') return 'geo';
  if (head === 'ref' || head === 'water_name') return 'water';
  return (FIELDS as readonly string[]).includes(head) ? (head as FieldKey) : 'water';
}

export type Validation = { ok: true; report: Report; errors: [] } | { ok: false; errors: FieldError[] };

/** Validate a report; on failure, the first message of each field, in page order. */
export function validateReport(input: unknown): Validation {
  const result = reportSchema.safeParse(input);
  if (result.success) return { ok: true, report: result.data, errors: [] };
  const first = new Map<FieldKey, string>();
  for (const issue of result.error.issues) {
    // An unknown property is reported on the object; name the property instead.
    const field = fieldOf(issue.code === 'unrecognized_keys' && issue.path.length === 0 ? issue.keys : issue.path);
    if (!first.has(field)) first.set(field, issue.message);
  }
  return { ok: false, errors: FIELDS.filter((f) => first.has(f)).map((f) => ({ field: f, message: first.get(f)! })) };
}

/** Digits of a phone number as people type it: spaces, dashes, brackets and +86 / 0086 removed; full-width digits made half-width. */
export function normalisePhone(value: string): string {
  const half = value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return half.replace(/[\s\-－—()（）]/g, '').replace(/^(?:\+86|0086)/, '');
}

/**
 * The report object from the form's values (strings, as FormData gives
 * them): text trimmed, empty values left out (so "missing" gets its own
 * message), numbers parsed, the phone normalised, the consent box made a
 * boolean, and name/phone dropped when the person chose to stay anonymous.
 */
export function formToReport(
  values: Readonly<Record<string, string | undefined>>,
  photos?: ReportPhoto[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [
    'ref',
    'water',
    'water_name',
    'place',
    'category',
    'description',
    'seen_date',
    'seen_time',
    'contact',
    'name',
  ] as const) {
    const v = values[key]?.trim();
    if (v) out[key] = v;
  }
  for (const key of ['lat', 'lon'] as const) {
    const v = values[key]?.trim();
    if (v) out[key] = Number(v);
  }
  const phone = normalisePhone(values.phone ?? '');
  if (phone) out.phone = phone;
  if (values.consent && values.consent !== 'false') out.consent = true;
  if (out.contact !== 'named') {
    delete out.name;
    delete out.phone;
    delete out.consent;
  }
  if (photos?.length) out.photos = photos;
  return out;
}

/* ------------------------------------------------------------------- photos */

/** Check the files a person picks, before resizing: which to take and why the others were refused. */
export function checkPhotoFiles<F extends { name: string; size: number; type: string }>(
  files: readonly F[],
  already: number,
): { accepted: F[]; refused: { file: F; message: string }[] } {
  const accepted: F[] = [];
  const refused: { file: F; message: string }[] = [];
  for (const file of files) {
    if (file.type && !file.type.startsWith('image/')) refused.push({ file, message: MESSAGES.photoNotImage });
    else if (file.size > REPORT_LIMITS.photoBytes) refused.push({ file, message: MESSAGES.photoTooBig });
    else if (already + accepted.length >= REPORT_LIMITS.photos) refused.push({ file, message: MESSAGES.photosMax });
    else accepted.push(file);
  }
  return { accepted, refused };
}

/* ------------------------------------------------------------- water search */

/** One choice of the water field: id, name, townships it flows through, pinyin keys ("dongxihe dxh"). */
export interface WaterChoice {
  id: string;
  name: string;
  area: string;
  keys: string;
}

/**
 * Waters matching what the person typed, best first: the exact name, then
 * names starting with it, then pinyin or initials starting with it, then
 * names, pinyin and townships containing it. Ties keep the list's order
 * (pinyin order). An empty query gives the list's first `limit` entries.
 */
export function matchWaters(list: readonly WaterChoice[], query: string, limit = 50): WaterChoice[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return list.slice(0, limit);
  const scored: { w: WaterChoice; s: number; i: number }[] = [];
  list.forEach((w, i) => {
    const keys = w.keys.split(' ');
    const s =
      w.name === q
        ? 0
        : w.name.startsWith(q)
          ? 1
          : keys.some((k) => k.startsWith(q))
            ? 2
            : w.name.includes(q)
              ? 3
              : keys.some((k) => k.includes(q))
                ? 4
                : w.area.includes(q)
                  ? 5
                  : -1;
    if (s >= 0) scored.push({ w, s, i });
  });
  return scored
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.w);
}
