/**
 * "离我最近的河湖": the distance from a point to each water's geometry (a
 * river's lines, a lake's area) and the nearest few. Runs in the browser on
 * the site's own /data/waters.geojson, so the person's location never leaves
 * the phone. Pure functions; unit-tested.
 *
 * Distances use a local flat projection around the person (metres east and
 * north), exact enough within a city: under 0.5 % error at 100 km.
 */
import { isArea, linesOf, type Geometry, type Position } from './map.ts';

const EARTH_RADIUS = 6_371_008.8; // mean radius (m)
const RAD = Math.PI / 180;

/** Distance from the origin (the person) to the segment a–b, in a flat frame in metres centred on the person. */
function toSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Even–odd rule: inside an odd number of rings (so a polygon's holes count as outside). */
function inside(rings: [number, number][][]): boolean {
  let odd = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > 0 !== yj > 0 && 0 < ((xj - xi) * (0 - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/**
 * Metres from `point` to `g`: to the nearest point of a line, 0 inside an
 * area (a lake or reservoir you stand in or on), else to its shore.
 */
export function distanceToGeometry(point: Position, g: Geometry): number {
  const [lon0, lat0] = point;
  const kx = Math.cos(lat0 * RAD) * RAD * EARTH_RADIUS;
  const ky = RAD * EARTH_RADIUS;
  const rings = linesOf(g).map((line) =>
    line.map(([lon, lat]) => [(lon - lon0) * kx, (lat - lat0) * ky] as [number, number]),
  );
  if (isArea(g) && inside(rings)) return 0;
  let best = Infinity;
  for (const r of rings) {
    if (r.length === 1) best = Math.min(best, Math.hypot(r[0]![0], r[0]![1]));
    for (let i = 1; i < r.length; i++) best = Math.min(best, toSegment(r[i - 1]![0], r[i - 1]![1], r[i]![0], r[i]![1]));
  }
  return best;
}

export interface NearWater {
  id: string;
  name: string;
  metres: number;
}

/** The `n` waters nearest to `point`, nearest first (ties by id). Features without an id or geometry are skipped. */
export function nearestWaters(
  point: Position,
  features: { properties?: { id?: unknown; name?: unknown } | null; geometry?: Geometry | null }[],
  n = 3,
): NearWater[] {
  const out: NearWater[] = [];
  for (const f of features) {
    const id = f.properties?.id;
    if (typeof id !== 'string' || !f.geometry) continue;
    const metres = distanceToGeometry(point, f.geometry);
    if (Number.isFinite(metres))
      out.push({ id, name: typeof f.properties?.name === 'string' ? f.properties.name : id, metres });
  }
  return out.sort((a, b) => a.metres - b.metres || a.id.localeCompare(b.id)).slice(0, n);
}

/** "约 80 米", "约 1.2 公里", "约 15 公里"; 0 is "就在这里" (inside a lake's area, or on the line). */
export function formatDistanceZh(metres: number): string {
  if (metres < 5) return '就在这里';
  if (metres < 1000) return `约 ${Math.max(10, Math.round(metres / 10) * 10)} 米`;
  if (metres < 10_000) return `约 ${(Math.round(metres / 100) / 10).toFixed(1)} 公里`;
  return `约 ${Math.round(metres / 1000)} 公里`;
}
