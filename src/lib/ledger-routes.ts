/**
 * Which static ledger page answers a set of filter choices, and which
 * choices a page stands for. Shared by the ledger's filter form (server
 * side: the page's own choices) and its script (where a submit goes).
 * Selection keys are those of src/data/ledger.ts: 'status/overdue',
 * 'township/<code>', 'township/<code>/open', 'category/<c>' ….
 */
export type LedgerChoices = Partial<
  Record<'status' | 'township' | 'category' | 'source' | 'year' | 'water' | 'sort', string>
>;

/** The static page that answers the most of the choices. */
export function targetOf(c: LedgerChoices): string {
  if (c.township && (c.status === 'open' || c.status === 'overdue')) return `township/${c.township}/${c.status}`;
  if (c.township) return `township/${c.township}`;
  if (c.status) return `status/${c.status}`;
  if (c.category) return `category/${c.category}`;
  if (c.source) return `source/${c.source}`;
  if (c.year) return `year/${c.year}`;
  return 'status/all';
}

/** The choices a static page stands for, so the form shows them. */
export function impliedChoices(selection: string): Record<string, string> {
  const [dim, value, status] = selection.split('/');
  if (!dim || !value) return {};
  if (dim === 'township') return status ? { township: value, status } : { township: value };
  if (dim === 'status') return value === 'all' ? {} : { status: value };
  return { [dim]: value };
}
