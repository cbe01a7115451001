import { describe, expect, it } from 'vitest';
import {
  LABEL_ALL,
  anchorsOf,
  drawnSize,
  placeLabels,
  type LabelBox,
  type LabelCandidate,
} from '../../src/lib/map-labels.ts';

const STYLE = { width: 400, height: 300, fontSize: 15, padX: 5, minTarget: 30 };
const river = (id: string, name: string, y: number, rank = 1, x0 = 20, x1 = 380): LabelCandidate => ({
  id,
  name,
  rank,
  area: false,
  lines: [
    [
      [x0, y],
      [(x0 + x1) / 2, y],
      [x1, y],
    ],
  ],
});
const pond = (id: string, name: string, x: number, y: number, r = 3, rank = 3): LabelCandidate => ({
  id,
  name,
  rank,
  area: true,
  lines: [
    [
      [x - r, y - r],
      [x + r, y - r],
      [x + r, y + r],
      [x - r, y + r],
      [x - r, y - r],
    ],
  ],
});
const apart = (a: LabelBox, b: LabelBox) =>
  Math.abs(a.x - b.x) * 2 >= a.w + b.w || Math.abs(a.y - b.y) * 2 >= a.h + b.h;

describe('where a name goes', () => {
  it('puts a long river’s name in its middle, on the line', () => {
    const placed = placeLabels([river('a', '清溪河', 150)], STYLE);
    expect(placed.get('a')).toEqual({ x: 200, y: 150, w: 55, h: 30 });
  });

  it('measures rivers by drawn length and areas by drawn diagonal', () => {
    expect(drawnSize(river('a', 'x', 10, 1, 0, 100))).toBe(100);
    expect(drawnSize(pond('p', 'x', 50, 50, 3))).toBeCloseTo(Math.hypot(6, 6), 9);
    expect(anchorsOf(pond('p', 'x', 50, 60))).toEqual([[50, 60]]);
  });

  it('never covers a pond with its own name, and keeps every box inside the map and at least the tap size', () => {
    const placed = placeLabels([pond('p', '芦湾塘', 200, 150), pond('q', '塘', 2, 2)], STYLE);
    const p = placed.get('p')!;
    expect(Math.abs(p.x - 200) * 2 >= p.w || Math.abs(p.y - 150) * 2 >= p.h).toBe(true);
    const q = placed.get('q')!;
    expect(q.w).toBeGreaterThanOrEqual(30);
    expect(q.x - q.w / 2).toBeGreaterThanOrEqual(0);
    expect(q.y - q.h / 2).toBeGreaterThanOrEqual(0);
  });

  it('places names clear of one another, the highlighted water’s first', () => {
    // Five rivers 8 units apart: not all names fit on them; the highlighted (rank 0) one gets its middle spot.
    const rivers = [0, 1, 2, 3, 4].map((i) => river(`r${i}`, `河流${i}`, 140 + i * 8, i === 3 ? 0 : 1));
    const placed = placeLabels(rivers, STYLE);
    expect(placed.get('r3')).toMatchObject({ x: 200, y: 164 });
    const boxes = [...placed.values()];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(apart(boxes[i]!, boxes[j]!)).toBe(true);
    expect(placed.size).toBe(5);
  });

  it('keeps every name clear of the markers (stations, outlets) it is given', () => {
    // A marker right where the name would go (the river's middle): the name moves off it.
    const alone = placeLabels([river('a', '清溪河', 150)], STYLE).get('a')!;
    const marker = { x: 200, y: 150, w: 10, h: 10 };
    expect(apart(alone, marker)).toBe(false);
    const placed = placeLabels([river('a', '清溪河', 150)], { ...STYLE, markers: { points: [[200, 150]], size: 10 } });
    expect(apart(placed.get('a')!, marker)).toBe(true);
    // With no spot clear of the markers, a name still goes on the map, over one.
    const tiny = { ...STYLE, width: 60, height: 40 };
    const crowded = placeLabels([river('b', '甲河', 20, 1, 0, 60)], {
      ...tiny,
      markers: {
        points: [
          [10, 20],
          [30, 20],
          [50, 20],
        ],
        size: 10,
      },
    });
    expect(crowded.has('b')).toBe(true);
  });

  it('leaves out a name with no free spot, and a name wider than the map', () => {
    const tiny = { ...STYLE, width: 60, height: 40 };
    const placed = placeLabels(
      [river('a', '甲河', 20, 1, 0, 60), river('b', '乙河', 20, 2, 0, 60), river('c', '很长很长的名字', 20, 0, 0, 60)],
      tiny,
    );
    expect([...placed.keys()]).toEqual(['a']);
  });
});

describe('which waters are named', () => {
  it('tries every water on a county-size map', () => {
    const ponds = Array.from({ length: 12 }, (_, i) =>
      pond(`p${i}`, '塘', 20 + (i % 4) * 100, 40 + Math.floor(i / 4) * 100),
    );
    expect(placeLabels(ponds, STYLE).size).toBe(12);
  });

  it('tries only the main waters on a city-size map, by level and then size', () => {
    const big = { ...STYLE, width: 4000, height: 4000 };
    const many = Array.from({ length: LABEL_ALL + 40 }, (_, i) =>
      pond(
        `p${String(i).padStart(3, '0')}`,
        '塘',
        50 + (i % 20) * 190,
        50 + Math.floor(i / 20) * 190,
        3,
        i < LABEL_ALL + 20 ? 3 : 1,
      ),
    );
    const placed = placeLabels(many, big);
    expect(placed.size).toBe(LABEL_ALL);
    // The 20 higher-level (rank 1) waters are all named; of the 80 others, only the first 40 by id (all the same size).
    const id = (i: number) => `p${String(i).padStart(3, '0')}`;
    for (let i = LABEL_ALL + 20; i < LABEL_ALL + 40; i++) expect(placed.has(id(i))).toBe(true);
    expect(placed.has(id(LABEL_ALL - 21))).toBe(true);
    expect(placed.has(id(LABEL_ALL - 20))).toBe(false);
  });
});
