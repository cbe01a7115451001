import { describe, expect, it } from 'vitest';
import {
  elapsed,
  meets,
  progress,
  stateCounts,
  targetState,
  targetStatus,
  type TargetInput,
} from '../../src/lib/targets.ts';

const base: TargetInput = {
  direction: 'up',
  baseline: 0,
  baseline_date: '2025-01-01',
  target: 100,
  deadline: '2026-01-01',
  current: 50,
  current_date: '2025-07-01',
};
const t = (o: Partial<TargetInput>): TargetInput => ({ ...base, ...o });

describe('progress', () => {
  it('is the share of the way from baseline to target', () => {
    expect(progress(t({ current: 50 }))).toBe(0.5);
    expect(progress(t({ baseline: 72, target: 95, current: 88.6 }))).toBeCloseTo(16.6 / 23);
  });
  it('works downwards', () => {
    expect(progress(t({ direction: 'down', baseline: 4, target: 0, current: 1 }))).toBe(0.75);
  });
  it('is clamped to 0–1', () => {
    expect(progress(t({ current: 120 }))).toBe(1);
    expect(progress(t({ current: -10 }))).toBe(0);
    expect(progress(t({ direction: 'down', baseline: 1, target: 0, current: 3 }))).toBe(0);
  });
  it('is 1 or 0 when baseline equals target', () => {
    expect(progress(t({ baseline: 100, target: 100, current: 100 }))).toBe(1);
    expect(progress(t({ baseline: 100, target: 100, current: 99 }))).toBe(0);
  });
});

describe('meets', () => {
  it('depends on direction', () => {
    expect(meets(5, 5, 'up')).toBe(true);
    expect(meets(4, 5, 'up')).toBe(false);
    expect(meets(0, 0, 'down')).toBe(true);
    expect(meets(1, 0, 'down')).toBe(false);
  });
});

describe('elapsed', () => {
  it('is the share of time passed, clamped', () => {
    expect(elapsed(base, '2025-01-01')).toBe(0);
    expect(elapsed(base, '2026-06-01')).toBe(1);
    expect(elapsed(base, '2024-06-01')).toBe(0);
    expect(elapsed({ baseline_date: '2025-01-01', deadline: '2025-01-11' }, '2025-01-06')).toBe(0.5);
  });
});

describe('targetState', () => {
  it('is achieved when the current value meets the target, even after the deadline', () => {
    expect(targetState(t({ current: 100 }), '2025-03-01')).toBe('achieved');
    expect(targetState(t({ current: 100 }), '2027-03-01')).toBe('achieved');
    expect(targetState(t({ direction: 'down', baseline: 1, target: 0, current: 0 }), '2025-03-01')).toBe('achieved');
  });
  it('is missed once the deadline passed without meeting it', () => {
    expect(targetState(t({ current: 99 }), '2026-01-02')).toBe('missed');
  });
  it('on the deadline day itself it is not yet missed', () => {
    expect(targetState(t({ current: 99 }), '2026-01-01')).toBe('behind');
  });
  it('is on track when progress keeps up with time, behind otherwise', () => {
    // Half the time (≈ 2025-07-02) has passed.
    expect(targetState(t({ current: 60 }), '2025-07-02')).toBe('on_track');
    expect(targetState(t({ current: 40 }), '2025-07-02')).toBe('behind');
  });
  it('uses as_of, never the clock', () => {
    expect(targetState(t({ current: 10 }), '2025-01-10')).toBe('on_track');
    expect(targetState(t({ current: 10 }), '2025-12-10')).toBe('behind');
  });
});

describe('targetStatus and stateCounts', () => {
  it('reports days left and counts states', () => {
    const s = targetStatus(t({ current: 50 }), '2025-12-22');
    expect(s.daysLeft).toBe(10);
    expect(s.progress).toBe(0.5);
    expect(stateCounts(['achieved', 'missed', 'achieved'])).toEqual({ achieved: 2, on_track: 0, behind: 0, missed: 1 });
  });
});

describe('indexes', () => {
  it('groups targets by document, once per array', async () => {
    const { targetsByDocument } = await import('../../src/lib/targets.ts');
    const list = [
      { id: 'a', document: 'd1' },
      { id: 'b', document: 'd1' },
      { id: 'c', document: undefined },
    ];
    expect(
      targetsByDocument(list)
        .get('d1')!
        .map((t) => t.id),
    ).toEqual(['a', 'b']);
    expect(targetsByDocument(list)).toBe(targetsByDocument(list));
  });
});
