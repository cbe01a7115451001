/**
 * chiefs.csv and assignments.csv: who holds which post on which water. The
 * county's leaders share its county waters, a general chief (with a
 * predecessor) and deputies sit on the main river, every other water has a
 * chief and a segment chief per segment, and keepers, patrollers, civic
 * chiefs and deputies fill up the number of chiefs. A share of posts
 * changed hands: an ended assignment and a successor.
 */
import type { RegionLevel, Role } from '../../../src/lib/enums.ts';
import { Rng, fmtDay, pad, personName, toDay } from '../lib.ts';
import type { Assignment, Chief, ChiefKind, Context, Hydro, Land, Region, Segment, Water } from './context.ts';

/** When river chiefs were first appointed in the county. */
const ROLLOUT = toDay('2017-03-01');

/** The chiefs and their posts as they are appointed, from one random stream. */
class Roster {
  readonly rng: Rng;
  readonly chiefs: Chief[] = [];
  readonly assignments: Assignment[] = [];
  readonly asOfDay: number;
  /** How many chiefs the folder has. */
  readonly size: number;
  private readonly replacedShare: number;
  private readonly idWidth: number;

  constructor(ctx: Context) {
    this.rng = new Rng(ctx.seed, 'chiefs');
    this.asOfDay = ctx.AS_OF;
    this.size = ctx.sz.chiefs;
    this.replacedShare = ctx.sz.replacedShare;
    this.idWidth = Math.max(5, String(Math.round(ctx.sz.chiefs * 1.2)).length);
  }

  newChief(region: Region, position: string, kind: ChiefKind, from: number, to: number | null): Chief {
    const rC = this.rng;
    const upper = to ?? this.asOfDay;
    const r = rC.next();
    const back = r < 0.75 ? rC.int(1, 180) : r < 0.95 ? rC.int(181, 400) : rC.int(401, 900);
    let verified = Math.max(from + rC.int(0, 10), upper - back);
    if (verified > upper) verified = upper;
    const c: Chief = {
      i: this.chiefs.length,
      id: `hz${pad(this.chiefs.length + 1, this.idWidth)}`,
      name: personName(rC),
      position,
      region,
      kind,
      phone: `0000-${pad(rC.int(0, 9_999_999), 7)}`,
      verified,
      from,
      to,
    };
    this.chiefs.push(c);
    return c;
  }

  /** The start of a post on a level: most from the rollout, the rest later. */
  startDay(level: RegionLevel): number {
    const early = level === 'county' ? 0.75 : level === 'township' ? 0.65 : 0.55;
    if (this.rng.chance(early)) return ROLLOUT + this.rng.int(0, 300);
    return this.rng.int(toDay('2018-01-01'), this.asOfDay - 60);
  }

  assign(
    chief: Chief,
    water: Water,
    segment: Segment | null,
    role: Role,
    start: number,
    end: number | null,
    duties: string,
  ): void {
    this.assignments.push({ chief, water, segment, role, start, end, duties });
    if (start < chief.from) chief.from = start;
  }

  /** A post held by one person, or by a predecessor (ended) and a successor. */
  post(
    region: Region,
    position: () => string,
    kind: ChiefKind,
    water: Water,
    segment: Segment | null,
    role: Role,
    duties: string,
  ): Chief {
    const rC = this.rng;
    const level = region.level;
    if (rC.chance(this.replacedShare)) {
      const s0 = Math.min(this.startDay(level), toDay('2023-12-31'));
      const e = rC.int(Math.min(s0 + 365, this.asOfDay - 40), this.asOfDay - 40);
      const s1 = e + rC.int(1, 30);
      const old = this.newChief(region, position(), kind, s0, e);
      this.assign(old, water, segment, role, s0, e, duties);
      const successor = this.newChief(region, position(), kind, s1, null);
      this.assign(successor, water, segment, role, s1, null, duties);
      return successor;
    }
    const s = this.startDay(level);
    const c = this.newChief(region, position(), kind, s, null);
    this.assign(c, water, segment, role, s, null, duties);
    return c;
  }
}

