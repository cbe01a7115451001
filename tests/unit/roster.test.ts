import { describe, expect, it } from 'vitest';
import {
  holdsCurrentPost,
  isCurrent,
  oldestVerified,
  publicPhone,
  segmentContact,
  signDuties,
} from '../../src/lib/roster.ts';
import { buildIndexes } from '../../src/data/indexes.ts';
import type { Assignment } from '../../src/schemas/tables.ts';

const AS_OF = '2026-10-31';
const a = (o: Partial<Assignment> & Pick<Assignment, 'chief' | 'role'>): Assignment =>
  ({ water: 'w', start: '2021-07-01', ...o }) as Assignment;

describe('isCurrent', () => {
  it('is current from its start day until the day before its end', () => {
    expect(isCurrent({ start: AS_OF }, AS_OF)).toBe(true);
    expect(isCurrent({ start: '2026-11-01' }, AS_OF)).toBe(false);
    expect(isCurrent({ start: '2021-07-01', end: AS_OF }, AS_OF)).toBe(false);
    expect(isCurrent({ start: '2021-07-01', end: '2026-11-01' }, AS_OF)).toBe(true);
  });
});

describe('publicPhone', () => {
  const chief = { phone: '0000-6120011' };
  it('publishes the phone of someone holding a post', () => {
    expect(publicPhone(chief, [{ start: '2025-03-16' }], AS_OF)).toBe('0000-6120011');
  });
  it('withholds it once every post has ended, however many there were', () => {
    const ended = [
      { start: '2021-07-01', end: '2025-03-15' },
      { start: '2019-01-01', end: '2021-06-30' },
    ];
    expect(holdsCurrentPost(ended, AS_OF)).toBe(false);
    expect(publicPhone(chief, ended, AS_OF)).toBeNull();
  });
  it('withholds it on the day the last post ends', () => {
    expect(publicPhone(chief, [{ start: '2021-07-01', end: AS_OF }], AS_OF)).toBeNull();
  });
  it('keeps it for a former chief of one water who still holds a post elsewhere', () => {
    const held = [{ start: '2021-07-01', end: '2025-03-15' }, { start: '2025-03-16' }];
    expect(publicPhone(chief, held, AS_OF)).toBe('0000-6120011');
  });
  it('withholds it from someone whose only post has not begun, or who holds none', () => {
    expect(publicPhone(chief, [{ start: '2026-12-01' }], AS_OF)).toBeNull();
    expect(publicPhone(chief, [], AS_OF)).toBeNull();
    expect(publicPhone(chief, undefined, AS_OF)).toBeNull();
  });
  it('is null for an empty number even while serving', () => {
    expect(publicPhone({ phone: ' ' }, [{ start: '2025-03-16' }], AS_OF)).toBeNull();
  });
});

describe('signDuties', () => {
  const general = a({ chief: 'lin', role: 'general_chief', duties: '对全县河湖管理保护负总责' });
  const deputy = a({ chief: 'cai', role: 'deputy_chief', duties: '协助河长' });
  const former = a({ chief: 'wang', role: 'chief', end: '2025-03-15', duties: '旧职责' });
  const chief = a({ chief: 'chen', role: 'chief', start: '2025-03-16', duties: '负责全线管理保护' });
  const segment = a({ chief: 'cao', role: 'segment_chief', segment: 's1', duties: '负责本段巡查' });
  const segmentChiefRole = a({ chief: 'gao', role: 'chief', segment: 's2', duties: '河段上的河长' });

  it("prints the current 河长's duties, not a 总河长's or 副河长's listed before them", () => {
    expect(signDuties([general, deputy, former, chief, segment], AS_OF)).toEqual({
      kind: 'held',
      holders: [{ chief: 'chen', duties: '负责全线管理保护' }],
    });
  });
  it('ignores a 河长 of a segment: the water sign is the whole water', () => {
    expect(signDuties([segmentChiefRole, deputy], AS_OF)).toEqual({ kind: 'vacant' });
  });
  it('says the post is vacant when its only 河长 has left or not yet begun, whoever else is current', () => {
    expect(signDuties([general, deputy, former], AS_OF)).toEqual({ kind: 'vacant' });
    expect(signDuties([a({ chief: 'next', role: 'chief', start: '2026-11-01', duties: 'x' })], AS_OF)).toEqual({
      kind: 'vacant',
    });
    expect(signDuties([], AS_OF)).toEqual({ kind: 'vacant' });
  });
  it('lists every current 河长 in the given order, with empty duties when none is recorded', () => {
    const other = a({ chief: 'he', role: 'chief', start: '2024-01-01' });
    expect(signDuties([chief, other], AS_OF)).toEqual({
      kind: 'held',
      holders: [
        { chief: 'chen', duties: '负责全线管理保护' },
        { chief: 'he', duties: '' },
      ],
    });
  });
});

describe('oldestVerified', () => {
  it('is the oldest date of the people printed', () => {
    expect(oldestVerified([{ verified: '2026-09-30' }, { verified: '2026-01-12' }, { verified: '2026-10-08' }])).toBe(
      '2026-01-12',
    );
  });
  it('is undefined for nobody', () => {
    expect(oldestVerified([])).toBeUndefined();
  });
});

describe('publicPhoneOf (the roster index every page and dataset asks)', () => {
  const chiefs = [
    { id: 'chen', name: '陈', position: '副县长', region: 'r', phone: '0000-1', verified: '2026-09-30' },
    { id: 'wang', name: '王', position: '副县长', region: 'r', phone: '0000-2', verified: '2026-03-20' },
  ];
  const idx = buildIndexes({
    regions: [],
    waters: [],
    segments: [],
    chiefs,
    assignments: [
      a({ chief: 'wang', role: 'chief', end: '2025-03-15' }),
      a({ chief: 'chen', role: 'chief', start: '2025-03-16' }),
    ],
    asOf: AS_OF,
  });
  it("gives a serving chief's phone and no phone for a former chief or an unknown id", () => {
    expect(idx.publicPhoneOf('chen')).toBe('0000-1');
    expect(idx.publicPhoneOf('wang')).toBeNull();
    expect(idx.publicPhoneOf('nobody')).toBeNull();
  });
});

describe('segmentContact', () => {
  const list = [
    a({ chief: 'water-chief', role: 'chief' }),
    a({ chief: 'keeper', role: 'keeper', segment: 's1' }),
    a({ chief: 'old', role: 'segment_chief', segment: 's1', end: '2026-04-20' }),
    a({ chief: 'new', role: 'segment_chief', segment: 's1', start: '2026-04-21' }),
    a({ chief: 'other', role: 'segment_chief', segment: 's2' }),
    a({ chief: 'future', role: 'segment_chief', segment: 's3', start: '2026-11-15' }),
  ];
  it("names the segment's current 河段长, not the former one nor the segment's keeper", () => {
    expect(segmentContact(list, 's1', AS_OF)).toEqual({ kind: 'segment_chief', assignment: list[3] });
    expect(segmentContact(list, 's2', AS_OF)).toEqual({ kind: 'segment_chief', assignment: list[4] });
  });
  it("falls back to the whole water's 河长 while the segment has no 河段长 (one who has not yet begun does not count)", () => {
    expect(segmentContact(list, 's3', AS_OF)).toEqual({ kind: 'water_chief', assignment: list[0] });
  });
  it('is vacant when neither post is held', () => {
    expect(segmentContact(list.slice(1), 's3', AS_OF)).toEqual({ kind: 'vacant' });
    expect(segmentContact([a({ chief: 'dep', role: 'deputy_chief' })], 's1', AS_OF)).toEqual({ kind: 'vacant' });
  });
});
