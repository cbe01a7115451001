/**
 * Labels for the build-time maps: which waters get a name on the map, and
 * where it goes without covering another name. Pure functions on projected
 * (SVG user unit) coordinates; unit-tested.
 *
 * The rule, in order:
 * 1. Waters are ranked: the highlighted one first, then by management level
 *    (县级, 乡级, 村级), then by how much of the map they take (a line's
 *    drawn length, an area's drawn size), then by id.
 * 2. A map of up to LABEL_ALL waters (a county's overview, a water's
 *    neighbourhood) tries every water. A bigger map (a city's overview)
 *    tries only the first LABEL_ALL of the ranking: its main waters.
 * 3. In rank order, each name is tried at points along its water (the
 *    middle of a river first, then further out; an area's centre): on it
 *    (if the water is bigger than the name), then above, below, right,
 *    left and at the corners, next to it and then one box further out;
 *    the first spot that stays inside the map and clear of the names
 *    already placed wins.
 * 4. Then each name that covers one of the map's markers (a station, an
 *    outlet) moves, in the same order of spots, to the first one clear of
 *    the other names and of every marker; with no such spot it stays, and
 *    the map draws the marker over it. Markers never cost a water its name. A name with no free spot is left out; its water
 *    is still drawn and still a link named after it.
 *
 * Each label box is at least `minTarget` high and wide, so that at the
 * smallest width the map is shown at it is a big enough tap target.
 */
import { bboxOf } from './map.ts';

/** A map with at most this many waters labels every one it can; a bigger one only its main waters. */
export const LABEL_ALL = 60;

type XY = [number, number];

export interface LabelBox {
  /** Centre of the box (where the text is anchored). */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelCandidate {
  id: string;
  name: string;
  /** Projected lines (a river) or rings (an area). */
  lines: XY[][];
  area: boolean;
  /** Lower is more important: 0 for the highlighted water, then by level. */
  rank: number;
}

export interface LabelStyle {
  /** Map size in user units. */
  width: number;
  height: number;
  /** Font size in user units (a CJK character is about this wide). */
  fontSize: number;
  /** Horizontal padding inside the box. */
  padX: number;
  /** Smallest height and width of a box. */
  minTarget: number;
  /** Markers (a station, an outlet) that no name may cover: their centres and their size (width = height). */
  markers?: { points: XY[]; size: number };
}

const length = (line: XY[]) =>
  line.reduce((s, p, i) => (i ? s + Math.hypot(p[0] - line[i - 1]![0], p[1] - line[i - 1]![1]) : 0), 0);

/** The box of projected lines (bboxOf reads any x/y pairs: here x is minLon's place, y minLat's). */
function extent(lines: XY[][]): { minX: number; minY: number; maxX: number; maxY: number } {
  const b = bboxOf([{ type: 'MultiLineString', coordinates: lines }]);
  return b
    ? { minX: b.minLon, minY: b.minLat, maxX: b.maxLon, maxY: b.maxLat }
    : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
}

/** How much of the map a water takes: a line's drawn length, an area's drawn diagonal. */
export function drawnSize(c: Pick<LabelCandidate, 'lines' | 'area'>): number {
  if (c.lines.every((l) => l.length === 0)) return 0;
  if (!c.area) return c.lines.reduce((s, l) => s + length(l), 0);
  const e = extent(c.lines);
  return Math.hypot(e.maxX - e.minX, e.maxY - e.minY);
}

/** The point at a share `t` (0–1) of a line's length. */
function along(line: XY[], t: number): XY {
  let rest = length(line) * t;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = line[i - 1]!;
    const [bx, by] = line[i]!;
    const seg = Math.hypot(bx - ax, by - ay);
    if (rest <= seg && seg > 0) return [ax + ((bx - ax) * rest) / seg, ay + ((by - ay) * rest) / seg];
    rest -= seg;
  }
  return line[line.length - 1]!;
}

const SHARES = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];

