import { describe, expect, it } from 'vitest';
import { CASE_CATEGORY, type CaseCategory } from '../../src/lib/enums.ts';
import { allLines, NATIONAL_LINES, reportEmail, routeHotlines } from '../../src/lib/hotlines.ts';

/** The sample county's site.yaml contacts. */
const SITE = {
  office: { name: '示例县河长制办公室', phone: '0000-6123400', email: 'hzb@example.org' },
  hotlines: [
    { name: '河长制监督电话', number: '0000-6123456', scope: '河长履职、河长公示牌信息有误、河湖管理保护问题' },
    { name: '12345政务服务便民热线', number: '12345', scope: '各类政务服务咨询、投诉和建议' },
    { name: '12314水利部监督举报', number: '12314', scope: '河湖乱占乱采乱堆乱建等' },
    { name: '12369环保举报', number: '12369', scope: '水污染、排污口等' },
  ],
  report: { endpoint: null, email: 'report@hzz.example.org' },
};

const numbers = (c: CaseCategory | undefined, site: Parameters<typeof routeHotlines>[1] = SITE) =>
  routeHotlines(c, site).map((h) => h.number);

describe('routeHotlines', () => {
  it('sends the four disorders to 12314 first, never to 12369', () => {
    for (const c of ['encroachment', 'sand_mining', 'dumping', 'illegal_building'] as const)
      expect(numbers(c)).toEqual(['12314', '0000-6123456', '12345']);
  });

  it('sends pollution, outfalls, black-odorous water and livestock to 12369 first, never to 12314', () => {
    for (const c of ['pollution', 'sewage_outlet', 'black_odorous', 'livestock'] as const)
      expect(numbers(c)).toEqual(['12369', '0000-6123456', '12345']);
  });

  it('sends the rest to the supervision phone and 12345', () => {
    for (const c of ['garbage', 'sign_outdated', 'other', undefined] as const)
      expect(numbers(c)).toEqual(['0000-6123456', '12345']);
  });

  it('covers every category of the contract with 12345', () => {
    for (const c of CASE_CATEGORY.values) expect(numbers(c)).toContain('12345');
  });

  it('marks the specialised line and says what it takes', () => {
    const [first, second] = routeHotlines('sand_mining', SITE);
    expect(first).toMatchObject({ name: '12314水利部监督举报', specialised: true });
    expect(first!.reason).toContain('乱采');
    expect(second!.specialised).toBe(false);
  });

  it('falls back to the office phone, and to the national names when site.yaml lists no hotlines', () => {
    const bare = { office: { name: '某县河长办', phone: '0000-1' }, hotlines: [] };
    expect(routeHotlines('pollution', bare)).toEqual([
      expect.objectContaining({ name: NATIONAL_LINES['12369'].name, number: '12369' }),
      expect.objectContaining({ name: '某县河长办电话', number: '0000-1' }),
      expect.objectContaining({ name: NATIONAL_LINES['12345'].name, number: '12345' }),
    ]);
  });

  it('lists each number once even when site.yaml repeats it', () => {
    const dup = { ...SITE, hotlines: [...SITE.hotlines, { name: '市长热线', number: '12345' }] };
    expect(numbers('other', dup)).toEqual(['0000-6123456', '12345']);
  });
});

describe('allLines', () => {
  it('lists the supervision phone, 12314, 12369, 12345 and any other line, once each', () => {
    const extra = {
      ...SITE,
      hotlines: [...SITE.hotlines, { name: '县生态环境局', number: '0000-7777777', scope: '环境问题' }],
    };
    expect(allLines(extra).map((h) => h.number)).toEqual(['0000-6123456', '12314', '12369', '12345', '0000-7777777']);
    expect(allLines(SITE).find((h) => h.number === '12314')!.takes).toContain('不受理水污染');
  });
});

describe('reportEmail', () => {
  it('is report.email, else the office email, else null', () => {
    expect(reportEmail(SITE)).toBe('report@hzz.example.org');
    expect(reportEmail({ ...SITE, report: { endpoint: null } })).toBe('hzb@example.org');
    expect(reportEmail({ office: { name: 'x' }, hotlines: [] })).toBeNull();
  });
});
