/**
 * The other channels, filled in for this report: a ready email (mailto with
 * the report as text), tel: links to the lines that take its category, and
 * the text to copy (for WeChat), each with the reference number.
 */
import type { Report } from '../../lib/report.ts';
import { mailtoHref, reportSubject, reportText } from '../../lib/report-text.ts';
import { routeHotlines } from '../../lib/hotlines.ts';
import type { Hotline } from '../../lib/contacts.ts';

export interface ChannelConfig {
  hotlines: Hotline[];
  office: { name: string; phone?: string; email?: string };
  /** Where report emails go (report.email, else office.email). */
  email: string | null;
  /** Published site URL, for the follow-up link in the text. */
  site: string;
}

export const trackPath = (ref: string) => `${import.meta.env.BASE_URL}track/?ref=${encodeURIComponent(ref)}`;

export function fillChannels(panel: HTMLElement, report: Report, photoCount: number, cfg: ChannelConfig): string {
  const ref = report.ref!;
  const text = reportText(report, { trackUrl: new URL(trackPath(ref), cfg.site).href, photoCount });
  for (const el of panel.querySelectorAll('[data-ref]')) el.textContent = ref;
  const mail = panel.querySelector<HTMLElement>('[data-mail]')!;
  mail.hidden = !cfg.email;
  if (cfg.email) {
    const a = mail.querySelector<HTMLAnchorElement>('a')!;
    a.href = mailtoHref(cfg.email, reportSubject(report), text);
    a.querySelector('[data-email]')!.textContent = cfg.email;
    mail.querySelector<HTMLElement>('[data-photo-note]')!.hidden = photoCount === 0;
  }
  panel.querySelector('[data-tels]')!.replaceChildren(
    ...routeHotlines(report.category, cfg).map((h) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `tel:${h.number.replace(/[^\d+]/g, '')}`;
      a.className = 'tel';
      a.textContent = h.number;
      const name = document.createElement('strong');
      name.textContent = h.name;
      li.append(name, '：', a, `（${h.reason}）`);
      return li;
    }),
  );
  panel.querySelector<HTMLTextAreaElement>('[data-text]')!.value = text;
  return text;
}

/** Copy to the clipboard; where that is refused, select the text so the person can copy it. */
export async function copyText(text: string, area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area.focus();
    area.select();
    return false;
  }
}
