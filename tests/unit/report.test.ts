import { describe, expect, it } from 'vitest';
import { CASE_CATEGORY } from '../../src/lib/enums.ts';
import {
  CATEGORY_CHOICES,
  checkPhotoFiles,
  FIELDS,
  formToReport,
  matchWaters,
  MESSAGES,
  newReference,
  normalisePhone,
  REF_ALPHABET,
  REF_PATTERN,
  REPORT_FIELD_DOCS,
  REPORT_LIMITS,
  reportJsonSchema,
  reportSchema,
  UNKNOWN_WATER,
  validateReport,
  type Report,
  type WaterChoice,
} from '../../src/lib/report.ts';
import { DRAFT_DAYS, draftExpired, draftValues } from '../../src/lib/report-draft.ts';
import { mailtoHref, reportSubject, reportText } from '../../src/lib/report-text.ts';

/** A complete anonymous report as the form gives it (strings). */
const FORM = {
  water: 'qingxi',
  water_name: '清溪（城关镇）',
  place: '青石桥下游约100米左岸',
  category: 'pollution',
  description: '水面有一层油污，闻起来有柴油味，已经两天了',
  seen_date: '2026-10-30',
  seen_time: '14:30',
  contact: 'anonymous',
};

const NAMED = { ...FORM, contact: 'named', name: '张三', phone: '138 0013 8000', consent: 'on' };

function errorsOf(values: Record<string, string>) {
  const v = validateReport(formToReport(values));
  return v.ok ? [] : v.errors;
}

