/**
 * site.yaml: the area, the office, hotlines, report settings, the as_of date
 * and the rules. Defaults of `rules` are those of the contract and of
 * common county work plans; an office overrides them in its site.yaml.
 */
import { z } from 'astro/zod';
import { expect, ID_PATTERN, LONG_TEXT_MAX, valueDate, valueText } from './fields.ts';
import { ROLE, type Role } from '../lib/enums.ts';
import { sharedThresholds } from '../lib/inspections.ts';

const nonEmpty = valueText();
/** A paragraph: duties, how to join. */
const longText = valueText(LONG_TEXT_MAX);
const isoDate = valueDate();
const phone = z.union([z.string(), z.number()], { error: expect('应为电话号码', 'a phone number') }).transform(String);

/** Escalation thresholds: consecutive misses → action, e.g. { 2: 约谈, 3: 通报批评 }. */
const thresholds = z.record(
  z
    .string()
    .regex(/^[1-9]\d*$/, { error: expect('键应为连续次数（正整数）', 'keys are run lengths (positive integers)') }),
  nonEmpty,
);

export const DEFAULT_ESCALATION = {
  monthly: { 2: '约谈', 3: '通报批评' },
  yearly: { 2: '警告', 3: '免职' },
} as const;
export const DEFAULT_PATROL_PER_MONTH = { county: 1, township: 1, village: 4 } as const;

/** A host name: letters, digits, dots and hyphens, an IPv4 address, or [IPv6]. */
const HOST =
  /^(\[[0-9a-f:.]+\]|[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?(\.[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?)*)$/iu;

/**
 * The report form sends names and phone numbers: only over https, except to
 * a receiver on the same machine (http://localhost, 127.0.0.1, [::1]) for
 * testing.
 */
export function secureEndpoint(u: string): boolean {
  const url = new URL(u);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The licence stated when site.yaml names none: published under the government information disclosure rules. */
export const DEFAULT_LICENSE = '政府信息公开';

const count = z
  .number({ error: expect('应为次数（整数）', 'a whole number') })
  .int()
  .min(0);
const positive = z
  .number({ error: expect('应为正整数', 'a positive whole number') })
  .int()
  .min(1, { error: expect('应为正整数', 'a positive whole number') });

/** Roles that answer for a station's results (contract v2, rules.accountable_roles). */
export const DEFAULT_ACCOUNTABLE_ROLES = ['chief', 'segment_chief'] as const;
export const DEFAULT_MIN_MONTHS_PER_YEAR = 4;
export const DEFAULT_ACTION_WINDOW_DAYS = 180;
const role = z.enum(ROLE.values as [Role, ...Role[]], {
  error: expect(`应为以下角色之一：${ROLE.values.join(' | ')}`, `one of ${ROLE.values.join(' | ')}`),
});
/** Inspection grades: the lowest score of each grade, e.g. { 优秀: 90, 良好: 80, 合格: 60, 不合格: 0 }. */
const grades = z
  .record(nonEmpty, z.number({ error: expect('应为该等级的最低分数', 'the lowest score of the grade') }))
  .superRefine((g, ctx) => {
    if (Object.keys(g).length === 0)
      ctx.addIssue({
        code: 'custom',
        message: expect('应至少列出一个等级及其最低分数', 'at least one grade with its lowest score'),
      });
    for (const [name, other] of sharedThresholds(g)) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        input: g[name],
        message: expect(
          `与“${other}”的最低分数相同：每个等级的最低分数应各不相同`,
          `a lowest score different from that of "${other}": each grade needs its own lowest score`,
        ),
      });
    }
  });

