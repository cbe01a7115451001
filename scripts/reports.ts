/**
 * `npm run reports -- <command> --data DIR …`: the office's side of the
 * report receiver (docs/receiver.md). DIR is the receiver's data directory
 * (or RECEIVER_DATA).
 *
 *   list [--json]                      stored reports, newest first
 *   show REF [--json]                  one report, contact details included
 *   export --out FILE.xlsx [--since REF_OR_DATE] [--with-data DATA_DIR]
 *                                      reports as rows of the ledger for `npm run import`
 *   forget-contact REF                 erase the name and phone of a report
 *   delete REF                         delete a report and its photos
 *   backup --out FILE.sqlite           a consistent copy of the database (safe while the receiver runs)
 *
 * Nothing is remembered between runs: "new since the last export" is
 * `--since` the last reference the previous export printed.
 */
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { CATEGORY_LABEL } from '../src/lib/report.ts';
import { isValidDate } from '../src/lib/dates.ts';
import type { CaseCategory } from '../src/lib/enums.ts';
import { exportWorkbook } from '../src/receiver/export.ts';
import { localTime } from '../src/receiver/pages.ts';
import { ReportStore, StoreError, type StoredReport } from '../src/receiver/store.ts';
import { readTableRows } from '../src/office/template.ts';
import { TABLES } from '../src/schemas/tables.ts';

const USAGE = `用法 / usage:
  npm run reports -- list --data 目录 [--json]
  npm run reports -- show 受理编号 --data 目录 [--json]
  npm run reports -- export --data 目录 --out 文件.xlsx [--since 受理编号或日期] [--with-data 数据文件夹]
  npm run reports -- forget-contact 受理编号 --data 目录
  npm run reports -- delete 受理编号 --data 目录
  npm run reports -- backup --data 目录 --out 备份.sqlite
（--data 可用环境变量 RECEIVER_DATA 代替；详见 docs/receiver.md）`;

function fail(message: string, code = 2): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(code);
}

const args = process.argv.slice(2);
const command = args.shift();
const opts: Record<string, string | true> = {};
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--json') opts.json = true;
  else if (['--data', '--out', '--since', '--with-data'].includes(a)) {
    const v = args[++i];
    if (v === undefined) fail(`${a} 后面缺少值 / ${a} needs a value`);
    opts[a.slice(2)] = v;
  } else if (a.startsWith('--')) fail(`不认识的参数 / unknown option: ${a}`);
  else positional.push(a);
}
if (command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE);
  process.exit(0);
}
if (!command) fail('缺少命令 / missing command');
const dataOpt = (opts.data as string | undefined) ?? process.env.RECEIVER_DATA;
if (!dataOpt) fail('缺少 --data 目录 / missing --data DIR');
const data = resolve(dataOpt);

let store: ReportStore;
try {
  store = ReportStore.open(data, { existing: true });
} catch (e) {
  fail(e instanceof StoreError ? e.message : String(e), 1);
}

const category = (c: string) => CATEGORY_LABEL[c as CaseCategory] ?? c;
const refArg = () => positional[0] ?? fail(`${command}：缺少受理编号 / missing REF`);

/** The JSON of a report for --json: the office's view, contact details included. */
function asJson(r: StoredReport) {
  const { seq: _seq, photos, ...rest } = r;
  return {
    ...rest,
    photos: photos.map((p) => ({ file: join(store.photoDir, p.file), type: p.type, bytes: p.bytes, sha256: p.sha256 })),
  };
}

function show(r: StoredReport): string {
  const lines = [
    `受理编号：${r.ref}`,
    `收到时间：${localTime(r.received)}（${r.received}）`,
    `提交方式：${r.channel === 'json' ? '网页表单' : '网页表单（未启用 JavaScript）'}`,
    `河湖：${r.water}${r.water_name ? `（${r.water_name}）` : ''}`,
    `位置：${r.place}`,
  ];
  if (r.lat !== undefined && r.lon !== undefined) lines.push(`坐标：${r.lat}, ${r.lon}（WGS84，反映人手机定位）`);
  lines.push(
    `类别：${category(r.category)}（${r.category}）`,
    `发现时间：${r.seen_date}${r.seen_time ? ` ${r.seen_time}` : ''}`,
    '看到的情况：',
    `  ${r.description.replace(/\n/g, '\n  ')}`,
  );
  if (r.contact === 'named')
    lines.push(`反映人：${r.name ?? '（未留姓名）'}，电话 ${r.phone ?? '（已删除）'}（同意为办理本次反映使用）`);
  else lines.push('反映人：匿名');
  lines.push(`照片：${r.photos.length} 张`);
  for (const p of r.photos)
    lines.push(`  ${join(store.photoDir, p.file)}（${p.type}，${Math.max(1, Math.round(p.bytes / 1024))} KB）`);
  return lines.join('\n');
}