describe('the report schema', () => {
  it('accepts a complete anonymous report', () => {
    const v = validateReport(formToReport(FORM));
    expect(v.ok).toBe(true);
    expect(v.ok && v.report).toMatchObject({ water: 'qingxi', category: 'pollution', contact: 'anonymous' });
  });

  it('accepts a named report, with the phone normalised and the consent a boolean', () => {
    const v = validateReport(formToReport(NAMED));
    expect(v.ok && v.report).toMatchObject({ contact: 'named', name: '张三', phone: '13800138000', consent: true });
  });

  it('gives every missing required field its own message, in page order (the error summary)', () => {
    expect(errorsOf({})).toEqual([
      { field: 'water', message: MESSAGES.water },
      { field: 'place', message: MESSAGES.placeMissing },
      { field: 'category', message: MESSAGES.category },
      { field: 'description', message: MESSAGES.descriptionMissing },
      { field: 'seen_date', message: MESSAGES.dateMissing },
      { field: 'contact', message: MESSAGES.contact },
    ]);
  });

  it('says 请选择问题所在的河湖 when no water is chosen', () => {
    expect(errorsOf({ ...FORM, water: '' })).toEqual([{ field: 'water', message: MESSAGES.water }]);
    expect(MESSAGES.water).toContain('请选择问题所在的河湖');
  });

  it('accepts "I don\'t know its name" as the water', () => {
    expect(validateReport(formToReport({ ...FORM, water: UNKNOWN_WATER })).ok).toBe(true);
  });

  it('refuses a water value that is neither an id nor the unknown choice', () => {
    expect(errorsOf({ ...FORM, water: 'Qing Xi' })[0]?.field).toBe('water');
  });

  it('still reports the other fields when the contact choice is missing', () => {
    const { contact: _c, ...rest } = FORM;
    expect(errorsOf({ ...rest, description: '太短' })).toEqual([
      { field: 'description', message: MESSAGES.descriptionMin },
      { field: 'contact', message: MESSAGES.contact },
    ]);
  });

  it('requires phone and consent only when the person chose to leave contact details', () => {
    expect(errorsOf({ ...FORM, contact: 'named' })).toEqual([
      { field: 'phone', message: MESSAGES.phoneMissing },
      { field: 'consent', message: MESSAGES.consent },
    ]);
    expect(errorsOf({ ...NAMED, phone: '12345' })).toEqual([{ field: 'phone', message: MESSAGES.phoneInvalid }]);
  });

  it('drops name and phone of an anonymous report', () => {
    const r = formToReport({ ...NAMED, contact: 'anonymous' });
    expect(r).not.toHaveProperty('name');
    expect(r).not.toHaveProperty('phone');
    expect(r).not.toHaveProperty('consent');
  });

  it('checks the lengths of place and description', () => {
    expect(errorsOf({ ...FORM, place: '桥' })).toEqual([{ field: 'place', message: MESSAGES.placeMissing }]);
    expect(errorsOf({ ...FORM, place: '桥'.repeat(REPORT_LIMITS.placeMax + 1) })).toEqual([
      { field: 'place', message: MESSAGES.placeMax },
    ]);
    expect(errorsOf({ ...FORM, description: '脏'.repeat(REPORT_LIMITS.descriptionMax + 1) })).toEqual([
      { field: 'description', message: MESSAGES.descriptionMax },
    ]);
    expect(errorsOf({ ...FORM, description: '   很脏   ' })).toEqual([
      { field: 'description', message: MESSAGES.descriptionMin },
    ]);
  });

  it('checks that the date exists and is not in the future', () => {
    expect(errorsOf({ ...FORM, seen_date: '2026-02-30' })).toEqual([
      { field: 'seen_date', message: MESSAGES.dateInvalid },
    ]);
    expect(errorsOf({ ...FORM, seen_date: '30/10/2026' })).toEqual([
      { field: 'seen_date', message: MESSAGES.dateInvalid },
    ]);
    expect(errorsOf({ ...FORM, seen_date: '2999-01-01' })).toEqual([
      { field: 'seen_date', message: MESSAGES.dateFuture },
    ]);
  });

  it('checks the optional time', () => {
    expect(errorsOf({ ...FORM, seen_time: '' })).toEqual([]);
    expect(errorsOf({ ...FORM, seen_time: '24:10' })).toEqual([{ field: 'seen_time', message: MESSAGES.time }]);
  });

  it('refuses a category outside the contract', () => {
    expect(errorsOf({ ...FORM, category: 'noise' })).toEqual([{ field: 'category', message: MESSAGES.category }]);
  });

  it('keeps coordinates from the browser and refuses impossible ones under the location button', () => {
    expect(validateReport(formToReport({ ...FORM, lat: '30.123456', lon: '120.654321' })).ok).toBe(true);
    expect(errorsOf({ ...FORM, lat: '91', lon: '120' })).toEqual([{ field: 'geo', message: MESSAGES.geo }]);
  });

  it('limits the number of photos and checks their data', () => {
    const photo = { name: 'a.jpg', type: 'image/jpeg', data: 'AAAA' };
    expect(validateReport({ ...formToReport(FORM), photos: [photo, photo, photo, photo] }).ok).toBe(true);
    const five = validateReport({ ...formToReport(FORM), photos: [photo, photo, photo, photo, photo] });
    expect(five.ok ? [] : five.errors).toEqual([{ field: 'photos', message: MESSAGES.photosMax }]);
    const bad = validateReport({ ...formToReport(FORM), photos: [{ ...photo, data: 'not base64!' }] });
    expect(bad.ok ? [] : bad.errors).toEqual([{ field: 'photos', message: MESSAGES.photoInvalid }]);
  });

  it('accepts the reference number only in its format', () => {
    expect(validateReport({ ...formToReport(FORM), ref: 'JB-20261030-7XK2PA' }).ok).toBe(true);
    expect(validateReport({ ...formToReport(FORM), ref: 'JB-20261030-0OI1AA' }).ok).toBe(false);
  });

  it('maps every error to a field of the page', () => {
    for (const e of errorsOf({ contact: 'named', lat: 'x', lon: 'y', seen_time: 'x' }))
      expect(FIELDS).toContain(e.field);
  });

  it("offers exactly the contract's categories, in plain words with hints", () => {
    expect(CATEGORY_CHOICES.map((c) => c.value).sort()).toEqual([...CASE_CATEGORY.values].sort());
    for (const c of CATEGORY_CHOICES) expect(c.label.length > 0 && c.hint.length > 0).toBe(true);
  });
});

describe('normalisePhone', () => {
  it('removes what people type around the digits', () => {
    expect(normalisePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalisePhone('0086 13800138000')).toBe('13800138000');
    expect(normalisePhone('(0571) 8888 8888')).toBe('057188888888');
    expect(normalisePhone('１３８００１３８０００')).toBe('13800138000');
  });
});

describe('newReference', () => {
  const counter = () => {
    let n = 0;
    return (b: Uint8Array) => b.map(() => n++);
  };

  it('is JB-YYYYMMDD-XXXXXX with the local date', () => {
    const ref = newReference(new Date(2026, 9, 30, 23, 59), counter());
    expect(ref).toBe('JB-20261030-234567');
    expect(ref).toMatch(REF_PATTERN);
  });

  it('uses an alphabet of 32 characters without 0, O, 1 or I', () => {
    expect(REF_ALPHABET).toHaveLength(32);
    expect(new Set(REF_ALPHABET).size).toBe(32);
    for (const c of '0O1I') expect(REF_ALPHABET).not.toContain(c);
    // every byte value maps into the alphabet, evenly (256 = 8 × 32)
    const all = newReference(new Date(2026, 0, 1), (b) => b.map((_, i) => 255 - i));
    expect(all).toMatch(REF_PATTERN);
  });

  it('takes its randomness from crypto.getRandomValues by default', () => {
    const refs = new Set(Array.from({ length: 200 }, () => newReference()));
    expect(refs.size).toBe(200);
    for (const r of refs) expect(r).toMatch(REF_PATTERN);
  });
});

