import { describe, expect, it } from 'vitest';
import {
  decodeEvents,
  decodePatrols,
  decodeReadings,
  encodeEvents,
  encodePatrols,
  encodeReadings,
} from '../../src/loader/compact.ts';
import type { CaseEvent, Patrol, Reading } from '../../src/schemas/tables.ts';

describe('compact storage of the long tables', () => {
  it('gives back the validated readings, detection limits and unmeasured items included', () => {
    const rows: Reading[] = [
      {
        station: 's1',
        date: '2026-01-12',
        ph: { value: 7.2, belowLimit: false },
        hg: { value: 0.00004, belowLimit: true },
      },
      { station: 's1', date: '2026-02', nh3n: { value: 1.5, belowLimit: false } },
    ];
    const encoded = encodeReadings(rows);
    expect(encoded[0]).toContain('0.00004L');
    expect(decodeReadings('s1', encoded)).toEqual(rows);
  });

  it('gives back patrols with and without the optional columns', () => {
    const rows: Patrol[] = [
      { chief: 'c1', month: '2026-01', count: 4, km: 12.5, issues_found: 1 },
      { chief: 'c1', month: '2026-02', count: 0 },
    ];
    expect(decodePatrols('c1', encodePatrols(rows))).toEqual(rows);
  });

  it('keeps case events in file order with their notes', () => {
    const rows: CaseEvent[] = [
      { case: 'k1', date: '2026-03-01', status: 'reported', note: '群众反映', by: '县河长办' },
      { case: 'k1', date: '2026-03-01', status: 'assigned' },
    ];
    expect(decodeEvents('k1', encodeEvents(rows))).toEqual(rows);
  });
});
