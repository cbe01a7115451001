/**
 * The office workflow end to end: the template generated from the schemas,
 * filled as a clerk would (Chinese labels from the drop-downs, an Excel date
 * number, a date typed as text, a region code typed as a number), imports
 * into a copy of the valid fixture, passes check-data and builds. A GBK CSV
 * with Chinese headers imports to the same CSV as its UTF-8 twin. A workbook
 * with planted errors is refused, leaving the folder unchanged, and every
 * error is listed by sheet, row and column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  astroBuild,
  checkData,
  cleanupTemp,
  listFiles,
  makeFixture,
  runNpx,
  tempDir,
  withChineseHeaders,
} from '../helpers/fixtures.ts';
import { dateToExcelSerial } from '../../src/office/cells.ts';

afterAll(cleanupTemp);

type Cell = string | number | Date | null;
/** Sheet title → rows of cells in the template's column order (headers located by Chinese name). */
type Fill = Record<string, Record<string, Cell>[]>;

const FILL: Fill = {
  行政区划: [
    { 区划代码: '880100000000', 名称: '青禾县', 级别: '县级' },
    { 区划代码: 880101000000, 名称: '河口镇', 级别: '乡镇级', 上级区划代码: '880100000000' },
  ],
  江河湖库名录: [
    {
      编码: 'heyuan-he',
      名称: '禾源河',
      类型: '河流',
      管理级别: '县级',
      流经区划: '880100000000;880101000000',
      长度: 42.5,
      水质目标: 'Ⅲ类',
      一河一策文件编号: 'yhyc-heyuan-he',
    },
    {
      编码: 'liutang-xi',
      名称: '柳塘溪',
      类型: '河流',
      汇入水体编码: 'heyuan-he',
      管理级别: '乡镇级',
      流经区划: '880101000000',
      水质目标: 'Ⅲ类',
    },
    {
      编码: 'nanwan-gou',
      名称: '南湾沟',
      类型: '渠道',
      汇入水体编码: 'heyuan-he',
      管理级别: '村级',
      流经区划: '880101000000',
      水质目标: 'Ⅳ类',
    },
    {
      编码: 'jingbo-hu',
      名称: '镜波湖',
      类型: '湖泊',
      管理级别: '县级',
      流经区划: '880100000000',
      面积: 3.2,
      水质目标: 'Ⅲ类',
    },
  ],
  河段: [
    {
      编码: 'heyuan-he-hekou',
      水体编码: 'heyuan-he',
      河段名称: '禾源河河口镇段',
      区划代码: '880101000000',
      起点: '柳塘闸',
      终点: '县界',
      长度: 13,
    },
  ],
  河长名录: [
    {
      编码: 'wang-li',
      姓名: '王丽',
      职务: '副县长',
      区划代码: '880100000000',
      联系电话: '0000-5550002',
      核实日期: dateToExcelSerial('2026-09-01'),
    },
    {
      编码: 'li-qiang',
      姓名: '李强',
      职务: '河口镇镇长',
      区划代码: '880101000000',
      联系电话: '0000-5550010',
      核实日期: '2026/9/1',
    },
  ],
  河长任职: [
    {
      河长编码: 'wang-li',
      水体编码: 'heyuan-he',
      角色: '河长',
      任职日期: new Date(Date.UTC(2022, 0, 1)),
      职责: '负责禾源河管理保护',
    },
    {
      河长编码: 'li-qiang',
      水体编码: 'heyuan-he',
      河段编码: 'heyuan-he-hekou',
      角色: '河段长',
      任职日期: '2023年5月1日',
    },
  ],
  监测断面: [
    {
      编码: 'heyuan-chujing',
      断面名称: '禾源河出境',
      水体编码: 'heyuan-he',
      区划代码: '880101000000',
      断面类型: '县控断面',
      水质目标: 'Ⅲ类',
      纬度: 28.101,
      经度: 115.203,
    },
  ],
  监测数据: [
    {
      断面编码: 'heyuan-chujing',
      采样日期: new Date(Date.UTC(2026, 6, 14)),
      pH: 7.4,
      溶解氧: 6.8,
      氨氮: 0.62,
      总磷: 0.12,
      汞: '0.00004L',
    },
    {
      断面编码: 'heyuan-chujing',
      采样日期: '2026-08-12',
      pH: 7.2,
      溶解氧: 5.6,
      氨氮: 1.22,
      总磷: 0.16,
      汞: '0.00004L',
    },
  ],
  问题台账: [
    {
      问题编号: 'qh-2026-001',
      问题: '禾源河河口镇段河滩堆放建筑垃圾',
      水体编码: 'heyuan-he',
      河段编码: 'heyuan-he-hekou',
      区划代码: '880101000000',
      发现日期: '2026-03-02',
      来源: '巡河发现',
      类别: '乱堆',
      责任单位: '河口镇人民政府',
      整改时限: '2026-04-30',
    },
  ],
  办理过程: [
    { 问题编号: 'qh-2026-001', 日期: '2026-03-02', 状态: '已登记', 说明: '巡河员拍照上报', 办理单位: '县河长办' },
    { 问题编号: 'qh-2026-001', 日期: '2026-03-04', 状态: '已交办', 办理单位: '县河长办' },
  ],
  督查考核: [
    {
      编号: 'ins-2026-q2-hekou',
      考核期: '2026-Q2',
      通报日期: '2026-07-15',
      对象类型: '区域',
      对象编码: '880101000000',
      得分: 90,
      排名: 1,
      结果: '良好',
      通报文件: 'tongbao-2026-q2',
    },
  ],
  巡河记录: [{ 河长编码: 'li-qiang', 月份: '2026-07', 巡河次数: 3, 巡河里程: 12.5, 发现问题数: 0 }],
  问责记录: [
    { 日期: '2026-07-20', 河长编码: 'li-qiang', 类型: '约谈', 事由: '河滩垃圾整改不力', 文件: 'tongbao-2026-q2' },
  ],
  // The target id is the one the valid fixture's MDX document shows (<TargetValue>): an import that drops it is refused.
  目标任务: [
    {
      编号: 'tgt-duanmian-dabiao',
      指标: '县控断面水质达标率',
      单位: '%',
      方向: '越高越好',
      基期值: 50,
      基期日期: '2025-12-31',
      目标值: 100,
      完成时限: '2027-12-31',
      当前值: 66.7,
      当前值日期: '2026-09-30',
    },
  ],
};

