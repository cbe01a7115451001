import { describe, expect, it } from 'vitest';
import { WATER_CLASSES } from '../../src/lib/enums.ts';
import type { ReadingItem, TargetClass, WaterClass, Waterbody } from '../../src/lib/enums.ts';
import { parseMeasurement } from '../../src/lib/measurement.ts';
import type { Measurement } from '../../src/lib/measurement.ts';
import {
  GB3838_TABLE1,
  PH_RANGE,
  classOfItem,
  classifyReading,
  compareClasses,
  exceedances,
  failingItems,
  isDecidingItem,
  mainPollutants,
  meetsTarget,
  standardFor,
  valueUsed,
  worstClass,
} from '../../src/lib/gb3838.ts';
import type { ReadingValues } from '../../src/lib/gb3838.ts';
import { annualMeans, meanValues } from '../../src/lib/means.ts';
import {
  BLACK_ODOROUS_LABEL,
  BLACK_ODOROUS_RANGES,
  blackOdorous,
  blackOdorousAssessment,
  blackOdorousIndicatorGrade,
} from '../../src/lib/black-odorous.ts';

/** "1.23" or "0.004L" as a measurement. */
function m(text: string): Measurement {
  const parsed = parseMeasurement(text);
  if (!parsed) throw new Error(`bad test value ${text}`);
  return parsed;
}

/** A reading from plain strings: { cod: '18', hg: '0.00004L' }. */
function reading(values: Partial<Record<ReadingItem, string>>): ReadingValues {
  const out: ReadingValues = {};
  for (const [k, v] of Object.entries(values)) out[k as ReadingItem] = m(v);
  return out;
}

const FIVE: TargetClass[] = ['I', 'II', 'III', 'IV', 'V'];

/**
 * Table 1 as data-contract.md writes it, typed in again by hand so that a
 * slip in the module's table fails here instead of being mirrored.
 * [item, waterbody (null = both), bound, limits I..V, decides]
 */
type ContractRow = [
  ReadingItem,
  Waterbody | null,
  'upper' | 'lower',
  [number, number, number, number, number],
  boolean,
];
const CONTRACT: ContractRow[] = [
  ['do', null, 'lower', [7.5, 6, 5, 3, 2], true],
  ['codmn', null, 'upper', [2, 4, 6, 10, 15], true],
  ['cod', null, 'upper', [15, 15, 20, 30, 40], true],
  ['bod5', null, 'upper', [3, 3, 4, 6, 10], true],
  ['nh3n', null, 'upper', [0.15, 0.5, 1.0, 1.5, 2.0], true],
  ['tp', 'river', 'upper', [0.02, 0.1, 0.2, 0.3, 0.4], true],
  ['tp', 'lake', 'upper', [0.01, 0.025, 0.05, 0.1, 0.2], true],
  ['tn', 'lake', 'upper', [0.2, 0.5, 1.0, 1.5, 2.0], false],
  ['cu', null, 'upper', [0.01, 1.0, 1.0, 1.0, 1.0], true],
  ['zn', null, 'upper', [0.05, 1.0, 1.0, 2.0, 2.0], true],
  ['f', null, 'upper', [1.0, 1.0, 1.0, 1.5, 1.5], true],
  ['se', null, 'upper', [0.01, 0.01, 0.01, 0.02, 0.02], true],
  ['as', null, 'upper', [0.05, 0.05, 0.05, 0.1, 0.1], true],
  ['hg', null, 'upper', [0.00005, 0.00005, 0.0001, 0.001, 0.001], true],
  ['cd', null, 'upper', [0.001, 0.005, 0.005, 0.005, 0.01], true],
  ['cr6', null, 'upper', [0.01, 0.05, 0.05, 0.05, 0.1], true],
  ['pb', null, 'upper', [0.01, 0.01, 0.05, 0.05, 0.1], true],
  ['cn', null, 'upper', [0.005, 0.05, 0.2, 0.2, 0.2], true],
  ['phenol', null, 'upper', [0.002, 0.002, 0.005, 0.01, 0.1], true],
  ['oil', null, 'upper', [0.05, 0.05, 0.05, 0.5, 1.0], true],
  ['las', null, 'upper', [0.2, 0.2, 0.2, 0.3, 0.3], true],
  ['s2', null, 'upper', [0.05, 0.1, 0.2, 0.5, 1.0], true],
  ['fecal_coliform', null, 'upper', [200, 2000, 10000, 20000, 40000], false],
];