/** Points a name may be placed around, best first: along the longest line, or an area's centre. */
export function anchorsOf(c: Pick<LabelCandidate, 'lines' | 'area'>): XY[] {
  const lines = c.lines.filter((l) => l.length > 0);
  if (lines.length === 0) return [];
  if (c.area) {
    const e = extent(lines);
    return [[(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2]];
  }
  const longest = lines.reduce((a, b) => (length(b) > length(a) ? b : a));
  return SHARES.map((t) => along(longest, t));
}

/**
 * Offsets of a w × h box from an anchor, best first: on it (only when the
 * water is bigger than the box, so a pond or a short ditch is not hidden
 * under its own name), above, below, right, left, the corners, then the
 * same a box further out.
 */
function offsets(w: number, h: number, onTop: boolean): XY[] {
  const dx = w / 2 + 4;
  const dy = h / 2 + 4;
  const ring = (k: number): XY[] => [
    [0, -k * dy],
    [0, k * dy],
    [k * dx, 0],
    [-k * dx, 0],
    [k * dx, -k * dy],
    [-k * dx, -k * dy],
    [k * dx, k * dy],
    [-k * dx, k * dy],
  ];
  return [...(onTop ? [[0, 0] as XY] : []), ...ring(1), ...ring(2)];
}

const overlaps = (a: LabelBox, b: LabelBox, gap: number) =>
  Math.abs(a.x - b.x) * 2 < a.w + b.w + 2 * gap && Math.abs(a.y - b.y) * 2 < a.h + b.h + 2 * gap;

/** The first box around the anchors, in the order of the moves, that stays inside the map and clear of `taken`. */
function firstFree(
  anchors: XY[],
  moves: XY[],
  w: number,
  h: number,
  style: LabelStyle,
  taken: LabelBox[],
): LabelBox | undefined {
  for (const [ax, ay] of anchors) {
    for (const [mx, my] of moves) {
      const box = {
        x: Math.min(Math.max(ax + mx, w / 2), style.width - w / 2),
        y: Math.min(Math.max(ay + my, h / 2), style.height - h / 2),
        w,
        h,
      };
      if (!taken.some((p) => overlaps(p, box, 1))) return box;
    }
  }
  return undefined;
}

/** Rank, keep the main ones on a big map, and place each name in the first free spot (see the rule above). */
export function placeLabels(candidates: LabelCandidate[], style: LabelStyle): Map<string, LabelBox> {
  const sized = candidates.map((c) => ({ c, size: drawnSize(c) }));
  sized.sort((a, b) => a.c.rank - b.c.rank || b.size - a.size || a.c.id.localeCompare(b.c.id));
  const tried = sized.length > LABEL_ALL ? sized.slice(0, LABEL_ALL) : sized;
  const placed = new Map<string, LabelBox>();
  const markers: LabelBox[] = (style.markers?.points ?? []).map(([x, y]) => ({
    x,
    y,
    w: style.markers!.size,
    h: style.markers!.size,
  }));
  const h = style.minTarget;
  for (const { c, size } of tried) {
    const w = Math.max(style.minTarget, [...c.name].length * style.fontSize + 2 * style.padX);
    if (w > style.width) continue;
    const moves = offsets(w, h, size > (c.area ? Math.hypot(w, h) : 2 * w));
    const box = firstFree(anchorsOf(c), moves, w, h, style, [...placed.values()]);
    if (box) placed.set(c.id, box);
  }
  for (const { c, size } of tried) {
    const box = placed.get(c.id);
    if (!box || !markers.some((m) => overlaps(m, box, 1))) continue;
    const others = [...placed].flatMap(([id, b]) => (id === c.id ? [] : [b]));
    const moves = offsets(box.w, box.h, size > (c.area ? Math.hypot(box.w, box.h) : 2 * box.w));
    const clear = firstFree(anchorsOf(c), moves, box.w, box.h, style, [...others, ...markers]);
    if (clear) placed.set(c.id, clear);
  }
  return placed;
}
