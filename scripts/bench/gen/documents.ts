/**
 * documents/*.md and site.yaml: the county's plans, rules, inspection
 * notices, annual report and 一河一策 plans, and the site's settings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng, dayOf, fixed, fmtDay, monthOfDay, toDay } from '../lib.ts';
import {
  COUNTY_CODE,
  COUNTY_NAME,
  GENERATED_MARK,
  INSPECTION_GRADES,
  OFFICE,
  type Context,
  type Hydro,
  type Land,
  type Period,
  type Water,
} from './context.ts';
import type { CaseStats } from './cases.ts';
import type { TownScore } from './oversight.ts';
import { RULES } from './accountability.ts';

/** What the documents quote from the other tables. */
export interface DocumentFacts {
  periods: Period[];
  townScores: Map<string, TownScore[]>;
  cases: CaseStats;
  stations: number;
  chiefs: number;
}

/** Write documents/*.md. */
export function writeDocuments(ctx: Context, land: Land, hydro: Hydro, facts: DocumentFacts): void {
  const { townships } = land;
  const { waters, planWaters } = hydro;
  const { periods, townScores, cases, stations, chiefs } = facts;
  const rD = new Rng(ctx.seed, 'documents');
  let docCount = 0;
  const writeDoc = (id: string, fm: DocFront, body: string) => {
    const lines = ['---', `title: ${yamlStr(fm.title)}`];
    if (fm.number) lines.push(`number: ${yamlStr(fm.number)}`);
    lines.push(`issuer: ${yamlStr(fm.issuer)}`, `date: ${fmtDay(fm.date)}`, `status: ${fm.status}`, `kind: ${fm.kind}`);
    if (fm.waters && fm.waters.length > 0) {
      lines.push('waters:');
      for (const w of fm.waters) lines.push(`  - ${w}`);
    }
    if (fm.supersedes) lines.push(`supersedes: ${fm.supersedes}`);
    lines.push('---', '', body.trim(), '');
    const text = lines.join('\n');
    writeFileSync(join(ctx.out, 'documents', `${id}.md`), text);
    ctx.bytes += Buffer.byteLength(text);
    docCount++;
  };
  mkdirSync(join(ctx.out, 'documents'), { recursive: true });
  const num = (year: number, n: number, org = '县河长办') => `示例${org.replace(/^县/, '')}〔${year}〕${n}号`;
  writeDoc(
    'gzfa-2017',
    {
      title: `${COUNTY_NAME}全面推行河长制工作方案`,
      number: '示委办发〔2017〕21号',
      issuer: '中共示例县委办公室　示例县人民政府办公室',
      date: toDay('2017-04-10'),
      status: 'repealed',
      kind: 'plan',
    },
    planBody(COUNTY_NAME, 2017, waters.slice(0, 5)),
  );
  writeDoc(
    'gzfa-2024',
    {
      title: `${COUNTY_NAME}进一步强化河湖长制工作方案（2024—2027年）`,
      number: '示委办发〔2024〕9号',
      issuer: '中共示例县委办公室　示例县人民政府办公室',
      date: toDay('2024-03-15'),
      status: 'in_force',
      kind: 'plan',
      supersedes: 'gzfa-2017',
    },
    planBody(COUNTY_NAME, 2024, waters.slice(0, 5)),
  );
  writeDoc(
    'xhzd-2023',
    {
      title: `${COUNTY_NAME}河湖长巡河工作制度`,
      number: num(2023, 3),
      issuer: OFFICE,
      date: toDay('2023-05-08'),
      status: 'in_force',
      kind: 'rules',
    },
    patrolRulesBody(),
  );
  writeDoc(
    'khbf-2025',
    {
      title: `${COUNTY_NAME}河湖长制工作考核办法`,
      number: num(2025, 2),
      issuer: OFFICE,
      date: toDay('2025-01-20'),
      status: 'in_force',
      kind: 'rules',
    },
    assessmentBody(false),
  );
  writeDoc(
    'khbf-2026-zqyj',
    {
      title: `${COUNTY_NAME}河湖长制工作考核办法（修订征求意见稿）`,
      issuer: OFFICE,
      date: Math.min(ctx.AS_OF, toDay('2026-09-20')),
      status: 'draft',
      kind: 'rules',
    },
    assessmentBody(true),
  );
  let n = 10;
  for (const p of periods) {
    const scores = townScores.get(p.doc)!;
    writeDoc(
      p.doc,
      {
        title: `关于${p.yearly ? `${p.key}年度` : `${p.key.replace('-Q', '年第')}季度`}河湖长制工作考核结果的通报`,
        number: num(Number(fmtDay(p.date).slice(0, 4)), n++),
        issuer: OFFICE,
        date: p.date,
        status: 'in_force',
        kind: 'notice',
      },
      noticeBody(p.yearly ? `${p.key}年度` : p.key.replace('-Q', '年第') + '季度', p.yearly, scores),
    );
  }
  {
    const y = Math.floor(monthOfDay(ctx.AS_OF) / 12) - 1;
    writeDoc(
      `ndbg-${y}`,
      {
        title: `${COUNTY_NAME}${y}年度河湖长制工作报告`,
        issuer: OFFICE,
        date: dayOf(y + 1, 1, 28),
        status: 'in_force',
        kind: 'report',
      },
      reportBody(y, cases.closed, cases.overdue, stations, waters.length, chiefs),
    );
  }
  let k = 30;
  for (const [doc, ws] of planWaters) {
    const main = ws[0]!;
    const year = rD.pick([2023, 2024, 2025]);
    const date = dayOf(year, rD.int(3, 11), rD.int(1, 28));
    const issuer = main.level === 'county' ? OFFICE : `${townships[main.town]!.name}河长制办公室`;
    writeDoc(
      doc,
      {
        title: `${main.name}“一河一策”实施方案（${year}—${year + 2}年）`,
        number: num(year, k++),
        issuer,
        date,
        status: 'in_force',
        kind: 'one_river_one_policy',
        waters: ws.map((w) => w.id),
      },
      policyBody(main, ws.slice(1), year, rD),
    );
  }
  ctx.counts.documents = docCount;
}