describe('GB 3838-2002 Table 1 as data', () => {
  it('has exactly the rows of the data contract, in its order', () => {
    const rows = GB3838_TABLE1.map((r) =>
      r.bound === 'range'
        ? [r.item, r.waterbody, r.bound, r.range, r.decides]
        : [r.item, r.waterbody, r.bound, [...r.limits], r.decides],
    );
    expect(rows).toEqual([['ph', null, 'range', { min: 6, max: 9 }, true], ...CONTRACT]);
    expect(PH_RANGE).toEqual({ min: 6, max: 9 });
  });

  it('picks the river or lake row of TP, and TN only on lakes', () => {
    expect(standardFor('tp', 'river')).toMatchObject({ waterbody: 'river', limits: [0.02, 0.1, 0.2, 0.3, 0.4] });
    expect(standardFor('tp', 'lake')).toMatchObject({ waterbody: 'lake', limits: [0.01, 0.025, 0.05, 0.1, 0.2] });
    expect(standardFor('tn', 'lake')).toMatchObject({ decides: false });
    expect(standardFor('tn', 'river')).toBeNull();
    expect(standardFor('temp', 'river')).toBeNull();
    expect(standardFor('transparency_cm', 'lake')).toBeNull();
    expect(standardFor('orp_mv', 'lake')).toBeNull();
  });

  it('marks which items decide the class', () => {
    expect(isDecidingItem('cod', 'river')).toBe(true);
    expect(isDecidingItem('ph', 'lake')).toBe(true);
    for (const item of ['tn', 'fecal_coliform', 'temp', 'transparency_cm', 'orp_mv'] as const) {
      expect(isDecidingItem(item, 'river')).toBe(false);
      expect(isDecidingItem(item, 'lake')).toBe(false);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(GB3838_TABLE1)).toBe(true);
    expect(Object.isFrozen(GB3838_TABLE1[3])).toBe(true);
  });
});

describe('classOfItem at, just inside and just outside every limit', () => {
  /** Relative step: far above the module's 1e-9 tolerance, far below any gap between limits. */
  const STEP = 1e-3;
  const cases: Array<[string, ReadingItem, Waterbody, number, WaterClass]> = [];
  for (const [item, waterbody, bound, limits] of CONTRACT) {
    const bodies: Waterbody[] = waterbody ? [waterbody] : ['river', 'lake'];
    for (const body of bodies) {
      limits.forEach((limit, k) => {
        // Where classes share a limit, a value at it belongs to the first (best) of them.
        const at = FIVE[limits.indexOf(limit)]!;
        // Just beyond a limit, a value falls to the class of the next looser limit, or 劣V.
        const next = limits.findIndex((l) => (bound === 'upper' ? l > limit : l < limit));
        const beyond: WaterClass = next < 0 ? '劣V' : FIVE[next]!;
        const inside = bound === 'upper' ? limit * (1 - STEP) : limit * (1 + STEP);
        const outside = bound === 'upper' ? limit * (1 + STEP) : limit * (1 - STEP);
        const label = `${item} (${body}) class ${FIVE[k]} limit ${limit}`;
        cases.push([`${label}: at`, item, body, limit, at]);
        cases.push([`${label}: just inside`, item, body, inside, at]);
        cases.push([`${label}: just outside`, item, body, outside, beyond]);
      });
    }
  }

  it.each(cases)('%s', (_label, item, body, value, expected) => {
    expect(classOfItem(item, { value, belowLimit: false }, body)).toBe(expected);
  });

  it('generated every limit of every row', () => {
    // each row on each waterbody it applies to, 5 limits, 3 cases each
    const rowBodies = CONTRACT.reduce((n, [, wb]) => n + (wb ? 1 : 2), 0);
    expect(cases.length).toBe(rowBodies * 5 * 3);
  });
});

