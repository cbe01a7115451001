/**
 * The two panels after the button (components/report/ReportResult.astro):
 * the confirmation of a report the endpoint stored, and the other channels
 * (email, phone, copy) when there is no endpoint or sending failed. Each
 * takes the focus so that a screen reader reads it.
 */
import type { Report } from '../../lib/report.ts';
import { copyText, fillChannels, trackPath, type ChannelConfig } from './fallback.ts';
import type { Receipt } from './submit.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The endpoint confirmed the report: show the reference it stored (受理编号), no longer the draft number. */
export function showSuccess(root: HTMLElement, { ref, received }: Receipt): void {
  const panel = root.querySelector<HTMLElement>('[data-success]')!;
  for (const el of panel.querySelectorAll('[data-ref]')) el.textContent = ref;
  const when = received ? new Date(received) : null;
  const time = panel.querySelector<HTMLElement>('[data-received]')!;
  time.hidden = !when || Number.isNaN(when.getTime());
  if (when && !time.hidden)
    time.querySelector('span')!.textContent =
      `${when.getFullYear()}年${when.getMonth() + 1}月${when.getDate()}日 ${pad(when.getHours())}:${pad(when.getMinutes())}`;
  panel.querySelector<HTMLAnchorElement>('[data-track]')!.href = trackPath(ref);
  panel.hidden = false;
  panel.querySelector('h2')!.focus();
}

export interface FallbackOptions {
  /** Why sending failed, or null when the site has no endpoint. */
  reason: string | null;
  /** The report waits in the outbox and will be sent when the connection returns. */
  queued?: boolean;
  photoCount: number;
  cfg: ChannelConfig;
  /** The site has an endpoint: the browser's number is only a draft number until it confirms one. */
  endpoint: boolean;
}

/** Offer the other channels, filled in for this report. */
export function showFallback(
  root: HTMLElement,
  report: Report,
  { reason, queued, photoCount, cfg, endpoint }: FallbackOptions,
): void {
  const panel = root.querySelector<HTMLElement>('[data-fallback]')!;
  const $ = <T extends HTMLElement = HTMLElement>(sel: string) => panel.querySelector<T>(sel)!;
  const text = fillChannels(panel, report, photoCount, cfg);
  $('h2').textContent = queued
    ? '还没有发送，网络恢复后自动发送'
    : reason
      ? '没有提交成功，内容已保存在本机'
      : '请用以下方式发送您的反映';
  $('[data-fallback-reason]').textContent = queued
    ? `${reason}我们还没有收到这份反映。它已保存在这个浏览器中，网络恢复后会自动发送（再打开本站任一页面也会发送）；送达后，这里和“办理进度查询”页会显示受理编号。也可以点击“重新提交”，或用下面的方式反映。`
    : reason
      ? `${reason}您填写的内容和照片已保存在这个浏览器中，关闭页面或断网也不会丢失。可以稍后重新提交，也可以用下面的方式反映。`
      : '本站暂未开通在线提交。请用邮件、电话或微信把下面的内容发给我们，并说明编号。您填写的内容仍保存在这个浏览器中，发送后请点击本框最下面的按钮清除。';
  $('[data-retry]').hidden = !reason;
  $('[data-ref-label]').textContent = endpoint ? '草稿编号' : '您的编号';
  $('[data-draft-ref-note]').hidden = !endpoint;
  $('[data-fallback-status]').textContent = '';
  $<HTMLButtonElement>('[data-copy]').onclick = async () => {
    const ok = await copyText(text, $<HTMLTextAreaElement>('[data-text]'));
    $('[data-fallback-status]').textContent = ok
      ? '已复制，可以粘贴到微信或短信中发送。'
      : '已选中全部文字，请按住文字或按 Ctrl+C 复制。';
  };
  panel.hidden = false;
  $('h2').focus();
}
