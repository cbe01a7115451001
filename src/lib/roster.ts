/**
 * Rules about who is on the roster on the `as_of` date and what of them is
 * published: whether a post is current, whose phone is public, which duties
 * a sign prints under 河长职责 and the date a sign says it was checked.
 * Pure: takes rows of chiefs.csv and assignments.csv.
 */
import type { Assignment, Chief } from '../schemas/tables.ts';

type Term = Pick<Assignment, 'start' | 'end'>;

/** Whether an assignment is current on `asOf`: begun, and not ended on or before it. */
export function isCurrent(a: Term, asOf: string): boolean {
  return a.start <= asOf && (!a.end || a.end > asOf);
}

/** Whether a person holds any current post on `asOf` (given every assignment of theirs). */
export function holdsCurrentPost(held: readonly Term[] | undefined, asOf: string): boolean {
  return (held ?? []).some((a) => isCurrent(a, asOf));
}

/**
 * The phone number of a person that may be published, or null. A chief's
 * number is published for people to reach them while they hold a post; once
 * every post of theirs has ended (or none has begun) it is a private number
 * and is withheld everywhere, while their name, post and terms stay on record.
 */
export function publicPhone(
  chief: Pick<Chief, 'phone'>,
  held: readonly Term[] | undefined,
  asOf: string,
): string | null {
  const phone = chief.phone?.trim();
  return phone && holdsCurrentPost(held, asOf) ? phone : null;
}

/** What a water's sign prints under 河长职责. */
export type SignDuties =
  /** The whole-water 河长 post has no current holder. */
  | { kind: 'vacant' }
  /** Current 河长 (one or more, sign order) and their duties; `duties` is '' when none is recorded. */
  | { kind: 'held'; holders: { chief: string; duties: string }[] };

/**
 * The duties printed under 河长职责 on a water's sign: those of the current
 * holder(s) of the role `chief` (河长) of the whole water, never another
 * role's (a 总河长's duties are county-wide, a 副河长 assists). `assignments`
 * are the water's assignments in sign order; ended, future and segment
 * assignments are ignored.
 */
export function signDuties(assignments: readonly Assignment[], asOf: string): SignDuties {
  const holders = assignments.filter((a) => a.role === 'chief' && !a.segment && isCurrent(a, asOf));
  if (holders.length === 0) return { kind: 'vacant' };
  return { kind: 'held', holders: holders.map((a) => ({ chief: a.chief, duties: a.duties?.trim() ?? '' })) };
}

/**
 * The date a sign states its people were checked: the oldest `verified` of
 * the people printed on it, since everything on it was checked at least that
 * recently (the newest would overstate it). Undefined for nobody.
 */
export function oldestVerified(people: readonly Pick<Chief, 'verified'>[]): string | undefined {
  let oldest: string | undefined;
  for (const p of people) if (oldest === undefined || p.verified < oldest) oldest = p.verified;
  return oldest;
}

/** Who a segment's sign and landing put first: its 河段长, or the water's 河长 standing in. */
export type SegmentContact =
  /** A current 河段长 of the segment (the first in sign order). */
  | { kind: 'segment_chief'; assignment: Assignment }
  /** No current 河段长: the whole water's current 河长 answers for the segment. */
  | { kind: 'water_chief'; assignment: Assignment }
  /** Neither post has a current holder. */
  | { kind: 'vacant' };

/**
 * The person a segment's sign and its page landing name first. A segment's
 * 河段长 answers for it; while that post is vacant the whole water's 河长
 * does (the post above, not a keeper or patroller of the segment, who
 * answer for patrols, not for the segment). `assignments` are the water's
 * assignments in sign order; ended and future ones are ignored.
 */
export function segmentContact(assignments: readonly Assignment[], segment: string, asOf: string): SegmentContact {
  const current = assignments.filter((a) => isCurrent(a, asOf));
  const own = current.find((a) => a.segment === segment && a.role === 'segment_chief');
  if (own) return { kind: 'segment_chief', assignment: own };
  const chief = current.find((a) => !a.segment && a.role === 'chief');
  return chief ? { kind: 'water_chief', assignment: chief } : { kind: 'vacant' };
}