describe('classOfItem: the tricky limits, by hand', () => {
  const cls = (item: ReadingItem, text: string, body: Waterbody = 'river') => classOfItem(item, m(text), body);

  it('COD and BOD5: I and II share a limit, so a value at it is I and just above it is III', () => {
    expect(cls('cod', '15')).toBe('I');
    expect(cls('cod', '14.99')).toBe('I');
    expect(cls('cod', '15.01')).toBe('III');
    expect(cls('cod', '20')).toBe('III');
    expect(cls('cod', '20.01')).toBe('IV');
    expect(cls('cod', '40')).toBe('V');
    expect(cls('cod', '40.01')).toBe('劣V');
    expect(cls('bod5', '3')).toBe('I');
    expect(cls('bod5', '3.01')).toBe('III');
    expect(cls('bod5', '4.01')).toBe('IV');
  });

  it('Cu: II–V share 1.0, so nothing is ever III, IV or V', () => {
    expect(cls('cu', '0.01')).toBe('I');
    expect(cls('cu', '0.011')).toBe('II');
    expect(cls('cu', '1.0')).toBe('II');
    expect(cls('cu', '1.001')).toBe('劣V');
  });

  it('Zn: II–III share 1.0, IV–V share 2.0', () => {
    expect(cls('zn', '0.05')).toBe('I');
    expect(cls('zn', '0.051')).toBe('II');
    expect(cls('zn', '1.0')).toBe('II');
    expect(cls('zn', '1.5')).toBe('IV');
    expect(cls('zn', '2.0')).toBe('IV');
    expect(cls('zn', '2.01')).toBe('劣V');
  });

  it('F, Se, As: I–III share a limit, IV–V another', () => {
    expect(cls('f', '1.0')).toBe('I');
    expect(cls('f', '1.2')).toBe('IV');
    expect(cls('f', '1.5')).toBe('IV');
    expect(cls('f', '1.51')).toBe('劣V');
    expect(cls('se', '0.01')).toBe('I');
    expect(cls('se', '0.015')).toBe('IV');
    expect(cls('se', '0.02')).toBe('IV');
    expect(cls('se', '0.0201')).toBe('劣V');
    expect(cls('as', '0.05')).toBe('I');
    expect(cls('as', '0.08')).toBe('IV');
    expect(cls('as', '0.1')).toBe('IV');
    expect(cls('as', '0.11')).toBe('劣V');
  });

  it('Hg: I–II share 0.00005, IV–V share 0.001', () => {
    expect(cls('hg', '0.00005')).toBe('I');
    expect(cls('hg', '0.00006')).toBe('III');
    expect(cls('hg', '0.0001')).toBe('III');
    expect(cls('hg', '0.00011')).toBe('IV');
    expect(cls('hg', '0.001')).toBe('IV');
    expect(cls('hg', '0.0011')).toBe('劣V');
  });

  it('pH: 6 to 9 inclusive is I, outside is 劣V', () => {
    expect(cls('ph', '5.99')).toBe('劣V');
    expect(cls('ph', '6')).toBe('I');
    expect(cls('ph', '7.4')).toBe('I');
    expect(cls('ph', '9')).toBe('I');
    expect(cls('ph', '9.01')).toBe('劣V');
  });

  it('DO is a lower bound: 7.5 is I, 7.49 is II, below 2 is 劣V', () => {
    expect(cls('do', '8.2')).toBe('I');
    expect(cls('do', '7.5')).toBe('I');
    expect(cls('do', '7.49')).toBe('II');
    expect(cls('do', '6')).toBe('II');
    expect(cls('do', '5.99')).toBe('III');
    expect(cls('do', '2')).toBe('V');
    expect(cls('do', '1.99')).toBe('劣V');
  });

  it('TP uses the lake limits on a lake', () => {
    expect(cls('tp', '0.02', 'river')).toBe('I');
    expect(cls('tp', '0.02', 'lake')).toBe('II');
    expect(cls('tp', '0.05', 'river')).toBe('II');
    expect(cls('tp', '0.05', 'lake')).toBe('III');
    expect(cls('tp', '0.15', 'river')).toBe('III');
    expect(cls('tp', '0.15', 'lake')).toBe('V');
    expect(cls('tp', '0.3', 'river')).toBe('IV');
    expect(cls('tp', '0.3', 'lake')).toBe('劣V');
  });

  it('an `L` value counts as half its detection limit', () => {
    expect(valueUsed(m('0.0001L'))).toBe(0.00005);
    expect(cls('hg', '0.0001L')).toBe('I'); // 0.00005 → I, although 0.0001 itself is III
    expect(cls('hg', '0.0002L')).toBe('III'); // 0.0001
    expect(cls('nh3n', '0.3L')).toBe('I'); // 0.15
    expect(cls('nh3n', '0.31L')).toBe('II'); // 0.155
    expect(cls('cod', '30L')).toBe('I'); // 15
    expect(cls('tp', '0.02L', 'lake')).toBe('I'); // 0.01
    expect(cls('tp', '0.04L', 'lake')).toBe('II'); // 0.02
    expect(cls('tp', '0.06L', 'lake')).toBe('III'); // 0.03
    expect(cls('cr6', '0.004L')).toBe('I');
  });

  it('reported-only and unlisted items', () => {
    expect(cls('tn', '0.9', 'lake')).toBe('III');
    expect(cls('tn', '0.9', 'river')).toBeNull();
    expect(cls('fecal_coliform', '2100')).toBe('III');
    expect(cls('fecal_coliform', '40001')).toBe('劣V');
    expect(cls('temp', '18.5')).toBeNull();
  });
});

