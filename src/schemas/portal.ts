/**
 * portal.yaml: a city's or province's portal over member sites
 * (docs/deploy.md, "A portal over member sites"). Read by
 * scripts/portal/build.ts, which reports every problem with its line and
 * column the way the data check does (src/loader/read.ts parseYamlFile).
 *
 *   name: 示例市河长制信息公开
 *   url: https://hzz.example.gov.cn/
 *   members:
 *     - { name: 甲县, url: https://hzz.example.gov.cn/a/, dist: ../a/dist }
 */
import { z } from 'astro/zod';
import { expect } from './fields.ts';
import { siteSchema } from './site.ts';

const name = siteSchema.shape.name;
const url = siteSchema.shape.url;

const member = z.object({
  /** The member's name as the portal shows it (a county's, or a city's for a province). */
  name,
  /** Where the member is published: its links, search results and open data live under it. */
  url,
  /** A local folder holding a copy of the member's built site (its dist/), relative to portal.yaml. */
  dist: z
    .string({
      error: expect('必填，应为成员网站构建结果（dist）所在的文件夹', 'the folder of the member’s built site'),
    })
    .trim()
    .min(1, { error: expect('必填，不能为空', 'a value (required)') }),
});

export const portalSchema = z
  .object({
    name,
    url,
    members: z
      .array(member, { error: expect('应为成员列表', 'a list of members') })
      .min(1, { error: expect('至少应有一个成员', 'at least one member') }),
  })
  .superRefine((p, ctx) => {
    // Two members at one address would show one site twice and merge its search index twice.
    const seen = new Map<string, string>();
    const names = new Map<string, string>();
    p.members.forEach((m, i) => {
      const first = seen.get(m.url);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'url'],
          message: `成员“${m.name}”与成员“${first}”的网址相同（${m.url}）：每个成员应有自己的网址\nmember "${m.name}" has the same url as member "${first}" (${m.url}): expected each member at its own url`,
        });
      else seen.set(m.url, m.name);
      // Names label search results and the county filter: two alike could not be told apart.
      const other = names.get(m.name);
      if (other !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'name'],
          message: `成员名称“${m.name}”重复（另一个的网址为 ${other}）：搜索结果和筛选按名称区分成员\nmember name "${m.name}" is used twice (the other at ${other}): expected a distinct name for each member`,
        });
      else names.set(m.name, m.url);
      if (m.url === p.url)
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'url'],
          message: `成员“${m.name}”的网址与门户本身相同：成员应发布在各自的网址下\nmember "${m.name}" has the portal's own url: expected each member published at a url of its own`,
        });
    });
  });

export type PortalConfig = z.output<typeof portalSchema>;