const townTitles = (t: Region) => {
  const head = t.suffix === '街道' ? '街道办事处主任' : t.suffix === '乡' ? '乡长' : '镇长';
  const party = t.suffix === '街道' ? '党工委书记' : '党委书记';
  const deputy = t.suffix === '街道' ? '街道办事处副主任' : t.suffix === '乡' ? '副乡长' : '副镇长';
  return { head, party, deputy };
};
const townPosition = (r: Roster, t: Region) => () => {
  const { head, party, deputy } = townTitles(t);
  return (
    t.name +
    r.rng.weighted([
      [party, 1],
      [head, 1],
      [deputy, 4],
      [t.suffix === '街道' ? '人大工委主任' : '人大主席', 1],
      ['党委委员', 1],
    ] as const)
  );
};
const villagePosition = (r: Roster, v: Region) => () => {
  const shequ = v.suffix === '社区';
  return (
    v.name +
    r.rng.weighted([
      [shequ ? '社区党委书记' : '党支部书记', 3],
      [shequ ? '社区居委会主任' : '村委会主任', 3],
      [shequ ? '社区党委副书记' : '党支部副书记', 1],
      [shequ ? '社区居委会委员' : '村委委员', 2],
      ...(shequ ? [] : [['村民小组长', 1] as const]),
    ] as const)
  );
};
const chiefDuties = (w: Water) => `负责${w.name}管理保护工作，牵头组织突出问题整治，督导下级河长履职`;
const segDuties = (s: Segment) => `负责${s.name}日常巡查和问题处置，落实一河一策任务`;

/** Appoint every chief; returns them and their posts, each chief's tenure (`to`) set from the posts. */
export function appointChiefs(
  ctx: Context,
  land: Land,
  hydro: Hydro,
  segments: Segment[],
): { chiefs: Chief[]; assignments: Assignment[] } {
  const r = new Roster(ctx);
  appointCountyChiefs(r, land, hydro, segments);
  appointLocalChiefs(r, land, hydro, segments);
  appointHelpers(r, land, hydro, segments);
  // tenure of each chief, from their assignments
  for (const c of r.chiefs) c.to = null;
  const last = new Map<Chief, number | null>();
  for (const a of r.assignments) {
    const prev = last.get(a.chief);
    if (prev === null) continue;
    last.set(a.chief, a.end === null ? null : Math.max(prev ?? a.end, a.end));
  }
  for (const [c, end] of last) c.to = end;
  return { chiefs: r.chiefs, assignments: r.assignments };
}