describe('class order', () => {
  it('compares, picks the worst and judges targets', () => {
    expect(WATER_CLASSES.map((c) => compareClasses(c, 'III'))).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(worstClass(['II', 'IV', 'I'])).toBe('IV');
    expect(worstClass(['V', '劣V'])).toBe('劣V');
    expect(worstClass([])).toBeNull();
    expect(meetsTarget('II', 'III')).toBe(true);
    expect(meetsTarget('III', 'III')).toBe(true);
    expect(meetsTarget('IV', 'III')).toBe(false);
    expect(meetsTarget('V', 'V')).toBe(true);
    expect(meetsTarget('劣V', 'V')).toBe(false);
    expect(meetsTarget('I', 'I')).toBe(true);
    expect(meetsTarget('II', 'I')).toBe(false);
  });
});

describe('classifyReading', () => {
  it('the result is the worst deciding item', () => {
    const r = classifyReading(reading({ ph: '7.2', do: '6.5', cod: '18', nh3n: '0.4', tp: '0.12' }), 'river');
    expect(r.items.map((i) => [i.item, i.class])).toEqual([
      ['ph', 'I'],
      ['do', 'II'],
      ['cod', 'III'],
      ['nh3n', 'II'],
      ['tp', 'III'],
    ]);
    expect(r.class).toBe('III');
    expect(r.determinedBy).toEqual(['cod', 'tp']);
    expect(r.target).toBeNull();
    expect(r.meetsTarget).toBeNull();
    expect(r.failing).toEqual([]);
  });

  it('reports the value used and the limit of each item’s class', () => {
    const r = classifyReading(reading({ ph: '7', do: '4', cod: '45', hg: '0.0001L' }), 'river');
    const by = Object.fromEntries(r.items.map((i) => [i.item, i]));
    expect(by.ph).toMatchObject({ class: 'I', limit: { min: 6, max: 9 } });
    expect(by.do).toMatchObject({ class: 'IV', limit: 3 });
    expect(by.cod).toMatchObject({ class: '劣V', limit: null });
    expect(by.hg).toMatchObject({
      value: 0.00005,
      class: 'I',
      limit: 0.00005,
      measurement: { value: 0.0001, belowLimit: true },
    });
    expect(r.class).toBe('劣V');
  });

  it('TN, fecal coliform and temperature are reported but never decide', () => {
    const r = classifyReading(
      reading({ cod: '10', tn: '5', fecal_coliform: '100000', temp: '31', transparency_cm: '40' }),
      'lake',
    );
    expect(r.class).toBe('I');
    expect(r.determinedBy).toEqual(['cod']);
    const by = Object.fromEntries(r.items.map((i) => [i.item, i]));
    expect(by.tn).toMatchObject({ class: '劣V', deciding: false });
    expect(by.fecal_coliform).toMatchObject({ class: '劣V', deciding: false });
    expect(by.temp).toMatchObject({ class: null, deciding: false, limit: null, value: 31 });
    expect(by.transparency_cm).toMatchObject({ class: null, deciding: false });
    expect(classifyReading(reading({ cod: '10', tn: '5' }), 'lake', 'II').failing).toEqual([]);
  });

  it('has no class when no deciding item was measured', () => {
    const r = classifyReading(reading({ temp: '20', tn: '3', fecal_coliform: '500' }), 'river', 'III');
    expect(r.class).toBeNull();
    expect(r.meetsTarget).toBeNull();
    expect(r.determinedBy).toEqual([]);
    expect(r.items.find((i) => i.item === 'tn')?.class).toBeNull(); // no river TN limits
    expect(classifyReading({}, 'river').class).toBeNull();
  });

  it('judges a target and lists the failing items', () => {
    const values = reading({ ph: '7.5', do: '4', cod: '18', nh3n: '1.2', tp: '0.15' });
    const r = classifyReading(values, 'river', 'III');
    expect(r.class).toBe('IV');
    expect(r.meetsTarget).toBe(false);
    expect(r.failing.map((i) => i.item)).toEqual(['do', 'nh3n']);
    expect(classifyReading(values, 'river', 'IV').meetsTarget).toBe(true);
    expect(failingItems(r, 'II').map((i) => i.item)).toEqual(['do', 'cod', 'nh3n', 'tp']);
  });

  it('uses the lake TP limits on a lake', () => {
    const values = reading({ cod: '12', tp: '0.08' });
    expect(classifyReading(values, 'river').class).toBe('II');
    expect(classifyReading(values, 'lake').class).toBe('IV');
  });

  it('pH out of range makes the whole result 劣V', () => {
    const r = classifyReading(reading({ ph: '9.3', cod: '10' }), 'river', 'III');
    expect(r.class).toBe('劣V');
    expect(r.determinedBy).toEqual(['ph']);
  });
});

