/**
 * `npm run receiver -- --data DIR --origin ORIGIN [--port 8787] [--host 127.0.0.1]
 * [--rate 20] [--max-body BYTES] [--trust-proxy]`: the report receiver an
 * office runs behind its web server (docs/receiver.md). Exits 2 on a bad
 * command line, 1 when the data directory or the port cannot be used.
 */
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseConfig, USAGE } from '../src/receiver/config.ts';
import { createReceiver } from '../src/receiver/server.ts';
import { ReportStore, StoreError } from '../src/receiver/store.ts';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}

let config;
try {
  config = parseConfig(argv, process.env);
} catch (e) {
  console.error(`receiver: ${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const data = resolve(config.data);

let store: ReportStore;
try {
  store = ReportStore.open(data, { sweep: true });
} catch (e) {
  console.error(`receiver: ${e instanceof StoreError ? e.message : (e as Error).stack}`);
  process.exit(1);
}

const server = createReceiver({ config, store });
server.on('error', (e: NodeJS.ErrnoException) => {
  const where = `${config.host}:${config.port}`;
  const text =
    e.code === 'EADDRINUSE'
      ? `端口已被占用：${where} / port already in use: ${where}`
      : e.code === 'EACCES'
        ? `没有权限使用端口：${where} / not allowed to listen on ${where}`
        : e.code === 'EADDRNOTAVAIL'
          ? `本机没有这个地址：${config.host} / no such address on this machine: ${config.host}`
          : `无法监听 ${where}：${e.message}`;
  console.error(`receiver: ${text}`);
  store.close();
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(
    `receiver: listening on http://${host}:${port}/reports · data ${data} · origins ${config.origins.join(', ')} · ` +
      `rate ${config.rate || 'unlimited'}/hour per address${config.trustProxy ? ' (X-Forwarded-For)' : ''} · max body ${config.maxBody} bytes`,
  );
});

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`receiver: ${signal}, finishing requests under way`);
  const force = setTimeout(() => {
    store.close();
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close(() => {
    store.close();
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
