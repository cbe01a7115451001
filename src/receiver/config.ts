/**
 * The receiver's settings from its command line and environment
 * (docs/receiver-interface.md): flags win over RECEIVER_* variables.
 */
export interface ReceiverConfig {
  port: number;
  host: string;
  /** Data directory (database and photos). */
  data: string;
  /** Origins allowed to send from a browser (CORS), normalised (`https://hzz.example.org`). */
  origins: string[];
  /**
   * Where the site is published when that is under a path
   * (`https://www.example.gov.cn/hzz/`, site.yaml's url): the pages a form
   * post answers with link back under it. Without it they link to the
   * root of the origin the form came from. Its origin must be one of
   * `origins`.
   */
  site?: string;
  /** Reports per address per hour; 0 = no limit. */
  rate: number;
  /** Largest request body in bytes. */
  maxBody: number;
  /** Take the client address from X-Forwarded-For (set only behind a proxy that sets it). */
  trustProxy: boolean;
}

export const DEFAULTS = { port: 8787, host: '127.0.0.1', rate: 20, maxBody: 20 * 1024 * 1024 } as const;

export const USAGE = `用法 / usage:
  npm run receiver -- --data 目录 --origin https://站点域名 [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}]
                      [--rate ${DEFAULTS.rate}] [--max-body ${DEFAULTS.maxBody}] [--trust-proxy]
                      [--site https://站点域名/路径/]
  环境变量 / environment: RECEIVER_PORT, RECEIVER_DATA, RECEIVER_ORIGIN, RECEIVER_SITE, RECEIVER_HOST,
                          RECEIVER_RATE, RECEIVER_MAX_BODY, RECEIVER_TRUST_PROXY=1
  详见 / see docs/receiver.md`;

/** The site's address with a path (`https://www.example.gov.cn/hzz`) → normalised with a trailing slash; throws on anything else. */
export function parseSite(text: string, origins: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`--site：“${text}”不是网址 / not a URL`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username)
    throw new Error(
      `--site：“${text}”应为网站的发布地址，如 https://www.example.gov.cn/hzz/ / the address the site is published at`,
    );
  if (!origins.includes(url.origin))
    throw new Error(
      `--site：“${text}”的域名不在 --origin 之中 / its origin (${url.origin}) must be one of --origin (${origins.join(', ')})`,
    );
  return url.origin + (url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
}

/** `https://a.example, http://127.0.0.1:4321` → normalised origins; throws on anything that is not an origin. */
export function parseOrigins(text: string): string[] {
  const out: string[] = [];
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      throw new Error(`--origin：“${part}”不是网址 / not a URL`);
    }
    if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
      throw new Error(
        `--origin：“${part}”应只含协议、域名和端口，如 https://hzz.example.org / an origin only (scheme, host, port)`,
      );
    }
    if (!out.includes(url.origin)) out.push(url.origin);
  }
  return out;
}

const FLAGS: Record<string, keyof ReceiverConfig> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'data',
  '--origin': 'origins',
  '--site': 'site',
  '--rate': 'rate',
  '--max-body': 'maxBody',
};
const ENV: Record<string, keyof ReceiverConfig> = {
  RECEIVER_PORT: 'port',
  RECEIVER_HOST: 'host',
  RECEIVER_DATA: 'data',
  RECEIVER_ORIGIN: 'origins',
  RECEIVER_SITE: 'site',
  RECEIVER_RATE: 'rate',
  RECEIVER_MAX_BODY: 'maxBody',
};

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${name}：“${text}”应为整数 / must be a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw new Error(`${name}：应在 ${min} 到 ${max} 之间 / must be between ${min} and ${max}`);
  return n;
}

/** Settings from `argv` (without node and the script) and `env`; throws Error with a message for the operator. */
export function parseConfig(argv: readonly string[], env: Record<string, string | undefined>): ReceiverConfig {
  const raw: Partial<Record<keyof ReceiverConfig, string>> = {};
  let trustProxy = /^(1|true|yes)$/i.test(env.RECEIVER_TRUST_PROXY ?? '');
  for (const [k, key] of Object.entries(ENV)) if (env[k]) raw[key] = env[k];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === '--trust-proxy') {
      trustProxy = true;
      continue;
    }
    const key = FLAGS[flag];
    if (!key) throw new Error(`不认识的参数 / unknown argument: ${arg}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new Error(`${flag} 后面缺少值 / ${flag} needs a value`);
    raw[key] = value;
  }
  if (!raw.data) throw new Error('缺少数据目录：--data 目录（或 RECEIVER_DATA） / missing --data DIR');
  const origins = parseOrigins(raw.origins ?? '');
  if (origins.length === 0)
    throw new Error(
      '缺少站点来源：--origin https://站点域名（或 RECEIVER_ORIGIN），只有它能从浏览器提交 / missing --origin ORIGIN',
    );
  return {
    port: raw.port === undefined ? DEFAULTS.port : integer('--port', raw.port, 0, 65535),
    host: raw.host ?? DEFAULTS.host,
    data: raw.data,
    origins,
    ...(raw.site ? { site: parseSite(raw.site, origins) } : {}),
    rate: raw.rate === undefined ? DEFAULTS.rate : integer('--rate', raw.rate, 0, 1_000_000),
    maxBody:
      raw.maxBody === undefined ? DEFAULTS.maxBody : integer('--max-body', raw.maxBody, 1024, 1024 * 1024 * 1024),
    trustProxy,
  };
}
