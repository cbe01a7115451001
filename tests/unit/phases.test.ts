import { describe, expect, it } from 'vitest';
import { documentPhases, milestones, parsePhaseHeading, phaseState, span } from '../../src/lib/phases.ts';

describe('parsePhaseHeading', () => {
  it('reads the name and the date range of a phase heading', () => {
    expect(parsePhaseHeading('（一）动员部署（2025年3月1日—4月30日）')).toEqual({
      name: '动员部署',
      start: '2025-03-01',
      end: '2025-04-30',
    });
    expect(parsePhaseHeading('（二）全面推进（2025年5月1日—2026年6月30日）')).toEqual({
      name: '全面推进',
      start: '2025-05-01',
      end: '2026-06-30',
    });
    expect(parsePhaseHeading('三、检查落实(2026年7月1日至9月30日)')).toEqual({
      name: '检查落实',
      start: '2026-07-01',
      end: '2026-09-30',
    });
  });
  it('rolls a year-less end into the next year when needed', () => {
    expect(parsePhaseHeading('验收总结（2026年11月1日—1月31日）')).toEqual({
      name: '验收总结',
      start: '2026-11-01',
      end: '2027-01-31',
    });
  });
  it('ignores headings without a range', () => {
    expect(parsePhaseHeading('一、总体要求')).toBeNull();
    expect(parsePhaseHeading('目标（2026年）')).toBeNull();
  });
});

describe('documentPhases', () => {
  it('prefers frontmatter phases, sorted by start', () => {
    const phases = [
      { name: 'B', start: '2025-05-01', end: '2025-06-01' },
      { name: 'A', start: '2025-01-01', end: '2025-04-01' },
    ];
    expect(documentPhases({ phases }, [{ text: '（一）动员部署（2025年3月1日—4月30日）' }]).map((p) => p.name)).toEqual(
      ['A', 'B'],
    );
  });
  it('falls back to headings', () => {
    expect(documentPhases({}, [{ text: '一、总体要求' }, { text: '（一）动员部署（2025年3月1日—4月30日）' }])).toEqual([
      { name: '动员部署', start: '2025-03-01', end: '2025-04-30' },
    ]);
    expect(documentPhases({ phases: [] }, [])).toEqual([]);
  });
});

describe('phaseState, milestones, span', () => {
  const p = { name: 'x', start: '2025-03-01', end: '2025-04-30' };
  it('judges a phase against as_of', () => {
    expect(phaseState(p, '2025-02-28')).toBe('upcoming');
    expect(phaseState(p, '2025-03-01')).toBe('current');
    expect(phaseState(p, '2025-04-30')).toBe('current');
    expect(phaseState(p, '2025-05-01')).toBe('done');
  });
  it('lists the issue date and target deadlines in order', () => {
    const m = milestones({ date: '2025-02-20' }, [
      { id: 'b', name: '乙', deadline: '2026-12-31' },
      { id: 'a', name: '甲', deadline: '2026-06-30' },
    ]);
    expect(m.map((x) => x.date)).toEqual(['2025-02-20', '2026-06-30', '2026-12-31']);
    expect(m[1]).toMatchObject({ kind: 'deadline', target: 'a', label: '甲完成时限' });
    expect(span([p], m)).toEqual({ from: '2025-02-20', to: '2026-12-31' });
    expect(span([], [])).toBeNull();
  });
});
