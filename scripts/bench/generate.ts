/**
 * Benchmark data generator: writes a complete data folder (docs: docs/data-contract.md)
 * of a fictional county at any scale, deterministically from a seed.
 *
 *   node scripts/bench/generate.ts --size county|city|<factor> --out <dir> [--seed 1] [--as-of 2026-10-31]
 *
 * `county` is 1/20 of `city`; a number scales `city` (0.5 = half, 2 = double).
 * The same arguments always write byte-identical files. Large files are written in
 * chunks; nothing the size of a file is kept in memory.
 *
 * One function per table, in gen/: regions.ts, waters.ts (waters, segments, geometry),
 * chiefs.ts (chiefs, assignments), readings.ts (stations, readings), cases.ts (cases and
 * their events), oversight.ts (inspections, patrols, targets), accountability.ts (actions, as
 * the escalation rule requires them) and documents.ts
 * (documents, site.yaml). Each table draws from its own random stream, so a table's rows
 * change only when that table's code does. gen/context.ts holds what they share.
 *
 * Plain TypeScript for Node's type stripping: Node built-ins, the project's src/lib (enums,
 * GB 3838 Table 1) and scripts/lib/random.ts only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toDay } from './lib.ts';
import { Context, GENERATED_MARK, type Sizes } from './gen/context.ts';
import { writeRegions } from './gen/regions.ts';
import { writeGeometry, writeSegments, writeWaters } from './gen/waters.ts';
import { appointChiefs, writeAssignments, writeChiefs } from './gen/chiefs.ts';
import { writeReadings, writeStations } from './gen/readings.ts';
import { writeCases } from './gen/cases.ts';
import { writeInspections, writePatrols, writeTargets } from './gen/oversight.ts';
import { requiredOf, writeActions } from './gen/accountability.ts';
import { writeDocuments, writeSite } from './gen/documents.ts';
import { writeBlackOdorous, writeOutlets } from './gen/plans.ts';

export type { Sizes } from './gen/context.ts';

// ================================================================ sizes

const CITY = { townships: 40, villages: 800, waters: 10_000, chiefs: 25_000, stations: 1_000, cases: 20_000 };

/** Sizes of a named scale (`county`, `city`) or of a factor of `city` (`'0.5'`, `2`). */
export function sizes(name: string | number): Sizes {
  let factor: number;
  let label: string;
  if (name === 'city') {
    factor = 1;
    label = 'city';
  } else if (name === 'county') {
    factor = 1 / 20;
    label = 'county';
  } else {
    factor = typeof name === 'number' ? name : Number(name);
    if (!Number.isFinite(factor) || factor <= 0) {
      throw new Error(`--size must be county, city or a positive number, not "${name}"`);
    }
    label = `x${factor}`;
  }
  const scale = (n: number, min: number) => Math.max(min, Math.round(n * factor));
  const townships = Math.min(999, scale(CITY.townships, 3));
  const villages = Math.max(townships * 3, scale(CITY.villages, 9));
  if (villages / townships > 999) throw new Error(`size ${name} needs more than 999 villages per township`);
  return {
    name: label,
    factor,
    townships,
    villages,
    waters: scale(CITY.waters, 30),
    chiefs: scale(CITY.chiefs, 75),
    stations: scale(CITY.stations, 6),
    months: 60,
    cases: scale(CITY.cases, 30),
    patrolMonths: 12,
    inspectionPeriods: 4,
    replacedShare: 0.05,
    actionShare: 0.002,
    targets: 10,
    watersPerPlan: 50,
  };
}

export interface GenerateOptions {
  size: string | number;
  out: string;
  seed?: number;
  asOf?: string;
}

export interface GenerateResult {
  sizes: Sizes;
  out: string;
  seed: number;
  asOf: string;
  /** Rows per file (documents: number of files). */
  counts: Record<string, number>;
  bytes: number;
}

// ================================================================ generate

/** Write a complete data folder; returns row counts per file. */
export function generate(options: GenerateOptions): GenerateResult {
  const sz = sizes(options.size);
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? '2026-10-31';
  const out = resolve(options.out);
  prepareOut(out);
  const ctx = new Context(sz, seed, asOf, toDay(asOf), out);

  const land = writeRegions(ctx);
  const hydro = writeWaters(ctx, land);
  const segments = writeSegments(ctx, land, hydro.waters);
  const { chiefs, assignments } = appointChiefs(ctx, land, hydro, segments);
  writeChiefs(ctx, chiefs);
  writeAssignments(ctx, assignments);
  const stations = writeStations(ctx, land, hydro);
  const results = writeReadings(ctx, stations);
  const cases = writeCases(ctx, land, hydro, segments);
  const { periods, townScores } = writeInspections(ctx, land, hydro, chiefs);
  const patrols = writePatrols(ctx, chiefs);
  writeActions(ctx, chiefs, periods, requiredOf(ctx, land, stations, results, assignments));
  writeTargets(ctx, periods, cases, patrols);
  writeDocuments(ctx, land, hydro, { periods, townScores, cases, stations: stations.length, chiefs: chiefs.length });
  writeOutlets(ctx, land, hydro);
  writeBlackOdorous(ctx, land, hydro, assignments);
  writeGeometry(ctx, hydro.waters);
  writeSite(ctx, land);

  return {
    sizes: sz,
    out,
    seed,
    asOf,
    bytes: ctx.bytes,
    counts: {
      ...ctx.counts,
      ...Object.fromEntries(
        Object.entries(cases.status)
          .sort()
          .map(([k, v]) => [`cases.${k}`, v]),
      ),
      'cases.overdue': cases.overdue,
    },
  };
}

// ================================================================ output folder

/** Create `out`, or empty it when a previous run of this generator wrote it; refuse anything else. */
function prepareOut(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0) {
      const site = join(out, 'site.yaml');
      const ours = existsSync(site) && readFileSync(site, 'utf8').startsWith(GENERATED_MARK);
      if (!ours) throw new Error(`refusing to overwrite ${out}: it is not empty and was not written by this generator`);
      rmSync(out, { recursive: true, force: true });
    }
  }
  mkdirSync(out, { recursive: true });
}

// ================================================================ CLI

function main(): void {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'county' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: '2026-10-31' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.out) {
    console.log(
      'usage: node scripts/bench/generate.ts --size county|city|<factor> --out <dir> [--seed 1] [--as-of 2026-10-31]',
    );
    process.exit(values.help ? 0 : 2);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"`);
  const t0 = performance.now();
  const result = generate({ size: values.size, out: values.out, seed, asOf: values['as-of'] });
  const ms = performance.now() - t0;
  console.log(
    `generated ${result.sizes.name} (factor ${result.sizes.factor}, seed ${result.seed}, as_of ${result.asOf}) in ${result.out}`,
  );
  for (const [k, v] of Object.entries(result.counts)) console.log(`  ${k.padEnd(20)} ${v}`);
  console.log(`  ${'bytes'.padEnd(20)} ${result.bytes}`);
  console.log(`  ${'seconds'.padEnd(20)} ${(ms / 1000).toFixed(2)}`);
}

if (import.meta.main) {
  try {
    main();
  } catch (e) {
    console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