export const siteSchema = z.object({
  /** Site title. */
  name: nonEmpty,
  /** Where the site is published; QR codes, feeds and the sitemap use it. */
  url: z
    .url({
      protocol: /^https?$/,
      hostname: HOST,
      error: expect(
        '应为以 http:// 或 https:// 开头、带域名的网址，如 https://hzz.example.org/',
        'an http(s) URL with a host, such as https://hzz.example.org/',
      ),
    })
    .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), {
      error: expect('网址中不能含用户名或密码', 'a URL without user name or password'),
    })
    .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
  /** Region code of the whole area (regions.csv). */
  area: z
    .union([z.string(), z.number()])
    .transform(String)
    .pipe(z.string().regex(ID_PATTERN, { error: expect('应为区划代码', 'a region code') })),
  /** The date the data describes: every "overdue" and "current" is judged against it. */
  as_of: isoDate,
  office: z.object({
    name: nonEmpty,
    address: nonEmpty.optional(),
    phone: phone.optional(),
    email: z.email({ error: expect('应为电子邮箱地址', 'an email address') }).optional(),
    hours: nonEmpty.optional(),
    /** 河长制成员单位 and what each answers for (contract v2). */
    members: z.array(z.object({ unit: nonEmpty, duty: longText })).default([]),
  }),
  /** How a citizen becomes a 民间河长, 社会监督员 or volunteer, and whom to contact (contract v2). */
  participation: z.object({ how_to_join: longText, contact: nonEmpty }).optional(),
  hotlines: z.array(z.object({ name: nonEmpty, number: phone, scope: nonEmpty.optional() })).default([]),
  report: z
    .object({
      /** Where the report form POSTs; null = no online endpoint, offer email and phone. */
      endpoint: z
        .url({
          protocol: /^https?$/,
          hostname: HOST,
          error: expect('应为 https:// 开头的网址，或 null', 'an https:// URL, or null'),
        })
        .refine(secureEndpoint, {
          error: expect(
            '举报内容含姓名和电话，必须用 https:// 加密发送（只有本机测试地址 localhost 可用 http://）',
            'https:// (reports carry names and phone numbers; http:// only for localhost)',
          ),
        })
        .nullable()
        .default(null),
      email: z.email({ error: expect('应为电子邮箱地址', 'an email address') }).optional(),
    })
    .default({ endpoint: null }),
  /** Licence of the open data (contract v2): shown on /data/ and in /data/index.json. */
  license: z
    .object({
      name: nonEmpty,
      url: z
        .url({ protocol: /^https?$/, hostname: HOST, error: expect('应为 http(s) 网址', 'an http(s) URL') })
        .optional(),
    })
    .default({ name: DEFAULT_LICENSE }),
  rules: z
    .object({
      escalation: z
        .object({
          monthly: thresholds.default({ ...DEFAULT_ESCALATION.monthly }),
          yearly: thresholds.default({ ...DEFAULT_ESCALATION.yearly }),
        })
        .default({ monthly: { ...DEFAULT_ESCALATION.monthly }, yearly: { ...DEFAULT_ESCALATION.yearly } }),
      patrol_per_month: z
        .object({ county: count.default(1), township: count.default(1), village: count.default(4) })
        .default({ ...DEFAULT_PATROL_PER_MONTH }),
      /** Roles whose holders answer for a station's results (contract v2). */
      accountable_roles: z
        .array(role)
        .min(1)
        .default([...DEFAULT_ACCOUNTABLE_ROLES]),
      /** A complete year counts for the yearly rule only with results in at least this many months. */
      min_months_per_year: positive.max(12).default(DEFAULT_MIN_MONTHS_PER_YEAR),
      /** Days from the first day after a run reached a threshold within which the action must be recorded. */
      action_window_days: positive.default(DEFAULT_ACTION_WINDOW_DAYS),
      /** Lowest score of each inspection grade; when set, results and ranks must agree with scores. */
      inspection_grades: grades.optional(),
    })
    .default({
      escalation: { monthly: { ...DEFAULT_ESCALATION.monthly }, yearly: { ...DEFAULT_ESCALATION.yearly } },
      patrol_per_month: { ...DEFAULT_PATROL_PER_MONTH },
      accountable_roles: [...DEFAULT_ACCOUNTABLE_ROLES],
      min_months_per_year: DEFAULT_MIN_MONTHS_PER_YEAR,
      action_window_days: DEFAULT_ACTION_WINDOW_DAYS,
    }),
});

export type Site = z.output<typeof siteSchema>;