/** A YAML flow map's entries: `2: 约谈, 3: 通报批评`. */
const flow = (m: Readonly<Record<string, string>>): string =>
  Object.entries(m)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');

/** Write site.yaml, marked as this generator's so that a later run may replace the folder; its escalation is the one actions.csv follows. */
export function writeSite(ctx: Context, land: Land): void {
  const { townships } = land;
  const text = [
    `${GENERATED_MARK} --size ${ctx.sz.name} --seed ${ctx.seed}`,
    `name: ${COUNTY_NAME}河长制信息公开`,
    'url: https://hzz.example.org/',
    `area: "${COUNTY_CODE}"`,
    `as_of: ${ctx.asOf}`,
    'office:',
    `  name: ${OFFICE}`,
    `  address: ${COUNTY_NAME}${townships[0]!.name}滨江路1号水利大楼3楼`,
    '  phone: "0000-1234567"',
    '  email: hzb@example.org',
    '  hours: 工作日 8:30—12:00，14:30—17:30',
    'hotlines:',
    '  - { name: 河长制监督电话, number: "0000-1234568", scope: 河长履职、公示牌信息、河湖问题 }',
    '  - { name: 12345政务服务便民热线, number: "12345", scope: 各类政务服务诉求 }',
    '  - { name: 12314水利部监督举报, number: "12314", scope: 河湖乱占乱采乱堆乱建等 }',
    '  - { name: 12369环保举报, number: "12369", scope: 水污染、排污口等 }',
    'report:',
    '  endpoint: null',
    '  email: hzb@example.org',
    'rules:',
    `  escalation: { monthly: { ${flow(RULES.escalation.monthly)} }, yearly: { ${flow(RULES.escalation.yearly)} } }`,
    '  patrol_per_month: { county: 1, township: 1, village: 4 }',
    `  inspection_grades: { ${INSPECTION_GRADES.map(([name, min]) => `${name}: ${min}`).join(', ')} }`,
    '',
  ].join('\n');
  writeFileSync(join(ctx.out, 'site.yaml'), text);
  ctx.bytes += Buffer.byteLength(text);
}

