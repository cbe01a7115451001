/**
 * The short pages the receiver answers the report form with when it was
 * posted without JavaScript (multipart/form-data): the receipt with the
 * reference, or what to correct. Self-contained HTML (no script, inline
 * style only), links back to the site the form came from.
 */
import type { FieldProblem } from './intake.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** What the form calls each field, for messages of the plain form. */
const FIELD_LABEL: Record<string, string> = {
  ref: '编号',
  water: '问题在哪个河湖',
  water_name: '问题在哪个河湖',
  place: '具体位置',
  lat: '位置',
  lon: '位置',
  category: '问题类别',
  description: '看到的情况',
  seen_date: '发现日期',
  seen_time: '发现时间',
  photos: '照片',
  contact: '是否留下姓名和电话',
  name: '姓名',
  phone: '联系电话',
  consent: '同意处理个人信息',
};

export function fieldLabel(path: string): string {
  const [head, index] = path.split('.');
  if (!head) return '提交的内容';
  const label = FIELD_LABEL[head] ?? head;
  return head === 'photos' && index !== undefined ? `${label}（第 ${Number(index) + 1} 张）` : label;
}

/** The time of a receipt as the office's clock shows it, e.g. 2026年12月6日 15:44. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body { font: 18px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #0b0c0c; }
.ref { font: 700 1.75rem/1.3 ui-monospace, monospace; letter-spacing: 0.05em; overflow-wrap: anywhere; }
.panel { border: 4px solid #00703c; padding: 1rem 1.25rem; }
.errors { border: 4px solid #d4351c; padding: 1rem 1.25rem; }
a { color: #1d70b8; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A site path (`/report/`) under the site's address (`https://x.gov.cn/hzz/`, always with a trailing slash). */
const siteLink = (site: string, path: string) => escapeHtml(new URL(path.replace(/^\//, ''), site).href);

/** 201: the reference the report was stored under. */
export function receiptPage(ref: string, received: string, site: string): string {
  return page(
    `已收到您的反映：${ref}`,
    `<div class="panel">
<h1>已收到您的反映</h1>
<p>您的受理编号是</p>
<p class="ref">${escapeHtml(ref)}</p>
<p>收到时间：${escapeHtml(localTime(received))}</p>
</div>
<p>请记下或截图保存这个编号。河长制办公室登记后，可以凭编号查询办理进度。</p>
<p><a href="${siteLink(site, `/track/?ref=${encodeURIComponent(ref)}`)}">查询办理进度</a></p>
<p><a href="${siteLink(site, '/report/')}">再反映一个问题</a>　<a href="${siteLink(site, '/')}">返回网站首页</a></p>`,
  );
}

/** 400: what to correct, each field named as the form names it. */
export function errorsPage(errors: readonly FieldProblem[], site: string): string {
  const items = errors
    .map((e) => `<li><strong>${escapeHtml(fieldLabel(e.path))}</strong>：${escapeHtml(e.message)}</li>`)
    .join('\n');
  return page(
    '错误：反映没有提交成功',
    `<div class="errors">
<h1>反映没有提交成功，请修改以下问题</h1>
<ul>
${items}
</ul>
</div>
<p>请用浏览器的“返回”回到上一页，改正后重新提交（您填写的内容通常仍在表中）。</p>
<p><a href="${siteLink(site, '/report/')}">重新填写反映表</a></p>`,
  );
}

/** 413, 429, 5xx …: one sentence of what happened and what to do. */
export function problemPage(title: string, text: string, site: string): string {
  return page(
    title,
    `<div class="errors">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
</div>
<p><a href="${siteLink(site, '/report/channels/')}">其他反映渠道（电话、邮件）</a></p>
<p><a href="${siteLink(site, '/report/')}">返回反映表</a></p>`,
  );
}
