/**
 * The version of the open data a site publishes under /data/ (its
 * index.json says `version`). A portal (scripts/portal/build.ts) reads
 * members' open data, never their data folders, so it must know the shape
 * it reads: it accepts members of this version only and names any other.
 *
 * Raise it when a dataset the portal reads (src/lib/portal.ts PORTAL_INPUTS)
 * drops or renames a field or changes what a field means; adding a field or
 * a dataset keeps it.
 *
 * Version 2 is the data contract's "Version 2 additions": the datasets its
 * figures are computed from, and `rules.patrol_per_month` in index.json.
 */
export const OPEN_DATA_VERSION = 2;
