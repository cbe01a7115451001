/**
 * Build-time maps (分布示意图): GeoJSON lines and polygons projected to SVG
 * path data. No tiles and no client code: the map is an inline SVG with a
 * text alternative. Pure functions; unit-tested.
 *
 * Projection: equirectangular with the longitude scaled by cos(mid-latitude),
 * which is accurate to well under a pixel over a county or a city.
 */

export type Position = [number, number];
export interface Geometry {
  type: string;
  coordinates: unknown;
}
export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Every ring or line of a geometry as a list of positions. */
export function linesOf(g: Geometry): Position[][] {
  const c = g.coordinates as never;
  switch (g.type) {
    case 'Point':
      return [[c as Position]];
    case 'LineString':
      return [c as Position[]];
    case 'MultiLineString':
    case 'Polygon':
      return c as Position[][];
    case 'MultiPolygon':
      return (c as Position[][][]).flat();
    default:
      return [];
  }
}

export function isArea(g: Geometry): boolean {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

export function bboxOf(geometries: Iterable<Geometry>): BBox | null {
  let b: BBox | null = null;
  for (const g of geometries) {
    for (const line of linesOf(g)) {
      for (const [lon, lat] of line) {
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
        if (!b) b = { minLon: lon, minLat: lat, maxLon: lon, maxLat: lat };
        else {
          if (lon < b.minLon) b.minLon = lon;
          if (lon > b.maxLon) b.maxLon = lon;
          if (lat < b.minLat) b.minLat = lat;
          if (lat > b.maxLat) b.maxLat = lat;
        }
      }
    }
  }
  return b;
}

export function extendBBox(b: BBox, points: Iterable<Position>): BBox {
  const out = { ...b };
  for (const [lon, lat] of points) {
    out.minLon = Math.min(out.minLon, lon);
    out.maxLon = Math.max(out.maxLon, lon);
    out.minLat = Math.min(out.minLat, lat);
    out.maxLat = Math.max(out.maxLat, lat);
  }
  return out;
}

/** Grow a box by a share of its size on each side (at least `minDeg`). */
export function padBBox(b: BBox, share: number, minDeg = 0.005): BBox {
  const dx = Math.max((b.maxLon - b.minLon) * share, minDeg);
  const dy = Math.max((b.maxLat - b.minLat) * share, minDeg);
  return { minLon: b.minLon - dx, minLat: b.minLat - dy, maxLon: b.maxLon + dx, maxLat: b.maxLat + dy };
}

export function intersects(a: BBox, b: BBox): boolean {
  return a.minLon <= b.maxLon && b.minLon <= a.maxLon && a.minLat <= b.maxLat && b.minLat <= a.maxLat;
}

export interface Projection {
  width: number;
  height: number;
  project(p: Position): [number, number];
}

/** Fit a box into `width` pixels (height follows the box's shape), with a margin. */
export function fit(b: BBox, width: number, margin = 8, maxHeight = width * 1.4): Projection {
  const midLat = ((b.minLat + b.maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const w = Math.max((b.maxLon - b.minLon) * kx, 1e-9);
  const h = Math.max(b.maxLat - b.minLat, 1e-9);
  let scale = (width - 2 * margin) / w;
  let height = h * scale + 2 * margin;
  if (height > maxHeight) {
    scale = (maxHeight - 2 * margin) / h;
    height = maxHeight;
  }
  const offX = (width - w * scale) / 2;
  return {
    width,
    height: Math.round(height),
    project: ([lon, lat]) => [offX + (lon - b.minLon) * kx * scale, margin + (b.maxLat - lat) * scale],
  };
}

/** Drop points closer than `tolerance` pixels to the last kept one (keeps the ends). */
export function simplify(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length <= 2 || tolerance <= 0) return points;
  const out = [points[0]!];
  const t2 = tolerance * tolerance;
  for (let i = 1; i < points.length - 1; i++) {
    const [x, y] = points[i]!;
    const [px, py] = out[out.length - 1]!;
    if ((x - px) ** 2 + (y - py) ** 2 >= t2) out.push(points[i]!);
  }
  out.push(points[points.length - 1]!);
  return out;
}

const r = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a geometry: lines open, polygon rings closed. */
export function pathData(g: Geometry, p: Projection, tolerance = 1): string {
  const close = isArea(g);
  let d = '';
  for (const line of linesOf(g)) {
    const pts = simplify(line.map(p.project), tolerance);
    if (pts.length === 0) continue;
    d += `M${r(pts[0]![0])} ${r(pts[0]![1])}`;
    for (let i = 1; i < pts.length; i++) d += `L${r(pts[i]![0])} ${r(pts[i]![1])}`;
    if (close) d += 'Z';
  }
  return d;
}