describe('exceedance multiples (超标倍数)', () => {
  // cod 30 (IV), nh3n 2.5 (劣V), tp 0.5 (劣V, river), do 3 (IV), tn 3 (reported only on a lake: not here)
  const values = reading({ do: '3', cod: '30', nh3n: '2.5', tp: '0.5', codmn: '5' });

  it('over class III: value / limit − 1; DO, a lower limit, has none', () => {
    const r = classifyReading(values, 'river');
    const over = Object.fromEntries(exceedances(r, 'III').map((e) => [e.item, e]));
    expect(Object.keys(over)).toEqual(['do', 'cod', 'nh3n', 'tp']); // codmn 5 is III: not over
    expect(over.do).toMatchObject({ class: 'IV', limit: 5, multiple: null });
    expect(over.cod!.multiple).toBeCloseTo(0.5, 12); // 30 / 20 − 1
    expect(over.nh3n!.multiple).toBeCloseTo(1.5, 12); // 2.5 / 1.0 − 1
    expect(over.tp!.multiple).toBeCloseTo(1.5, 12); // 0.5 / 0.2 − 1
    expect(over.cod).toMatchObject({ limit: 20, reference: 'III', class: 'IV', value: 30 });
  });

  it('over the target', () => {
    const r = classifyReading(values, 'river', 'II');
    const over = Object.fromEntries(exceedances(r, 'II').map((e) => [e.item, e.multiple]));
    expect(over.do).toBeNull();
    expect(over.codmn).toBeCloseTo(0.25, 12); // 5 / 4 − 1
    expect(over.cod).toBeCloseTo(1.0, 12); // 30 / 15 − 1
    expect(over.nh3n).toBeCloseTo(4.0, 12); // 2.5 / 0.5 − 1
    expect(over.tp).toBeCloseTo(4.0, 12); // 0.5 / 0.1 − 1
    expect(exceedances(r, 'V').map((e) => e.item)).toEqual(['nh3n', 'tp']);
    expect(exceedances(r, 'V')[0]!.multiple).toBeCloseTo(0.25, 12); // 2.5 / 2.0 − 1
  });

  it('an `L` value is compared at half its limit', () => {
    const r = classifyReading(reading({ hg: '0.0004L' }), 'river'); // 0.0002: IV
    expect(exceedances(r, 'III')[0]!.multiple).toBeCloseTo(1.0, 12); // 0.0002 / 0.0001 − 1
  });

  it('pH has no multiple', () => {
    const r = classifyReading(reading({ ph: '9.5' }), 'river');
    expect(exceedances(r, 'III')).toEqual([
      { item: 'ph', value: 9.5, class: '劣V', reference: 'III', limit: { min: 6, max: 9 }, multiple: null },
    ]);
  });

  it('reported-only items only on request', () => {
    const r = classifyReading(reading({ cod: '10', tn: '3', fecal_coliform: '30000' }), 'lake');
    expect(exceedances(r, 'III')).toEqual([]);
    const all = exceedances(r, 'III', { includeReported: true });
    expect(all.map((e) => [e.item, e.multiple])).toEqual([
      ['tn', 2], // 3 / 1 − 1
      ['fecal_coliform', 2], // 30000 / 10000 − 1
    ]);
  });
});