/** County leaders: a pool, each leader the chief of several county waters; the general chief and deputies; department heads as deputy chiefs; segment chiefs. */
function appointCountyChiefs(r: Roster, land: Land, hydro: Hydro, segments: Segment[]): void {
  const { county } = land;
  const { waters, countyWaters } = hydro;
  const leaderTitles = [
    '县委副书记',
    '常务副县长',
    '副县长',
    '副县长',
    '副县长',
    '县人大常委会副主任',
    '县人大常委会副主任',
    '县政协副主席',
    '县政协副主席',
    '县委常委、组织部部长',
    '县委常委、宣传部部长',
    '县委常委、政法委书记',
    '县委常委、统战部部长',
  ];
  const leaderCount = Math.min(countyWaters.length, 6 + Math.ceil(countyWaters.length / 4));
  interface Leader {
    current: Chief;
    previous: Chief | null;
    handover: number;
  }
  const leaders: Leader[] = [];
  const leaderTitle = (k: number) =>
    k < leaderTitles.length ? leaderTitles[k]! : r.rng.pick(['副县长', '县人大常委会副主任', '县政协副主席']);
  for (let k = 0; k < leaderCount; k++) {
    const title = leaderTitle(k);
    if (r.rng.chance(0.2)) {
      const s0 = ROLLOUT + r.rng.int(0, 200);
      const e = r.rng.int(toDay('2019-06-01'), r.asOfDay - 60);
      const previous = r.newChief(county, title, 'leader', s0, e);
      const current = r.newChief(county, title, 'leader', e + r.rng.int(1, 30), null);
      leaders.push({ current, previous, handover: e });
    } else {
      leaders.push({
        current: r.newChief(county, title, 'leader', ROLLOUT + r.rng.int(0, 200), null),
        previous: null,
        handover: 0,
      });
    }
  }
  // general chief (with a predecessor) and deputies on the main river
  {
    const main = waters[0]!;
    const e = r.rng.int(toDay('2020-06-01'), toDay('2023-06-30'));
    const oldGeneral = r.newChief(county, '县委书记', 'leader', ROLLOUT, e);
    r.assign(
      oldGeneral,
      main,
      null,
      'general_chief',
      ROLLOUT,
      e,
      '全面负责全县河湖长制工作，组织研究解决重大问题，督促落实河湖管理保护目标任务',
    );
    const s1 = e + r.rng.int(5, 40);
    const general = r.newChief(county, '县委书记', 'leader', s1, null);
    r.assign(
      general,
      main,
      null,
      'general_chief',
      s1,
      null,
      '全面负责全县河湖长制工作，组织研究解决重大问题，督促落实河湖管理保护目标任务',
    );
    const mayor = r.newChief(county, '县长', 'leader', ROLLOUT + r.rng.int(200, 1500), null);
    r.assign(
      mayor,
      main,
      null,
      'deputy_general_chief',
      mayor.from,
      null,
      '协助总河长统筹推进河湖长制工作，组织实施河湖管理保护重点任务',
    );
    for (let k = 0; k < Math.min(2, countyWaters.length - 1); k++) {
      const d = r.newChief(county, k === 0 ? '县委副书记' : '常务副县长', 'leader', ROLLOUT + r.rng.int(0, 2000), null);
      r.assign(
        d,
        waters[k + 1]!,
        null,
        'deputy_general_chief',
        d.from,
        null,
        '协助总河长统筹推进河湖长制工作，分管相关河湖问题整治',
      );
    }
  }
  const deptHeads = [
    '县水利局局长',
    '县生态环境分局局长',
    '县农业农村局局长',
    '县住房和城乡建设局局长',
    '县自然资源和规划局局长',
    '县林业局局长',
    '县交通运输局局长',
    '县公安局副局长',
  ];
  const deptChiefs: Chief[] = [];
  for (let w = 0; w < countyWaters.length; w++) {
    const water = countyWaters[w]!;
    const leader = leaders[w % leaders.length]!;
    if (leader.previous) {
      const s0 = Math.max(leader.previous.from, ROLLOUT + r.rng.int(0, 200));
      r.assign(leader.previous, water, null, 'chief', s0, leader.handover, chiefDuties(water));
      r.assign(leader.current, water, null, 'chief', leader.current.from, null, chiefDuties(water));
    } else {
      r.assign(leader.current, water, null, 'chief', leader.current.from + r.rng.int(0, 60), null, chiefDuties(water));
    }
    if (r.rng.chance(0.5)) {
      const k = w % deptHeads.length;
      let head = deptChiefs[k];
      if (!head) {
        head = r.newChief(county, deptHeads[k]!, 'leader', ROLLOUT + r.rng.int(0, 900), null);
        deptChiefs[k] = head;
      }
      r.assign(
        head,
        water,
        null,
        'deputy_chief',
        head.from + r.rng.int(0, 90),
        null,
        `协助河长做好${water.name}管理保护，落实部门职责范围内的整治任务`,
      );
    }
    for (const s of water.segments) {
      const seg = segments[s]!;
      r.post(seg.region, townPosition(r, seg.region), 'leader', water, seg, 'segment_chief', segDuties(seg));
    }
  }
}

/** Township and village waters: a chief each, a segment chief per segment. */
function appointLocalChiefs(r: Roster, land: Land, hydro: Hydro, segments: Segment[]): void {
  const { townships, villages } = land;
  for (const water of hydro.waters) {
    if (water.level === 'county') continue;
    const home = water.level === 'township' ? townships[water.town]! : villages[water.chain[0]!]!;
    r.post(
      home,
      water.level === 'township' ? townPosition(r, home) : villagePosition(r, home),
      'leader',
      water,
      null,
      'chief',
      chiefDuties(water),
    );
    for (const s of water.segments) {
      const seg = segments[s]!;
      r.post(seg.region, villagePosition(r, seg.region), 'leader', water, seg, 'segment_chief', segDuties(seg));
    }
  }
}