/** --since: a reference (reports after it) or YYYY-MM-DD (received on or after that day, local time). */
function since(value: string): StoredReport[] {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isValidDate(value)) fail(`--since：不是有效日期 ${value}`);
    const [y, m, d] = value.split('-').map(Number);
    return store.list({ from: new Date(y!, m! - 1, d!).toISOString() });
  }
  return store.list({ afterRef: value.trim().toUpperCase() });
}

try {
  switch (command) {
    case 'list': {
      const all = store.list().reverse();
      if (opts.json) console.log(JSON.stringify(all.map(asJson), null, 2));
      else if (all.length === 0) console.log(`还没有收到反映（${data}）`);
      else {
        console.log(['受理编号', '收到时间', '河湖', '类别', '反映人', '照片'].join('\t'));
        for (const r of all)
          console.log(
            [
              r.ref,
              localTime(r.received),
              r.water_name ?? r.water,
              category(r.category),
              r.contact === 'named' ? '实名' : '匿名',
              r.photos.length,
            ].join('\t'),
          );
        console.log(`共 ${all.length} 条`);
      }
      break;
    }
    case 'show': {
      const r = store.get(refArg().toUpperCase());
      if (!r) fail(`没有受理编号为 ${positional[0]} 的反映 / no report ${positional[0]}`, 1);
      console.log(opts.json ? JSON.stringify(asJson(r), null, 2) : show(r));
      break;
    }
    case 'export': {
      const out = opts.out as string | undefined;
      if (!out) fail('export：缺少 --out 文件.xlsx / missing --out FILE.xlsx');
      if (!/\.xlsx$/i.test(out)) fail('export：--out 应为 .xlsx 文件 / --out must end in .xlsx');
      const reports = opts.since ? since(opts.since as string) : store.list();
      if (reports.length === 0) {
        console.log(opts.since ? `${opts.since} 之后没有新的反映，没有生成文件。` : '还没有收到反映，没有生成文件。');
        break;
      }
      let existing: Record<string, string>[] | undefined;
      const withData = opts['with-data'] as string | undefined;
      if (withData) {
        const file = join(resolve(withData), TABLES.cases.file);
        existing = existsSync(file) ? readTableRows(file, TABLES.cases) : [];
      }
      const last = reports.at(-1)!.ref;
      const next = `npm run reports -- export --data ${dataOpt} --out 新文件.xlsx --since ${last}${withData ? ` --with-data ${withData}` : ''}`;
      await exportWorkbook(reports, { existing, existingFrom: withData, nextCommand: next }).xlsx.writeFile(out);
      console.log(
        `已导出 ${reports.length} 条反映（${reports[0]!.ref} … ${last}）到 ${resolve(out)}${existing ? `，另含现有问题 ${existing.length} 条` : ''}`,
      );
      console.log(`姓名和电话没有导出。下次只导出此后收到的反映：\n  ${next}`);
      break;
    }
    case 'forget-contact': {
      const ref = refArg().toUpperCase();
      if (!store.forgetContact(ref)) fail(`没有受理编号为 ${ref} 的反映 / no report ${ref}`, 1);
      console.log(`已删除 ${ref} 的姓名和电话。`);
      break;
    }
    case 'delete': {
      const ref = refArg().toUpperCase();
      if (!store.delete(ref)) fail(`没有受理编号为 ${ref} 的反映 / no report ${ref}`, 1);
      console.log(`已删除反映 ${ref} 及其照片。`);
      break;
    }
    case 'backup': {
      const out = opts.out as string | undefined;
      if (!out) fail('backup：缺少 --out 文件.sqlite / missing --out FILE');
      store.backup(resolve(out));
      console.log(`已备份数据库到 ${resolve(out)}。照片在 ${store.photoDir}，请随后另行复制（照片写入后不再改动）。`);
      break;
    }
    default:
      fail(`不认识的命令 / unknown command: ${command}`);
  }
} catch (e) {
  if (e instanceof StoreError) fail(e.message, 1);
  throw e;
} finally {
  store.close();
}
