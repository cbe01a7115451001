/**
 * The clerks' guide to the data folder (docs/data-format.md), in Chinese,
 * rendered from the table definitions of src/schemas.
 */
import { TABLES } from '../schemas/tables.ts';
import type { TableDef } from '../schemas/table.ts';
import { DOC_KIND } from '../lib/enums.ts';

const INTRO = `# 数据格式说明

> 本文件由 \`npm run docs\` 根据程序中的数据校验规则自动生成，请勿手工修改。
> 写给维护河长制数据的工作人员。

网站的全部内容来自一个数据文件夹。示例数据在 \`src/content/\`；
本单位的数据可以放在任意文件夹，构建时用环境变量 \`RIVER_DATA_DIR\` 指定。

## 基本规则

- 表格文件为 CSV。第一行是表头，可以用英文列名，也可以用下表中的中文列名。
- 用 Excel 另存为 CSV 即可：UTF-8（带或不带 BOM）和 GB18030/GBK 编码都能正确读取，无需设置。
- 日期写作 \`2026-03-15\`（年-月-日），月份写作 \`2026-03\`。
- 编码（各种 id）只能使用小写字母、数字和连字符，例如 \`qingxi-he\`、\`990101000000\`，在同一文件中不能重复。
- 一个单元格内有多个值时用分号 \`;\` 分隔。
- 文字单元格一般不超过 200 字；简介、描述、职责、事由、说明、备注不超过 5000 字。单个数据文件不超过 200 MB，site.yaml 不超过 1 MB，每篇政策文件不超过 2 MB。
- 标为“可空”的列可以留空，也可以整列不写；其余列必须有值。
- 监测数据低于检出限时，按监测报告的写法在检出限后加 L，例如 \`0.004L\`。
- 检查数据：\`npm run check:data\`。发现的所有问题都会列出，每条写明文件、行号、列号、填写的值和应当怎样填写。

## 文件一览

| 文件 | 内容 | 是否必需 |
|---|---|---|
| site.yaml | 网站名称、网址、区域、数据截止日期 as_of、河长办联系方式、举报电话、问责和巡河规则 | 必需 |
${Object.values(TABLES)
  .map(
    (t) =>
      `| ${t.file === 'readings' ? 'readings/*.csv' : t.file} | ${t.title} | ${['regions.csv', 'waters.csv', 'chiefs.csv', 'assignments.csv'].includes(t.file) ? '必需' : '可选'} |`,
  )
  .join('\n')}
| documents/*.md 或 *.mdx | 政策文件（工作方案、一河一策、考核办法、通报），文件名即文件编号 | 可选 |
| geo/waters.geojson | 河湖的位置（示意图用），properties.id 为水体编码 | 可选 |
| media/ | 问题照片，cases.csv 的照片列填写这里的文件名 | 可选 |
`;

function table(t: TableDef): string {
  const rows = Object.entries(t.columns).map(
    ([name, c]) =>
      `| \`${name}\` | ${c.zh.join('、')} | ${c.optional ? '可空' : '必填'} | ${c.doc.replace(/\|/g, '\\|')} |`,
  );
  const file = t.file === 'readings' ? 'readings/*.csv（可以有多个文件，例如每年一个）' : t.file;
  return `## ${file}：${t.title}\n\n| 英文列名 | 中文列名 | 必填 | 说明 |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

const SITE = `## site.yaml：网站设置

\`\`\`yaml
name: 示例县河长制信息公开            # 网站名称
url: https://hzz.example.org/         # 网站发布地址（二维码、订阅、站点地图使用）
area: "990100000000"                  # 本区域的区划代码（须在 regions.csv 中）
as_of: 2026-10-31                     # 数据截止日期：是否逾期、是否现任都按这一天判断
office:
  name: 示例县河长制办公室
  address: 地址                       # 以下各项可空
  phone: 电话
  email: 邮箱
  hours: 办公时间
  members:                            # 可空。河长制成员单位及其职责，在“河长办”页面公开
    - { unit: 县水利局, duty: 承担县河长制办公室日常工作 }
participation:                        # 可空。群众如何成为民间河长、社会监督员或志愿者，在“公众参与”页面公开
  how_to_join: 报名条件和方式
  contact: 联系电话或地址
hotlines:                             # 每个河湖页面和举报页面都会显示
  - { name: 河长制监督电话, number: "0000-1234568", scope: 受理范围 }
  - { name: 12345政务服务便民热线, number: "12345", scope: 各类诉求 }
report: { endpoint: null, email: report@example.org }   # 网上反映问题提交到哪里；没有接收系统时写 null
rules:
  escalation: { monthly: { 2: 约谈, 3: 通报批评 }, yearly: { 2: 警告, 3: 免职 } }   # 断面连续未达标的问责规则
  patrol_per_month: { county: 1, township: 1, village: 4 }                          # 各级河长每月最少巡河次数
  accountable_roles: [chief, segment_chief]   # 可空。对断面水质负责的河长角色（默认河长和断面所在地的河段长）
  min_months_per_year: 4                      # 可空。全年至少有几个月的监测结果，才按年均值问责
  action_window_days: 180                     # 可空。达到问责条件后多少天内应有问责记录
  inspection_grades: { 优秀: 90, 良好: 80, 合格: 60, 不合格: 0 }   # 可空。考核等级的最低分；填写后，等级和排名须与得分一致
license: { name: 政府信息公开, url: https://… }   # 可空。开放数据的许可，在“开放数据”页面和 index.json 中注明；不填时写“政府信息公开”
\`\`\`
`;

const DOC_KINDS = DOC_KIND.values.map((k) => `${k} ${DOC_KIND.labels[k]}`).join(' | ');

const DOCS = `## documents/：政策文件

每个文件开头是用 \`---\` 包起来的文件信息，之后是正文（Markdown 格式，可以用 ## 标题、编号列表和表格）。

\`\`\`markdown
---
title: 示例县全面推行河长制工作方案
number: 示河长办〔2025〕3号      # 文号，可空
issuer: 示例县河长制办公室      # 发文单位
date: 2025-03-01               # 发布日期
status: in_force               # draft 征求意见稿 | in_force 现行 | repealed 已废止
kind: plan                     # ${DOC_KINDS}
waters: [qingxi-he]            # 涉及的水体编码，可空
supersedes: old-rules          # 本文件替代的文件编号，可空
comment_until: 2026-11-15      # 征求意见稿的意见截止日期，可空；写入“截止日期”日历
---
\`\`\`
`;

export function renderDataFormat(): string {
  return [INTRO, SITE, ...Object.values(TABLES).map((t) => table(t as TableDef)), DOCS].join('\n');
}
