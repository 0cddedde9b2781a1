/**
 * The link checker over 1,000 reference links against local stand-ins (20 hosts on 127.0.0.1, each answering
 * after 20 ms): wall time, requests the servers saw, and a second run (all fresh in the cache: no request).
 * Runs `weekly-issues links`' own function; the limits (2 per host, 8 in all) are the ones users get.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { checkLinksCommand } from '../server/src/cli/links';

export async function benchLinks(): Promise<Record<string, number>> {
  let requests = 0;
  const servers = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const server = http.createServer((req, res) => {
        requests++;
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(), 20);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    }),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-bench-links-'));
  try {
    const origins = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    const links = Array.from({ length: 1000 }, (_, i) => `${origins[i % origins.length]}/page/${i}`);
    const text = ['# Bench【AI周报】', '', '## 目录', '', '1. [P](#p)', '', '## P', '', '**概要**：x。', '', '**标签**：#测试', '', '### **参考链接**', '', ...links.map((u, i) => `${i + 1}. [P 项目主页 ${i}](${u})`), ''].join('\n');
    fs.writeFileSync(path.join(dir, 'issue.md'), text);
    fs.writeFileSync(path.join(dir, '.weekly-issues.json'), JSON.stringify({ network: { allowPrivateHosts: ['127.0.0.1'] } }));
    const env = { ...process.env, WEEKLY_ISSUES_CACHE_DIR: path.join(dir, '.cache'), GITHUB_TOKEN: '' };
    const run = async () => {
      const before = requests;
      const t0 = performance.now();
      const r = await checkLinksCommand({ paths: ['issue.md'], format: 'json', all: false, timeoutSeconds: 10, noCache: false, fix: false, cwd: dir, env });
      return { ms: performance.now() - t0, requests: requests - before, fromCache: r.counts.fromCache, exit: r.exitCode };
    };
    const first = await run();
    const second = await run();
    return { links: links.length, hosts: origins.length, firstRunMs: first.ms, firstRunRequests: first.requests, secondRunMs: second.ms, secondRunRequests: second.requests, secondRunFromCache: second.fromCache };
  } finally {
    for (const s of servers) s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