describe('checkPhotoFiles', () => {
  const file = (name: string, mb: number, type = 'image/jpeg') => ({ name, size: mb * 1024 * 1024, type });

  it('takes images up to the size limit, up to the number limit', () => {
    const { accepted, refused } = checkPhotoFiles(
      [file('a', 9.9), file('b', 10.1), file('c.pdf', 1, 'application/pdf'), file('d', 1), file('e', 1)],
      2,
    );
    expect(accepted.map((f) => f.name)).toEqual(['a', 'd']);
    expect(refused.map((r) => [r.file.name, r.message])).toEqual([
      ['b', MESSAGES.photoTooBig],
      ['c.pdf', MESSAGES.photoNotImage],
      ['e', MESSAGES.photosMax],
    ]);
  });

  it('accepts a file whose type the browser does not know (HEIC on some phones), to be tried by the decoder', () => {
    expect(checkPhotoFiles([file('x.heic', 2, '')], 0).accepted).toHaveLength(1);
  });
});

describe('reportText and mailto', () => {
  const report = (extra: Partial<Report> = {}): Report => {
    const v = validateReport({ ...formToReport(FORM), ref: 'JB-20261030-7XK2PA', ...extra });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    return v.report;
  };

  it('renders every answer as plain text with the reference and the follow-up link', () => {
    const text = reportText(report({ lat: 30.123456, lon: 120.5 }), {
      waterName: '清溪',
      trackUrl: 'https://hzz.example.org/track/?ref=JB-20261030-7XK2PA',
      photoCount: 2,
    });
    expect(text.split('\n')).toEqual([
      '河湖问题反映',
      '编号：JB-20261030-7XK2PA',
      '河湖：清溪',
      '位置：青石桥下游约100米左岸',
      '坐标：北纬30.12346°，东经120.50000°（WGS84，手机定位）',
      '问题类别：水体污染',
      '发现时间：2026年10月30日 14:30',
      '看到的情况：',
      '水面有一层油污，闻起来有柴油味，已经两天了',
      '照片：2 张（请随邮件或消息另行发送）',
      '反映人：匿名',
      '查询办理进度：https://hzz.example.org/track/?ref=JB-20261030-7XK2PA',
    ]);
  });

  it('names the person only when they chose to, and says when the water is unknown', () => {
    const named = validateReport({ ...formToReport(NAMED), water: UNKNOWN_WATER, water_name: undefined });
    if (!named.ok) throw new Error('invalid');
    const text = reportText(named.report);
    expect(text).toContain('河湖：不知道名称');
    expect(text).toContain('反映人：张三，电话 13800138000');
    expect(reportText(report())).toContain('河湖：清溪（城关镇）');
  });

  it('makes a subject line with the reference', () => {
    expect(reportSubject(report(), '清溪')).toBe('河湖问题反映 JB-20261030-7XK2PA：清溪水体污染');
  });

  it('encodes subject and body for mailto:, line breaks as CRLF', () => {
    const href = mailtoHref('report@hzz.example.org', '主题 & 编号', '第一行\n第二行?');
    expect(href.startsWith('mailto:report@hzz.example.org?subject=')).toBe(true);
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('主题 & 编号');
    expect(url.searchParams.get('body')).toBe('第一行\r\n第二行?');
  });
});

describe('matchWaters', () => {
  const list: WaterChoice[] = [
    { id: 'dongxi', name: '东溪', area: '城关镇', keys: 'dongxi dx' },
    { id: 'dongxihe', name: '东西河', area: '青石镇、城关镇', keys: 'dongxihe dxh' },
    { id: 'xidong', name: '西东溪', area: '青石镇', keys: 'xidongxi xdx' },
    { id: 'qingxi', name: '清溪', area: '青石镇', keys: 'qingxi qx' },
  ];
  const ids = (q: string) => matchWaters(list, q).map((w) => w.id);

  it('finds by name, full pinyin, initials and township, best match first', () => {
    expect(ids('东溪')).toEqual(['dongxi', 'xidong']);
    expect(ids('dongxi')).toEqual(['dongxi', 'dongxihe', 'xidong']);
    expect(ids('DXH')).toEqual(['dongxihe']);
    expect(ids('青石')).toEqual(['dongxihe', 'xidong', 'qingxi']);
    expect(ids('xyz')).toEqual([]);
  });

  it('lists the first entries for an empty query, and respects the limit', () => {
    expect(matchWaters(list, '  ', 2).map((w) => w.id)).toEqual(['dongxi', 'dongxihe']);
  });
});