describe('main pollutants (主要污染指标)', () => {
  const main = (
    values: Partial<Record<ReadingItem, string>>,
    waterbody: Waterbody = 'river',
    target: TargetClass | null = null,
  ) => classifyReading(reading(values), waterbody, target).mainPollutants.map((e) => e.item);

  it('orders by class first: a 劣V item before a V item with a larger multiple', () => {
    // tp 0.45: 劣V, 1.25 over III; oil 0.9: V, 17 over III
    expect(main({ tp: '0.45', oil: '0.9' })).toEqual(['tp', 'oil']);
    // the sample's 东门沟入河口 on 2024-07-11: NH3-N, TP and DO are 劣V; oil (V) has the largest multiple of all
    const dongmen = classifyReading(
      reading({
        ph: '7.55',
        do: '0.9',
        codmn: '11.5',
        cod: '39',
        bod5: '8.3',
        nh3n: '9.905',
        tp: '0.497',
        oil: '0.87',
        phenol: '0.0092',
        s2: '0.465',
      }),
      'river',
      'IV',
    );
    expect(dongmen.class).toBe('劣V');
    expect(dongmen.mainPollutants.map((e) => [e.item, e.class])).toEqual([
      ['nh3n', '劣V'],
      ['tp', '劣V'],
      ['do', '劣V'],
    ]);
    expect(dongmen.mainPollutants[0]!.multiple).toBeCloseTo(8.905, 12);
    expect(dongmen.mainPollutants[1]!.multiple).toBeCloseTo(1.485, 12);
    expect(dongmen.mainPollutants[2]!.multiple).toBeNull();
  });

  it('within a class, the larger multiple first', () => {
    // cod 35: V, 0.75; bod5 9: V, 1.25; codmn 14: V, 1.333…
    expect(main({ cod: '35', bod5: '9', codmn: '14' })).toEqual(['codmn', 'bod5', 'cod']);
  });

  it('ties in multiple go in the order of Table 1', () => {
    // nh3n 1.4 and tp 0.28 are both IV and 0.4 over class III (up to floating-point rounding)
    expect(main({ tp: '0.28', nh3n: '1.4' })).toEqual(['nh3n', 'tp']);
    // cod 24 (IV) and bod5 4.8 (IV): both 0.2 over III
    expect(main({ bod5: '4.8', cod: '24' })).toEqual(['cod', 'bod5']);
  });

  it('pH and DO come after the items of their class that have a multiple, pH before DO', () => {
    // all 劣V: pH 5.5, DO 1.5, cod 45 (1.25), nh3n 2.2 (1.2)
    expect(main({ ph: '5.5', do: '1.5', cod: '45', nh3n: '2.2' })).toEqual(['cod', 'nh3n', 'ph']);
    expect(main({ ph: '5.5', do: '1.5', cod: '45' })).toEqual(['cod', 'ph', 'do']);
    expect(main({ do: '1.5', ph: '9.5' })).toEqual(['ph', 'do']);
    // DO IV (4.5) after a IV item with a multiple …
    expect(main({ do: '4.5', cod: '22' })).toEqual(['cod', 'do']);
    expect(main({ do: '4.5', cod: '35' })).toEqual(['cod', 'do']); // cod V, DO IV
    expect(main({ do: '2.5', cod: '22' })).toEqual(['do', 'cod']); // DO V before cod IV
  });

  it('names at most three of more candidates', () => {
    const r = classifyReading(reading({ ph: '5', do: '1', cod: '45', bod5: '12', nh3n: '2.5', tp: '0.5' }), 'river');
    // all six are 劣V; multiples: cod 1.25, bod5 2, nh3n 1.5, tp 1.5 → bod5, nh3n (tie with tp, table order), tp
    expect(r.mainPollutants.map((e) => e.item)).toEqual(['bod5', 'nh3n', 'tp']);
    expect(exceedances(r, 'III')).toHaveLength(6);
  });

  it('none when the result is class III or better', () => {
    expect(main({ cod: '20', nh3n: '1.0', do: '5', tp: '0.2' })).toEqual([]); // every item exactly at the class III limit
    expect(main({ cod: '12' })).toEqual([]);
    expect(main({})).toEqual([]);
  });

  it('is judged against class III, not the target', () => {
    // a class IV target met by a class IV result still has main pollutants
    const r = classifyReading(reading({ cod: '25', nh3n: '0.5' }), 'river', 'IV');
    expect(r.meetsTarget).toBe(true);
    expect(r.failing).toEqual([]);
    expect(r.mainPollutants.map((e) => [e.item, e.reference])).toEqual([['cod', 'III']]);
    // a class II target missed by a class III result has none
    const ii = classifyReading(reading({ cod: '18' }), 'river', 'II');
    expect(ii.meetsTarget).toBe(false);
    expect(ii.mainPollutants).toEqual([]);
    // the same with and without a target
    expect(main({ cod: '25', tp: '0.5' }, 'river', 'II')).toEqual(main({ cod: '25', tp: '0.5' }));
    expect(mainPollutants(r)).toEqual(r.mainPollutants);
  });

  it('never names an item that does not decide the class', () => {
    // lake: TN 5 and fecal coliform 50000 are far beyond class V but only reported; temp has no class
    expect(main({ tn: '5', fecal_coliform: '50000', temp: '30', cod: '22' }, 'lake')).toEqual(['cod']);
    expect(main({ tn: '5', fecal_coliform: '50000' }, 'lake')).toEqual([]);
  });

  it('uses the lake limits of TP on a lake', () => {
    // tp 0.12 on a lake: V (≤ 0.2 lake), 1.4 over the lake class III limit 0.05; on a river it is III
    const r = classifyReading(reading({ tp: '0.12' }), 'lake');
    expect(r.mainPollutants.map((e) => [e.item, e.class])).toEqual([['tp', 'V']]);
    expect(r.mainPollutants[0]!.multiple).toBeCloseTo(1.4, 12);
    expect(main({ tp: '0.12' }, 'river')).toEqual([]);
  });

  it('takes an `L` value at half its limit', () => {
    // hg 0.0004L → 0.0002: IV, 1.0 over III; cod 22: IV, 0.1 over III
    expect(main({ cod: '22', hg: '0.0004L' })).toEqual(['hg', 'cod']);
  });
});