/** Fill a copy of the template like a clerk; returns sheet title → header letters by Chinese name. */
async function fillTemplate(
  template: string,
  out: string,
  fill: Fill,
  opts: { titleRow?: boolean } = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  for (const [title, rows] of Object.entries(fill)) {
    const ws = wb.getWorksheet(title);
    if (!ws) throw new Error(`template has no sheet ${title}`);
    const header = (ws.getRow(1).values as unknown[]).map((v) => (v == null ? '' : String(v)));
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      for (const [h, v] of Object.entries(r)) {
        const col = header.indexOf(h);
        if (col < 0) throw new Error(`${title}: no column ${h}`);
        if (v !== null) row.getCell(col).value = v;
      }
      row.commit();
    });
    if (opts.titleRow && title === '河长名录') ws.spliceRows(1, 0, ['青禾县河长名录（2026年9月）']);
  }
  await wb.xlsx.writeFile(out);
}

const hashFolder = (dir: string) =>
  listFiles(dir).map(
    (f) =>
      `${f} ${createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex')}`,
  );

describe('office import', () => {
  const work = tempDir('river-office-');
  const template = join(work, 'template.xlsx');

  it('generates the template', async () => {
    const r = await runNpx(['node', 'scripts/template.ts', template]);
    expect(r.code, r.output).toBe(0);
  });

  it('a workbook filled from the template imports, passes check-data and builds', async () => {
    const filled = join(work, 'filled.xlsx');
    await fillTemplate(template, filled, FILL, { titleRow: true });
    const dir = makeFixture();
    const r = await runNpx(['node', 'scripts/import.ts', filled, '--data', dir]);
    expect(r.code, r.output).toBe(0);
    const chiefs = readFileSync(join(dir, 'chiefs.csv'), 'utf8');
    expect(chiefs).toContain('wang-li,王丽,副县长,880100000000,0000-5550002,2026-09-01');
    expect(chiefs).toContain('li-qiang,李强,河口镇镇长,880101000000,0000-5550010,2026-09-01');
    expect(readFileSync(join(dir, 'assignments.csv'), 'utf8')).toContain(
      'li-qiang,heyuan-he,heyuan-he-hekou,segment_chief,2023-05-01',
    );
    expect(readFileSync(join(dir, 'regions.csv'), 'utf8')).toContain('880101000000,河口镇,township,880100000000');
    expect(readFileSync(join(dir, 'readings/2026.csv'), 'utf8').split('\n')[0]).toBe('station,date,ph,do,nh3n,tp,hg');
    const check = await checkData(dir);
    expect(check.code, check.output).toBe(0);
    const build = await astroBuild(dir);
    expect(build.code, build.output.slice(-3000)).toBe(0);
    expect(readFileSync(join(build.outDir, 'chiefs/li-qiang/index.html'), 'utf8')).toContain('李强');
  });

  it('a GBK CSV with Chinese headers imports to the same data as its UTF-8 twin', async () => {
    const src = makeFixture();
    const utf = join(work, '河长名录.csv');
    const gbk = join(work, 'chiefs-gbk.csv');
    const wUtf = join(work, '江河湖库名录.csv');
    const wGbk = join(work, 'waters-gbk.csv');
    const chiefs = withChineseHeaders(readFileSync(join(src, 'chiefs.csv'), 'utf8'), 'chiefs').replace(
      '2026-09-01',
      '2026/9/1',
    );
    const waters = withChineseHeaders(readFileSync(join(src, 'waters.csv'), 'utf8'), 'waters');
    writeFileSync(utf, chiefs);
    writeFileSync(gbk, iconv.encode(chiefs, 'gbk'));
    writeFileSync(wUtf, waters);
    writeFileSync(wGbk, iconv.encode(waters, 'gb18030'));
    const a = makeFixture();
    const b = makeFixture();
    const ra = await runNpx(['node', 'scripts/import.ts', utf, wUtf, '--data', a]);
    const rb = await runNpx(['node', 'scripts/import.ts', gbk, wGbk, '--data', b]);
    expect(ra.code, ra.output).toBe(0);
    expect(rb.code, rb.output).toBe(0);
    expect(hashFolder(b)).toEqual(hashFolder(a));
    expect(readFileSync(join(b, 'chiefs.csv'), 'utf8')).toContain('赵明远');
    // The imported waters keep the quoted two-line description.
    expect(readFileSync(join(b, 'waters.csv'), 'utf8')).toContain('"县内最大湖泊，""一湖两镇""：\n北湖区属河口镇');
  });

  it('a workbook with planted errors is refused, the folder unchanged, every error listed by sheet, row and column', async () => {
    const bad: Fill = structuredClone(FILL);
    bad.江河湖库名录[2].类型 = '大河'; // bad enum: row 4, column C
    bad.河长名录[1].核实日期 = '2026-13-45'; // bad date: row 3, column F
    bad.河长名录[0].姓名 = null; // missing required cell: row 2, column B
    bad.河长任职[1].水体编码 = 'no-such-water'; // unknown reference: row 3, column B
    bad.监测数据[1].溶解氧 = '五点六'; // not a number: row 3, column D
    const file = join(work, 'bad.xlsx');
    await fillTemplate(template, file, bad);
    const dir = makeFixture();
    const before = hashFolder(dir);
    const r = await runNpx(['node', 'scripts/import.ts', file, '--data', dir]);
    expect(r.code, r.output).toBe(1);
    expect(hashFolder(dir)).toEqual(before);
    for (const where of [
      '工作表「江河湖库名录」第 4 行 C 列 [类型]',
      '工作表「河长名录」第 3 行 F 列 [核实日期]',
      '工作表「河长名录」第 2 行 B 列 [姓名]',
      '工作表「河长任职」第 3 行 B 列 [水体编码]',
      '工作表「监测数据」第 3 行 D 列 [溶解氧]',
    ]) {
      expect(r.output, where).toContain(where);
    }
    expect(r.output).toContain('大河');
    expect(r.output).toContain('no-such-water');
    expect(r.output).toContain('未作任何修改');
  });
});
