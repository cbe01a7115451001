/**
 * Map data for the build-time SVG maps: each water's geometry with its box,
 * a grid index to find the neighbours of a water without scanning them all,
 * and what the overview map draws.
 */
import { bboxOf, intersects, padBBox, type BBox, type Geometry } from '../lib/map.ts';
import { push } from '../lib/collections.ts';
import type { Db } from './query.ts';

export interface MapFeature {
  id: string;
  name: string;
  level: string;
  geometry: Geometry;
  bbox: BBox;
}

/** Above this many waters the overview draws only the highest-level ones, this many. */
export const OVERVIEW_LIMIT = 300;
const CELL = 0.05; // degrees

/** Main waters first: 县级 0, 乡镇级 1, 村级 and anything else 2. */
export const levelRank = (level: string): number => (level === 'county' ? 0 : level === 'township' ? 1 : 2);

interface MapIndex {
  features: Map<string, MapFeature>;
  grid: Map<string, MapFeature[]>;
  overview: MapFeature[];
  bbox: BBox | null;
}

const cache = new WeakMap<Db, MapIndex>();

function cells(b: BBox): string[] {
  const out: string[] = [];
  for (let x = Math.floor(b.minLon / CELL); x <= Math.floor(b.maxLon / CELL); x++) {
    for (let y = Math.floor(b.minLat / CELL); y <= Math.floor(b.maxLat / CELL); y++) out.push(`${x}:${y}`);
  }
  return out;
}

export function mapIndex(db: Db): MapIndex {
  const hit = cache.get(db);
  if (hit) return hit;
  const features = new Map<string, MapFeature>();
  const grid = new Map<string, MapFeature[]>();
  for (const [id, geometry] of db.geo) {
    const w = db.waters.get(id);
    const bbox = bboxOf([geometry]);
    if (!w || !bbox) continue;
    const f = { id, name: w.name, level: w.level, geometry, bbox };
    features.set(id, f);
    for (const c of cells(bbox)) push(grid, c, f);
  }
  const all = [...features.values()];
  // A city's overview would be thousands of lines: draw the waters of the
  // highest levels, at most OVERVIEW_LIMIT of them.
  const overview =
    all.length > OVERVIEW_LIMIT
      ? [...all]
          .sort((a, b) => levelRank(a.level) - levelRank(b.level) || a.id.localeCompare(b.id))
          .slice(0, OVERVIEW_LIMIT)
      : all;
  const index = { features, grid, overview, bbox: bboxOf(all.map((f) => f.geometry)) };
  cache.set(db, index);
  return index;
}

/** A water and the waters around it (within its box grown by 25 %), the water last so it draws on top. */
export function neighbourhood(db: Db, id: string, limit = 30): { box: BBox; features: MapFeature[] } | null {
  const idx = mapIndex(db);
  const self = idx.features.get(id);
  if (!self) return null;
  const box = padBBox(self.bbox, 0.25);
  const seen = new Set<string>([id]);
  const near: MapFeature[] = [];
  for (const c of cells(box)) {
    for (const f of idx.grid.get(c) ?? []) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      if (intersects(f.bbox, box)) near.push(f);
    }
  }
  // Prefer the water's parent and tributaries, then larger (higher-level) waters.
  const related = new Set([db.waters.get(id)?.parent, ...(db.tributaries.get(id) ?? []).map((t) => t.id)]);
  const rank = (f: MapFeature) => (related.has(f.id) ? 0 : 1 + levelRank(f.level));
  near.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
  return { box, features: [...near.slice(0, limit), self] };
}