describe('means over a period', () => {
  it('averages pH through the hydrogen-ion concentration', () => {
    const mean = meanValues([reading({ ph: '6' }), reading({ ph: '8' })]);
    // −log10((10^−6 + 10^−8) / 2) = 6.2967…
    expect(mean.values.ph!.value).toBeCloseTo(6.29671, 5);
    expect(mean.values.ph!.value.toFixed(2)).toBe('6.30');
    expect(meanValues([reading({ ph: '7' }), reading({ ph: '7' })]).values.ph!.value).toBeCloseTo(7, 12);
  });

  it('averages other items arithmetically, `L` at half the limit', () => {
    const mean = meanValues([
      reading({ cod: '10', hg: '0.0001L' }),
      reading({ cod: '20', hg: '0.0003' }),
      reading({ do: '6' }),
    ]);
    expect(mean.values.cod).toEqual({ value: 15, belowLimit: false });
    expect(mean.values.hg!.value).toBeCloseTo(0.000175, 12); // (0.00005 + 0.0003) / 2
    expect(mean.values.hg!.belowLimit).toBe(false);
    expect(mean.values.do).toEqual({ value: 6, belowLimit: false });
    expect(mean.counts).toEqual({ do: 1, cod: 2, hg: 2 });
    expect(mean.readings).toBe(3);
  });

  it('keeps a mean of `L` values an `L` value', () => {
    const mean = meanValues([reading({ cr6: '0.004L' }), reading({ cr6: '0.004L' })]);
    expect(mean.values.cr6).toEqual({ value: 0.004, belowLimit: true });
    const mixed = meanValues([reading({ cr6: '0.004L' }), reading({ cr6: '0.002L' })]);
    expect(mixed.values.cr6!.belowLimit).toBe(true);
    expect(valueUsed(mixed.values.cr6!)).toBeCloseTo(0.0015, 12); // (0.002 + 0.001) / 2
  });

  it('classes the mean, not the readings', () => {
    // As compliance.yearlyResults classes a year: the class of the mean values.
    const classOfMean = (readings: ReadingValues[], body: Waterbody, target: TargetClass | null = null) =>
      classifyReading(meanValues(readings).values, body, target);
    // cod 14 (I) and 22 (IV): mean 18 → III
    const r = classOfMean([reading({ cod: '14' }), reading({ cod: '22' })], 'river', 'III');
    expect(r.class).toBe('III');
    expect(r.meetsTarget).toBe(true);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; the mean is still at the class I limit
    expect(classOfMean([reading({ nh3n: '0.1' }), reading({ nh3n: '0.2' })], 'river').class).toBe('I');
    expect(classOfMean([], 'river').class).toBeNull();
  });

  it('groups annual means by year', () => {
    const years = annualMeans([
      { date: '2025-03-10', values: reading({ cod: '10' }) },
      { date: '2026-01', values: reading({ cod: '30' }) },
      { date: '2025-09-02', values: reading({ cod: '20', ph: '6' }) },
      { date: '2026-02-11', values: reading({ cod: '20' }) },
      { date: '2025-12-30', values: reading({ ph: '8' }) },
    ]);
    expect(years.map((y) => [y.period, y.values.cod?.value, y.readings])).toEqual([
      ['2025', 15, 3],
      ['2026', 25, 2],
    ]);
    expect(years[0]!.values.ph!.value.toFixed(2)).toBe('6.30');
    expect(classifyReading(years[1]!.values, 'river').class).toBe('IV');
    expect(() => annualMeans([{ date: '26-01-01', values: {} }])).toThrow(RangeError);
  });
});

