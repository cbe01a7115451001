import { describe, expect, it } from 'vitest';
import { distanceToGeometry, formatDistanceZh, nearestWaters } from '../../src/lib/nearest.ts';
import type { Geometry } from '../../src/lib/map.ts';

// An east–west river along 30°N and a square lake with an island (a hole).
const river: Geometry = {
  type: 'LineString',
  coordinates: [
    [114.0, 30.0],
    [114.1, 30.0],
    [114.2, 30.0],
  ],
};
const lake: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [114.3, 30.1],
      [114.4, 30.1],
      [114.4, 30.2],
      [114.3, 30.2],
      [114.3, 30.1],
    ],
    [
      [114.34, 30.14],
      [114.36, 30.14],
      [114.36, 30.16],
      [114.34, 30.16],
      [114.34, 30.14],
    ],
  ],
};
/** Great-circle distance, to check the flat approximation against. */
const haversine = ([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]) => {
  const r = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
};

describe('distance from a point to a water', () => {
  it('is 0 on a river and the perpendicular distance beside it', () => {
    expect(distanceToGeometry([114.05, 30.0], river)).toBeLessThan(0.01);
    const d = distanceToGeometry([114.15, 30.01], river);
    expect(d).toBeCloseTo(haversine([114.15, 30.01], [114.15, 30.0]), -1); // ≈ 1112 m, within 5 m
  });

  it('is measured to the nearest end beyond the end of a river', () => {
    const p: [number, number] = [114.25, 30.03];
    expect(
      Math.abs(distanceToGeometry(p, river) - haversine(p, [114.2, 30.0])) / haversine(p, [114.2, 30.0]),
    ).toBeLessThan(0.005);
  });

  it('is 0 on a lake, to the shore from outside, and to the island shore from the island', () => {
    expect(distanceToGeometry([114.32, 30.12], lake)).toBe(0);
    expect(distanceToGeometry([114.35, 30.21], lake)).toBeCloseTo(haversine([114.35, 30.21], [114.35, 30.2]), -1);
    const onIsland = distanceToGeometry([114.35, 30.15], lake);
    // the island is 0.02° square: its east and west shores are nearer than north and south at 30°N
    expect(onIsland).toBeCloseTo(haversine([114.35, 30.15], [114.34, 30.15]), -1);
  });
});

describe('nearest waters', () => {
  const features = [
    { properties: { id: 'river', name: '甲河' }, geometry: river },
    { properties: { id: 'lake', name: '乙湖' }, geometry: lake },
    {
      properties: { id: 'far', name: '丙溪' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [115, 31],
          [115.1, 31],
        ],
      },
    },
    { properties: { id: 'nogeo', name: '丁塘' }, geometry: null },
    { properties: {}, geometry: river },
  ];

  it('lists the nearest first, at most n, skipping features without id or geometry', () => {
    const got = nearestWaters([114.28, 30.1], features, 3);
    expect(got.map((w) => w.id)).toEqual(['lake', 'river', 'far']);
    expect(got[0]!.name).toBe('乙湖');
    expect(got[0]!.metres).toBeLessThan(got[1]!.metres);
    expect(nearestWaters([114.1, 30.0], features, 1)).toEqual([{ id: 'river', name: '甲河', metres: 0 }]);
  });
});

describe('distance in words', () => {
  it('rounds to what a walker needs', () => {
    expect(formatDistanceZh(0)).toBe('就在这里');
    expect(formatDistanceZh(83)).toBe('约 80 米');
    expect(formatDistanceZh(7)).toBe('约 10 米');
    expect(formatDistanceZh(1234)).toBe('约 1.2 公里');
    expect(formatDistanceZh(15_400)).toBe('约 15 公里');
  });
});
