/**
 * CLASS_FOR_PEOPLE (src/lib/enums.ts): the words a landing shows for
 * swimming, fishing and drinking follow the functions GB 3838-2002 gives
 * each class — III is the last class that serves swimming, fishery and
 * drinking-water sources — and never call river water drinkable as it is.
 */
import { describe, expect, it } from 'vitest';
import { CLASS_FOR_PEOPLE, WATER_CLASSES } from '../../src/lib/enums.ts';

const fit = ['I', 'II', 'III'] as const;
const unfit = ['IV', 'V', '劣V'] as const;

describe('CLASS_FOR_PEOPLE', () => {
  it('has words for every class', () => {
    expect(Object.keys(CLASS_FOR_PEOPLE).sort()).toEqual([...WATER_CLASSES].sort());
  });
  it('classes I–III serve swimming, fish and (treated) drinking water; IV and worse none of them', () => {
    for (const c of fit) {
      expect(CLASS_FOR_PEOPLE[c].swim, c).toMatch(/^水质适合/);
      expect(CLASS_FOR_PEOPLE[c].fish, c).toMatch(/^水质适合/);
      expect(CLASS_FOR_PEOPLE[c].drink, c).toMatch(/^可作饮用水源/);
    }
    for (const c of unfit) {
      expect(CLASS_FOR_PEOPLE[c].swim, c).toMatch(/^不/);
      expect(CLASS_FOR_PEOPLE[c].fish, c).toMatch(/不宜养鱼/);
      expect(CLASS_FOR_PEOPLE[c].drink, c).toBe('不能作饮用水源');
    }
  });
  it('never calls untreated water drinkable', () => {
    for (const c of fit) expect(CLASS_FOR_PEOPLE[c].drink).toContain('须经水厂处理，不要直接饮用');
  });
});