describe('black-odorous grading', () => {
  const grade = (values: Partial<Record<ReadingItem, string>>, depth?: number) => blackOdorous(reading(values), depth);

  it('is null when none of its indicators was measured', () => {
    expect(grade({})).toBeNull();
    expect(grade({ cod: '80', tp: '2' })).toBeNull();
  });

  it('is computed from any one of the four items', () => {
    expect(grade({ nh3n: '0.5' })).toBe('none');
    expect(grade({ do: '1.5', cod: '80' })).toBe('light');
    expect(grade({ orp_mv: '-250' })).toBe('heavy');
  });

  it.each([
    ['transparency_cm', '25.01', 'none'],
    ['transparency_cm', '25', 'light'],
    ['transparency_cm', '10', 'light'],
    ['transparency_cm', '9.99', 'heavy'],
    ['do', '2.01', 'none'],
    ['do', '2.0', 'light'],
    ['do', '0.2', 'light'],
    ['do', '0.19', 'heavy'],
    ['orp_mv', '50.1', 'none'],
    ['orp_mv', '50', 'light'],
    ['orp_mv', '0', 'light'],
    ['orp_mv', '-200', 'light'],
    ['orp_mv', '-200.1', 'heavy'],
    ['nh3n', '7.99', 'none'],
    ['nh3n', '8.0', 'light'],
    ['nh3n', '15', 'light'],
    ['nh3n', '15.01', 'heavy'],
  ] as const)('%s %s → %s', (item, value, expected) => {
    expect(grade({ [item]: value })).toBe(expected);
  });

  it('takes a value below the detection limit as half the limit', () => {
    expect(grade({ do: '0.3L' })).toBe('heavy'); // 0.15 < 0.2
    expect(grade({ do: '0.4L' })).toBe('light'); // 0.2: the end of the light range
    expect(grade({ nh3n: '20L' })).toBe('light'); // 10
    expect(grade({ nh3n: '32L' })).toBe('heavy'); // 16
  });

  it('any heavy indicator makes it heavy, else any light one light', () => {
    expect(grade({ transparency_cm: '60', do: '5', orp_mv: '120', nh3n: '16' })).toBe('heavy');
    expect(grade({ transparency_cm: '20', do: '5', orp_mv: '120', nh3n: '1' })).toBe('light');
    expect(grade({ transparency_cm: '20', do: '0.1' })).toBe('heavy');
    expect(grade({ transparency_cm: '60', do: '5', orp_mv: '120', nh3n: '1' })).toBe('none');
    // the sample's 东门沟入河口 on 2024-07-11: all four in the light range
    expect(grade({ transparency_cm: '21', do: '0.9', orp_mv: '-85', nh3n: '9.905' })).toBe('light');
    const a = blackOdorousAssessment(reading({ transparency_cm: '20', nh3n: '16' }));
    expect(a).toEqual({
      grade: 'heavy',
      indicators: [
        { item: 'transparency_cm', value: 20, grade: 'light' },
        { item: 'nh3n', value: 16, grade: 'heavy' },
      ],
    });
  });

  it("publishes the guide's table, which the grading follows at both ends of every range", () => {
    expect(BLACK_ODOROUS_RANGES.map((r) => [r.item, r.min, r.max, r.worse])).toEqual([
      ['transparency_cm', 10, 25, 'below'],
      ['do', 0.2, 2.0, 'below'],
      ['orp_mv', -200, 50, 'below'],
      ['nh3n', 8.0, 15, 'above'],
    ]);
    for (const r of BLACK_ODOROUS_RANGES) {
      const step = (r.max - r.min) / 1000;
      expect(blackOdorousIndicatorGrade(r.item, r.min)).toBe('light');
      expect(blackOdorousIndicatorGrade(r.item, r.max)).toBe('light');
      expect(blackOdorousIndicatorGrade(r.item, r.min - step)).toBe(r.worse === 'below' ? 'heavy' : 'none');
      expect(blackOdorousIndicatorGrade(r.item, r.max + step)).toBe(r.worse === 'below' ? 'none' : 'heavy');
    }
    expect(BLACK_ODOROUS_LABEL).toEqual({ none: '无黑臭', light: '轻度黑臭', heavy: '重度黑臭' });
  });

  it('in water shallower than 25 cm, the transparency limits are 40 % of the depth', () => {
    // depth 20 cm → both limits 8 cm
    expect(grade({ transparency_cm: '12' }, 20)).toBe('none'); // would be light in deeper water
    expect(grade({ transparency_cm: '8.01' }, 20)).toBe('none');
    expect(grade({ transparency_cm: '8' }, 20)).toBe('light');
    expect(grade({ transparency_cm: '7.99' }, 20)).toBe('heavy');
    // 25 cm or deeper, or no depth: the usual limits
    expect(grade({ transparency_cm: '12' }, 25)).toBe('light');
    expect(grade({ transparency_cm: '12' }, 80)).toBe('light');
    expect(grade({ transparency_cm: '12' })).toBe('light');
    // depth changes only transparency
    expect(grade({ nh3n: '9' }, 20)).toBe('light');
  });
});
