/** src/lib/ledger-routes.ts: which static ledger page answers a set of filter choices. */
import { describe, expect, it } from 'vitest';
import { impliedChoices, targetOf } from '../../src/lib/ledger-routes.ts';

describe('targetOf', () => {
  it('prefers a township’s open or overdue page, then the township, status, category, source, year', () => {
    expect(targetOf({ township: '990102000000', status: 'overdue', category: 'sewage' })).toBe(
      'township/990102000000/overdue',
    );
    expect(targetOf({ township: '990102000000', status: 'closed' })).toBe('township/990102000000');
    expect(targetOf({ status: 'closed', category: 'sewage' })).toBe('status/closed');
    expect(targetOf({ category: 'sewage', year: '2025' })).toBe('category/sewage');
    expect(targetOf({ source: 'report', year: '2025' })).toBe('source/report');
    expect(targetOf({ year: '2025', water: '清溪河' })).toBe('year/2025');
    expect(targetOf({ water: '清溪河', sort: 'found-asc' })).toBe('status/all');
  });
});

describe('impliedChoices', () => {
  it('reads the choices back from a selection key, so each page’s form shows what it lists', () => {
    expect(impliedChoices('township/990102000000/open')).toEqual({ township: '990102000000', status: 'open' });
    expect(impliedChoices('township/990102000000')).toEqual({ township: '990102000000' });
    expect(impliedChoices('status/overdue')).toEqual({ status: 'overdue' });
    expect(impliedChoices('status/all')).toEqual({});
    expect(impliedChoices('category/sewage')).toEqual({ category: 'sewage' });
    expect(impliedChoices('')).toEqual({});
  });
  it('is the inverse of targetOf for the choices a page stands for', () => {
    for (const key of [
      'township/990102000000/overdue',
      'township/990102000000',
      'status/late',
      'source/report',
      'year/2025',
    ]) {
      expect(targetOf(impliedChoices(key))).toBe(key);
    }
  });
});
