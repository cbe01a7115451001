/**
 * Frontmatter of a policy document (documents/*.md|mdx). The file name
 * without its extension is the document id.
 */
import { z } from 'astro/zod';
import { DOC_KIND, DOC_STATUS } from '../lib/enums.ts';
import { expect, ID_PATTERN, valueDate, valueText } from './fields.ts';

const text = valueText();
const idRef = z
  .string({ error: expect('应为编码', 'an id') })
  .regex(ID_PATTERN, { error: expect('编码只能含小写字母、数字和连字符', 'an id [a-z0-9-]+') });

/** Astro's frontmatter parser turns an unquoted date into a Date; valueDate accepts both. */
const isoDate = valueDate();

export const documentSchema = z.object({
  title: text,
  /** 文号, e.g. 示河长办〔2025〕3号 */
  number: text.optional(),
  /** 发文单位 */
  issuer: text,
  date: isoDate,
  status: z.enum(DOC_STATUS.values, {
    error: expect(`应为以下之一：${DOC_STATUS.values.join(' | ')}`, `one of ${DOC_STATUS.values.join(' | ')}`),
  }),
  kind: z.enum(DOC_KIND.values, {
    error: expect(`应为以下之一：${DOC_KIND.values.join(' | ')}`, `one of ${DOC_KIND.values.join(' | ')}`),
  }),
  /** Related water ids. */
  waters: z.array(idRef, { error: expect('应为水体编码列表', 'a list of water ids') }).default([]),
  /**
   * Optional addition to the contract: the last day of a draft's comment
   * period (征求意见截止日期); shown on the document and in the calendar.
   */
  comment_until: isoDate.optional(),
  /** Id of the document this one replaces. */
  supersedes: idRef.optional(),
  /**
   * Optional addition to the contract: the phases of a plan (实施步骤), e.g.
   * `phases: [{ name: 动员部署, start: 2025-03-01, end: 2025-04-30 }, …]`,
   * shown on the plans' timeline (/documents/timeline/). Without it the
   * timeline takes the phases from headings such as
   * "（一）动员部署（2025年3月1日—4月30日）", and otherwise shows only the
   * document's date and its targets' deadlines.
   */
  phases: z
    .array(
      z.object({
        /** 阶段名称, e.g. 动员部署 | 全面推进 | 检查落实 | 验收总结 */
        name: text,
        start: isoDate,
        end: isoDate,
      }),
      { error: expect('应为阶段列表：每项含 name、start、end', 'a list of phases { name, start, end }') },
    )
    .optional(),
});

export type DocumentMeta = z.output<typeof documentSchema>;
