/**
 * What a draft of the report form keeps on the device, and for how long:
 * no name, phone or coordinates unless "named" is chosen, and nothing past
 * DRAFT_DAYS after its last change.
 *
 * Pure TypeScript, bundled into the report page.
 */

/** How long a draft stays on the device after its last change (days); older drafts are deleted, not restored. */
export const DRAFT_DAYS = 30;
const DRAFT_MS = DRAFT_DAYS * 24 * 3600 * 1000;

/**
 * Fields of the form a draft keeps only while "named" is chosen: who the
 * person is (name, phone, their consent) and the position the browser's
 * geolocation gave. The coordinates go too: they are where the person stood
 * at a given moment, to a few metres — for someone who chose to stay
 * anonymous (perhaps reporting a neighbour) that trail should not sit on a
 * shared or lost phone for weeks. The place they typed ("青石桥下游约100米")
 * describes the problem, not the person, and the report cannot be restored
 * without it, so it stays. Coordinates still go with the report when it is
 * sent; only keeping them on the device is refused.
 */
export const NAMED_ONLY_DRAFT_FIELDS = ['name', 'phone', 'consent', 'lat', 'lon'] as const;

/** The form values a draft may keep: without the fields of NAMED_ONLY_DRAFT_FIELDS unless "named" is chosen. */
export function draftValues(values: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...values };
  if (out.contact !== 'named') for (const k of NAMED_ONLY_DRAFT_FIELDS) delete out[k];
  return out;
}

/** Whether a draft last saved at `saved` (ISO) is past DRAFT_DAYS at `now` (ms); an unreadable time counts as expired. */
export function draftExpired(saved: string | undefined, now: number): boolean {
  const t = saved ? Date.parse(saved) : NaN;
  return !Number.isFinite(t) || now - t > DRAFT_MS;
}

/** The date (ms) after which a draft saved at `saved` (ISO) is deleted. */
export const draftExpiry = (saved: string): number => Date.parse(saved) + DRAFT_MS;