interface DocFront {
  title: string;
  number?: string;
  issuer: string;
  date: number;
  status: 'draft' | 'in_force' | 'repealed';
  kind: 'plan' | 'one_river_one_policy' | 'rules' | 'notice' | 'report' | 'other';
  waters?: string[];
  supersedes?: string;
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function yamlStr(s: string): string {
  return JSON.stringify(s);
}

function planBody(county: string, year: number, main: Water[]): string {
  const names = main.map((w) => w.name).join('、');
  return `
## 一、总体要求

以改善水环境质量、保障水安全为目标，在全县${year >= 2024 ? '进一步强化' : '全面推行'}河湖长制，构建责任明确、协调有序、监管严格、保护有力的河湖管理保护机制。

## 二、组织体系

全县设立县、乡镇（街道）、村（社区）三级河长体系。县委、县政府主要负责同志担任总河长、副总河长；${names}等县级河湖由县级领导担任河长；各乡镇（街道）、村（社区）按属地设立河长、河段长，配备河道专管员。

县河长制办公室设在县水利局，负责组织、协调、监督、考核等日常工作。

## 三、主要任务

1. 加强水资源保护，落实最严格水资源管理制度。
2. 加强河湖水域岸线管理，持续清理整治“四乱”问题。
3. 加强水污染防治，排查整治入河排污口。
4. 加强水环境治理，消除黑臭水体。
5. 加强水生态修复，推进幸福河湖建设。
6. 加强执法监管，严厉打击涉河湖违法行为。

## 四、工作步骤

- 动员部署阶段（${year}年4月至6月）
- 全面推进阶段（${year}年7月至${year + 1}年12月）
- 检查落实阶段（${year + 2}年）
- 验收总结阶段（${year + 3}年）

## 五、保障措施

加强组织领导，健全工作机制，强化考核问责，加强社会监督。在河湖显著位置设立河长公示牌，公布河长姓名、职责、监督电话等内容，接受社会监督。${county}河长制办公室定期通报工作进展。
`;
}

function patrolRulesBody(): string {
  return `
## 第一条 巡河频次

县级河长每月巡河不少于1次，乡镇（街道）级河长每月不少于1次，村（社区）级河长每月不少于4次。河道专管员、巡河员按日常保洁要求巡查。

## 第二条 巡河内容

重点检查水面漂浮物、岸线占用、违法采砂、违章建筑、入河排污口、水质异常和公示牌信息等情况。

## 第三条 问题处置

巡河发现的问题应当当场记录并上报，能当场处置的及时处置；不能处置的，报河长制办公室交办。

## 第四条 巡河记录

巡河情况通过巡河记录如实填写，河长制办公室每月统计巡河次数，纳入年度考核。
`;
}

function assessmentBody(draft: boolean): string {
  return `
## 一、考核对象

各乡镇（街道）、县级河长制成员单位${draft ? '，以及各级河长' : ''}。

## 二、考核内容

| 项目 | 分值 |
|---|---|
| 组织体系与制度建设 | 15 |
| 河长履职（巡河、问题处置） | 25 |
| 水质达标情况 | 30 |
| 问题整改销号 | 20 |
| 公众参与与信息公开 | 10 |

## 三、考核方式

实行季度检查、年度考核。季度检查结果按得分排名通报；年度考核得分90分及以上为优秀，80分及以上、不满90分为良好，60分及以上、不满80分为合格，不满60分为不合格。

## 四、结果运用

考核断面连续两个月未达到水质目标的，约谈所在乡镇（街道）河长；连续三个月未达到的，予以通报批评。连续两年考核不合格的，予以警告；连续三年不合格的，按程序予以免职。${draft ? '\n\n> 本稿为征求意见稿，请于发布之日起30日内反馈意见。' : ''}
`;
}

function noticeBody(
  period: string,
  yearly: boolean,
  scores: { name: string; score: number; rank: number; result: string }[],
): string {
  const sorted = [...scores].sort((a, b) => a.rank - b.rank);
  const rows = sorted.map((s) => `| ${s.rank} | ${s.name} | ${fixed(s.score, 1)} | ${s.result} |`).join('\n');
  const failed = sorted.filter((s) => s.result === '不合格').map((s) => s.name);
  return `
各乡镇人民政府、街道办事处，县河长制成员单位：

根据${yearly ? '年度考核' : '季度检查'}安排，县河长制办公室对各乡镇（街道）${period}河湖长制工作进行了检查考核，现将结果通报如下。

## 一、考核结果

| 排名 | 乡镇（街道） | 得分 | 结果 |
|---|---|---|---|
${rows}

## 二、存在问题

${failed.length > 0 ? `${failed.join('、')}考核结果为不合格，主要表现为巡河不到位、交办问题整改滞后。` : '各乡镇（街道）考核结果均为合格以上，但部分地方仍存在巡河记录不规范、公示牌信息更新不及时等问题。'}

## 三、工作要求

各地要对照问题清单，逐项整改落实，整改情况于通报印发后30日内报县河长制办公室。
`;
}

function reportBody(
  year: number,
  closed: number,
  overdue: number,
  stations: number,
  waters: number,
  chiefs: number,
): string {
  return `
## 一、基本情况

${year}年，全县纳入河湖名录的河流、湖泊、水库等水体共${waters}个，设立各级河长、河段长、河道专管员等共${chiefs}人，布设监测断面${stations}个。

## 二、主要工作

- 各级河长按要求开展巡河，发现并交办问题。
- 开展“清四乱”专项行动，累计整改销号问题${closed}个；截至报告日仍有${overdue}个问题超期未整改，已督促责任单位加快整改。
- 按季度开展检查考核并通报结果。

## 三、下一步工作

持续推进幸福河湖建设，强化水质达标管理，完善河长公示牌信息动态更新机制。
`;
}

function policyBody(main: Water, tributaries: Water[], year: number, rng: Rng): string {
  const problems = rng
    .shuffle([
      '沿岸生活污水收集不完善，部分雨污混接口雨天溢流',
      '岸线存在违规种植、堆放等“四乱”问题',
      '部分河段淤积严重，行洪能力不足',
      '农业面源污染负荷较高，汛期水质波动',
      '畜禽养殖污染治理设施运行不稳定',
      '部分公示牌信息未及时更新',
      '生态流量保障不足，枯水期局部断流',
    ])
    .slice(0, 4);
  const measures = [
    ['实施沿岸截污纳管和雨污分流改造', '县住房和城乡建设局'],
    ['清理整治岸线“四乱”问题，实现动态清零', '沿线乡镇人民政府'],
    ['开展河道清淤疏浚和生态护岸建设', '县水利局'],
    ['推广测土配方施肥，减少化肥农药使用', '县农业农村局'],
    ['排查整治入河排污口，实施分类管理', '县生态环境分局'],
    ['更新河长公示牌，公开监督电话', '县河长制办公室'],
  ];
  const rows = measures.map(([m, who], k) => `| ${k + 1} | ${m} | ${who} | ${year + (k % 3)}年12月底 |`).join('\n');
  const trib =
    tributaries.length > 0
      ? `本方案同时适用于${tributaries
          .slice(0, 8)
          .map((w) => w.name)
          .join('、')}${tributaries.length > 8 ? `等${tributaries.length}条支流` : ''}。`
      : '';
  return `
## 一、基本情况

${main.description}水质目标为${main.target}类。${trib}

## 二、存在问题

${problems.map((p, k) => `${k + 1}. ${p}。`).join('\n')}

## 三、目标任务

到${year + 2}年底，${main.name}水质稳定达到${main.target}类标准，河湖“四乱”问题动态清零，岸线管理范围全面落实。

## 四、主要措施

| 序号 | 措施 | 责任单位 | 完成时限 |
|---|---|---|---|
${rows}

## 五、保障措施

由${main.name}河长牵头，各责任单位按职责分工落实，县河长制办公室定期督查，结果纳入年度考核。
`;
}
