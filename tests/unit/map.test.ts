import { describe, expect, it } from 'vitest';
import { bboxOf, fit, intersects, padBBox, pathData, simplify, type Geometry } from '../../src/lib/map.ts';

const line: Geometry = {
  type: 'LineString',
  coordinates: [
    [114.0, 30.0],
    [114.1, 30.05],
    [114.2, 30.1],
  ],
};
const lake: Geometry = {
  type: 'Polygon',
  coordinates: [
    [
      [114.3, 30.3],
      [114.35, 30.3],
      [114.35, 30.35],
      [114.3, 30.3],
    ],
  ],
};

describe('map geometry', () => {
  it('boxes every position of lines and polygons', () => {
    expect(bboxOf([line, lake])).toEqual({ minLon: 114.0, minLat: 30.0, maxLon: 114.35, maxLat: 30.35 });
  });

  it('projects north up and west left, inside the requested width', () => {
    const p = fit(bboxOf([line])!, 200, 10);
    const [x0, y0] = p.project([114.0, 30.0]);
    const [x1, y1] = p.project([114.2, 30.1]);
    expect(x0).toBeCloseTo(10, 5);
    expect(x1).toBeCloseTo(190, 5);
    expect(y1).toBeLessThan(y0); // further north is higher on the page
    // longitude is shortened by cos(latitude): 0.2° lon × cos(30.05°) against 0.1° lat
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo((0.2 * Math.cos((30.05 * Math.PI) / 180)) / 0.1, 5);
  });

  it('closes polygon rings and leaves lines open', () => {
    const p = fit(bboxOf([line, lake])!, 300);
    expect(pathData(lake, p)).toMatch(/^M[\d. ]+(L[\d. ]+)+Z$/);
    expect(pathData(line, p)).not.toContain('Z');
  });

  it('drops points closer than the tolerance but keeps both ends', () => {
    const pts: [number, number][] = [
      [0, 0],
      [0.2, 0],
      [0.4, 0],
      [5, 0],
      [5.1, 0],
    ];
    expect(simplify(pts, 1)).toEqual([
      [0, 0],
      [5, 0],
      [5.1, 0],
    ]);
  });

  it('pads and intersects boxes', () => {
    const a = { minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 };
    expect(intersects(a, { minLon: 1.1, minLat: 0, maxLon: 2, maxLat: 1 })).toBe(false);
    expect(intersects(padBBox(a, 0.2), { minLon: 1.1, minLat: 0, maxLon: 2, maxLat: 1 })).toBe(true);
  });
});