describe('the draft kept on the device', () => {
  const GEO = { lat: '30.123456', lon: '120.654321' };

  it('keeps name, phone, consent and coordinates only while "named" is chosen', () => {
    expect(draftValues({ ...NAMED, ...GEO })).toEqual({ ...NAMED, ...GEO });
    const anonymous = draftValues({ ...NAMED, ...GEO, contact: 'anonymous' });
    expect(anonymous).toEqual({ ...FORM, contact: 'anonymous' });
    // no choice made yet (no radio checked, so no `contact` value): nothing personal either
    const undecided: Record<string, string> = { ...NAMED, ...GEO };
    const expected: Record<string, string> = { ...FORM };
    delete undecided.contact;
    delete expected.contact;
    expect(draftValues(undecided)).toEqual(expected);
  });

  it('keeps the place the person typed, which describes the problem', () => {
    expect(draftValues({ ...FORM, ...GEO }).place).toBe(FORM.place);
  });

  it('does not change the values it is given', () => {
    const values = { ...NAMED, contact: 'anonymous' };
    draftValues(values);
    expect(values.phone).toBe(NAMED.phone);
  });

  it(`expires ${DRAFT_DAYS} days after its last save`, () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const ago = (days: number) => new Date(now - days * 24 * 3600 * 1000).toISOString();
    expect(DRAFT_DAYS).toBe(30);
    expect(draftExpired(ago(0), now)).toBe(false);
    expect(draftExpired(ago(29.9), now)).toBe(false);
    expect(draftExpired(ago(30), now)).toBe(false);
    expect(draftExpired(ago(30.01), now)).toBe(true);
    expect(draftExpired(ago(31), now)).toBe(true);
  });

  it('treats a draft without a readable time as expired', () => {
    const now = Date.now();
    expect(draftExpired(undefined, now)).toBe(true);
    expect(draftExpired('', now)).toBe(true);
    expect(draftExpired('gestern', now)).toBe(true);
  });
});

describe('the published JSON Schema', () => {
  const schema = reportJsonSchema('https://hzz.example.org/data/report-schema.json');

  it('is draft 2020-12 with an $id, and describes every field', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('https://hzz.example.org/data/report-schema.json');
    const branches = schema.oneOf as {
      properties: Record<string, { description?: string }>;
      additionalProperties: boolean;
      required: string[];
    }[];
    expect(branches).toHaveLength(2);
    for (const b of branches) {
      expect(b.additionalProperties).toBe(false);
      for (const [key, prop] of Object.entries(b.properties))
        expect(prop.description, key).toBe(REPORT_FIELD_DOCS[key]);
      expect(b.required).toEqual(
        expect.arrayContaining(['water', 'place', 'category', 'description', 'seen_date', 'contact']),
      );
    }
    const named = branches.find((b) => 'phone' in b.properties)!;
    expect(named.required).toEqual(expect.arrayContaining(['phone', 'consent']));
    // an anonymous report has no place for a name, phone or consent (and refuses them: additionalProperties false)
    const anonymous = branches.find((b) => b !== named)!;
    expect((anonymous.properties.contact as { const?: string }).const).toBe('anonymous');
    for (const k of ['name', 'phone', 'consent']) expect(anonymous.properties, k).not.toHaveProperty(k);
  });

  it('agrees with the zod schema on valid and invalid reports (checked with ajv when installed)', async () => {
    let Ajv: (new (o: object) => { compile(s: object): (d: unknown) => boolean }) | undefined;
    try {
      Ajv = (await import('ajv/dist/2020.js')).default as unknown as typeof Ajv;
    } catch {
      return; // ajv is not a dependency of the project; the structural test above still runs
    }
    const validate = new Ajv!({ strict: false, allErrors: true }).compile(schema);
    const cases: unknown[] = [
      formToReport(FORM),
      formToReport(NAMED),
      {
        ...formToReport(FORM),
        ref: 'JB-20261030-7XK2PA',
        photos: [{ name: 'a.jpg', type: 'image/jpeg', data: 'AAAA' }],
      },
      formToReport({ ...FORM, water: UNKNOWN_WATER, lat: '30.1', lon: '120.2' }),
      {},
      formToReport({ ...FORM, water: '' }),
      formToReport({ ...FORM, category: 'noise' }),
      formToReport({ ...FORM, contact: 'named' }),
      { ...formToReport(FORM), name: '张三' },
      { ...formToReport(FORM), phone: '13800138000' },
      { ...formToReport(FORM), consent: true },
      { ...formToReport(FORM), extra: 1 },
      formToReport({ ...NAMED, phone: '123' }),
      { ...formToReport(NAMED), consent: false },
      { ...formToReport(FORM), photos: Array(5).fill({ name: 'a.jpg', type: 'image/jpeg', data: 'AAAA' }) },
    ];
    for (const c of cases) expect(validate(c), JSON.stringify(c)).toBe(reportSchema.safeParse(c).success);
  });
});
