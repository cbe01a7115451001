/**
 * A report (report.ts) as plain text, for an email body, a message pasted
 * into WeChat, or reading out on the phone; its email subject; a mailto:
 * link carrying both.
 *
 * Pure TypeScript, bundled into the report page.
 */
import { formatDateZh } from './format.ts';
import { CATEGORY_LABEL, UNKNOWN_WATER, type Report } from './report.ts';

export interface TextContext {
  /** Name of the water (from the list) when the report names one by id. */
  waterName?: string;
  /** Absolute URL of the follow-up page for the reference. */
  trackUrl?: string;
  /** Photos kept in the browser that this text cannot carry. */
  photoCount?: number;
}

function coordinate(lat: number, lon: number): string {
  const f = (n: number) => Math.abs(n).toFixed(5);
  return `${lat >= 0 ? '北纬' : '南纬'}${f(lat)}°，${lon >= 0 ? '东经' : '西经'}${f(lon)}°（WGS84，手机定位）`;
}

/**
 * The report as plain text, for an email body, a message pasted into WeChat,
 * or reading out on the phone. Takes the validated report; fields the
 * person left empty are left out.
 */
export function reportText(report: Report, ctx: TextContext = {}): string {
  const water =
    report.water === UNKNOWN_WATER
      ? `不知道名称${report.water_name ? `（${report.water_name}）` : ''}`
      : (ctx.waterName ?? report.water_name ?? report.water);
  const lines = ['河湖问题反映'];
  if (report.ref) lines.push(`编号：${report.ref}`);
  lines.push(`河湖：${water}`, `位置：${report.place}`);
  if (report.lat !== undefined && report.lon !== undefined) lines.push(`坐标：${coordinate(report.lat, report.lon)}`);
  lines.push(`问题类别：${CATEGORY_LABEL[report.category]}`);
  lines.push(`发现时间：${formatDateZh(report.seen_date)}${report.seen_time ? ` ${report.seen_time}` : ''}`);
  lines.push('看到的情况：', report.description);
  const photos = ctx.photoCount ?? report.photos?.length ?? 0;
  if (photos > 0) lines.push(`照片：${photos} 张（请随邮件或消息另行发送）`);
  lines.push(
    report.contact === 'named'
      ? `反映人：${report.name ? `${report.name}，` : ''}电话 ${report.phone}`
      : '反映人：匿名',
  );
  if (ctx.trackUrl) lines.push(`查询办理进度：${ctx.trackUrl}`);
  return lines.join('\n');
}

/** Subject line of the email. */
export function reportSubject(report: Report, waterName?: string): string {
  const where = report.water === UNKNOWN_WATER ? '' : `${waterName ?? report.water_name ?? ''}`;
  return `河湖问题反映${report.ref ? ` ${report.ref}` : ''}：${where}${CATEGORY_LABEL[report.category]}`;
}

/** A mailto: link with subject and body (RFC 6068: line breaks as CRLF, everything percent-encoded). */
export function mailtoHref(to: string, subject: string, body: string): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${to}?subject=${enc(subject)}&body=${enc(body)}`;
}