/** Keepers, patrollers, civic chiefs and deputies until the chief count is reached. */
function appointHelpers(r: Roster, land: Land, hydro: Hydro, segments: Segment[]): void {
  const { townships, villages } = land;
  const { waters, countyWaters, countyRiversByTown, townWatersByTown, watersByVillage } = hydro;
  const occupations = ['退休教师', '企业负责人', '志愿者', '村民代表', '人大代表', '政协委员', '乡贤', '渔民'];
  const allTownWaters = waters.filter((w) => w.level === 'township');
  while (r.chiefs.length < r.size) {
    const v = r.rng.int(0, villages.length - 1);
    const vil = villages[v]!;
    const town = townships[vil.town]!;
    const role = r.rng.weighted([
      ['keeper', 0.5],
      ['patroller', 0.3],
      ['civic_chief', 0.12],
      ['deputy_chief', 0.08],
    ] as const);
    if (role === 'keeper' || role === 'patroller') {
      const near = watersByVillage[v]!.length > 0 ? watersByVillage[v]! : townWatersByTown[vil.town]!;
      if (near.length === 0) continue;
      const water = waters[r.rng.pick(near)]!;
      const seg = water.segments.map((s) => segments[s]!).find((s) => s.region === vil) ?? null;
      const place = seg ? seg.name : water.name;
      if (role === 'keeper') {
        r.post(
          vil,
          () => `${vil.name}河道专管员`,
          'keeper',
          water,
          seg,
          'keeper',
          `负责${place}日常巡查、保洁，发现问题及时报告`,
        );
      } else {
        r.post(
          vil,
          () => `${vil.name}巡河员`,
          'patroller',
          water,
          seg,
          'patroller',
          `按要求巡查${place}，记录巡河情况，上报发现的问题`,
        );
      }
    } else if (role === 'civic_chief') {
      const near = [...countyRiversByTown[vil.town]!, ...townWatersByTown[vil.town]!];
      const water = waters[near.length > 0 ? r.rng.pick(near) : r.rng.pick(countyWaters).i]!;
      r.post(
        vil,
        () => `民间河长（${r.rng.pick(occupations)}）`,
        'civic',
        water,
        null,
        'civic_chief',
        `监督${water.name}管理保护工作，收集反映群众意见`,
      );
    } else {
      const near = townWatersByTown[vil.town]!;
      const water = near.length > 0 ? waters[r.rng.pick(near)]! : r.rng.pick(allTownWaters);
      const { deputy } = townTitles(town);
      r.post(
        town,
        () => town.name + deputy,
        'leader',
        water,
        null,
        'deputy_chief',
        `协助河长做好${water.name}管理保护，落实部门职责范围内的整治任务`,
      );
    }
  }
}

/** Write chiefs.csv. */
export function writeChiefs(ctx: Context, chiefs: Chief[]): void {
  const f = ctx.csv('chiefs.csv', ['id', 'name', 'position', 'region', 'phone', 'verified']);
  for (const c of chiefs) f.row([c.id, c.name, c.position, c.region.code, c.phone, fmtDay(c.verified)]);
  ctx.done(f, 'chiefs');
}

/** Write assignments.csv. */
export function writeAssignments(ctx: Context, assignments: Assignment[]): void {
  const g = ctx.csv('assignments.csv', ['chief', 'water', 'segment', 'role', 'start', 'end', 'duties']);
  for (const a of assignments) {
    g.row([
      a.chief.id,
      a.water.id,
      a.segment?.id ?? '',
      a.role,
      fmtDay(a.start),
      a.end === null ? '' : fmtDay(a.end),
      a.duties,
    ]);
  }
  ctx.done(g, 'assignments');
}
