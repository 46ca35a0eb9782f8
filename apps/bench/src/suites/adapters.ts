import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { interleaved } from '../measure';
import type { Figure, Ratio, SuiteOptions, SuiteResult } from '../suite-result';

export const FRAMEWORKS = ['express', 'fastify', 'koa', 'nest-express', 'nest-fastify'] as const;
const NAMES: Record<string, string> = {
  express: 'Express',
  fastify: 'Fastify',
  koa: 'Koa',
  'nest-express': 'NestJS (platform-express)',
  'nest-fastify': 'NestJS (platform-fastify)',
};
const CONNECTIONS = 10;

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(framework: string, mode: 'bare' | 'seclog', logFile: string): Promise<Server> {
  const child = fork(new URL('../servers/http-target.ts', import.meta.url).pathname, [framework, mode, logFile], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return { url: `http://127.0.0.1:${message.port}`, child };
}

async function stopServer(server: Server): Promise<{ logged: number; shed: number }> {
  server.child.send('stop');
  const [stats] = (await once(server.child, 'message')) as [{ logged: number; shed: number }];
  await once(server.child, 'exit');
  return stats;
}

async function requestsPerSecond(url: string, seconds: number, status: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  const expected = status === 200 ? result['2xx'] : result['4xx'];
  if (result.errors > 0 || expected !== result.requests.total) {
    throw new Error(`${url}: ${result.errors} errors, ${expected} of ${result.requests.total} answered ${status}`);
  }
  return result.requests.average;
}

export async function adapterOverhead(options: SuiteOptions): Promise<SuiteResult> {
  const quick = options.scale < 1;
  const seconds = quick ? 1 : 2;
  const rounds = quick ? 1 : 2;
  const figures: Figure[] = [];
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  const unknown = options.frameworks?.filter((name) => !(FRAMEWORKS as readonly string[]).includes(name));
  if (unknown?.length) throw new Error(`unknown framework ${unknown.join(', ')}; frameworks: ${FRAMEWORKS.join(', ')}`);
  for (const framework of FRAMEWORKS.filter((name) => !options.frameworks || options.frameworks.includes(name))) {
    const bare = await startServer(framework, 'bare', '');
    const seclog = await startServer(framework, 'seclog', join(options.workDir, `adapter-${framework}.log`));
    try {
      options.progress(`${NAMES[framework]}: warming up`);
      for (const server of [bare, seclog]) for (const path of ['/ok', '/private']) await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: 1 });
      options.progress(`${NAMES[framework]}: measuring`);
      const rates = await interleaved(rounds, {
        bare200: () => requestsPerSecond(`${bare.url}/ok`, seconds, 200),
        seclog200: () => requestsPerSecond(`${seclog.url}/ok`, seconds, 200),
        bare401: () => requestsPerSecond(`${bare.url}/private`, seconds, 401),
        seclog401: () => requestsPerSecond(`${seclog.url}/private`, seconds, 401),
      });
      const name = NAMES[framework]!;
      figures.push(
        { label: `${name} bare, 200`, value: rates.bare200, unit: 'req/s' },
        { label: `${name} + adapter, 200`, value: rates.seclog200, unit: 'req/s' },
        { label: `${name} bare, 401`, value: rates.bare401, unit: 'req/s' },
        { label: `${name} + adapter, 401 logged`, value: rates.seclog401, unit: 'req/s' },
      );
      ratios.push(
        { label: `${name}: adapter / bare, 200`, value: rates.seclog200 / rates.bare200, target: { op: '>=', value: 0.9 } },
        { label: `${name}: adapter / bare, logged 401`, value: rates.seclog401 / rates.bare401, target: { op: '>=', value: 0.8 } },
      );
    } finally {
      await stopServer(bare);
      const stats = await stopServer(seclog);
      notes.push(`${NAMES[framework]}: ${stats.logged.toLocaleString('en-US')} events logged by the adapter server, ${stats.shed} shed`);
    }
  }
  return {
    id: 'adapters',
    title: 'Adapter overhead under load (autocannon, loopback)',
    method:
      `Each framework serves GET /ok (200) and GET /private (401) from its own child process, bare and with its @seclog adapter ` +
      `(the adapter's logger writes every 401 as http.error_response through a pino sink to a file); autocannon drives it from the bench process with ` +
      `${CONNECTIONS} connections, ${seconds} s per measurement after 1 s warm-up, median of ${rounds} interleaved rounds. ` +
      'Every response is checked to carry the expected status.',
    figures,
    ratios,
    notes,
  };
}
