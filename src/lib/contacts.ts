/** Which published number to show where. Pure; reads only site.yaml values. */

export interface Hotline {
  name: string;
  number: string;
  scope?: string;
}

/** The supervision phone printed on every sign: the hotline named 监督, else the office phone. */
export function supervisionHotline(
  hotlines: readonly Hotline[],
  office: { name: string; phone?: string },
): Hotline | null {
  const h = hotlines.find((x) => x.name.includes('监督'));
  if (h) return h;
  return office.phone ? { name: `${office.name}电话`, number: office.phone } : (hotlines[0] ?? null);
}
