import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { median } from '../measure';
import { pinCpus, type CpuPinning } from '../servers/cpu-pinning';
import { hasAdapter, type TargetKind } from '../servers/frameworks';
import { processCpuMicros } from '../servers/process-cpu';
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

function startServer(framework: string, kind: TargetKind, logFile: string, pinning: CpuPinning): Promise<Server> {
  const child = fork(new URL('../servers/http-target.ts', import.meta.url).pathname, [framework, kind, logFile], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`${framework} ${kind} server exited with ${code} before listening`));
    child.once('exit', exited);
    child.once('message', (message: { port: number }) => {
      child.off('exit', exited);
      // Pinned once it listens: every thread it will use exists by then, and later ones inherit the CPU.
      pinning.pinServer(child.pid!);
      resolve({ url: `http://127.0.0.1:${message.port}`, child });
    });
  });
}

async function stopServer(server: Server): Promise<{ logged: number; shed: number }> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const stats = new Promise<{ logged: number; shed: number }>((resolve) => server.child.once('message', resolve));
  server.child.send('stop');
  const [result] = await Promise.all([stats, exited]);
  return result;
}

/** One measurement: requests per second and the server's CPU time per request (µs, Linux only). */
interface Sample {
  rps: number;
  cpu: number | undefined;
}

async function measure(server: Server, path: string, seconds: number, status: number): Promise<Sample> {
  const pid = server.child.pid!;
  const cpuBefore = processCpuMicros(pid);
  const started = performance.now();
  // autocannon stops at its first sample tick after `duration`: ticks every 100 ms keep a 0.5 s run near 0.5 s, not 1 s.
  const result = await autocannon({ url: server.url + path, connections: CONNECTIONS, duration: seconds, sampleInt: 100 });
  const elapsedMs = performance.now() - started;
  const cpuAfter = processCpuMicros(pid);
  const total = result.requests.total;
  const expected = status === 200 ? result['2xx'] : result['4xx'];
  if (result.errors > 0 || expected !== total || total === 0) {
    throw new Error(`${server.url}${path}: ${result.errors} errors, ${expected} of ${total} answered ${status}`);
  }
  return {
    rps: (total / elapsedMs) * 1000,
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / total,
  };
}

const MEASUREMENTS = {
  bare200: { kind: 'bare', path: '/ok', status: 200 },
  floor200: { kind: 'floor', path: '/ok', status: 200 },
  context200: { kind: 'context', path: '/ok', status: 200 },
  seclog200: { kind: 'seclog', path: '/ok', status: 200 },
  bare401: { kind: 'bare', path: '/private', status: 401 },
  seclog401: { kind: 'seclog', path: '/private', status: 401 },
  decorated200: { kind: 'decorated', path: '/ok', status: 200 },
  decorated401: { kind: 'decorated', path: '/private', status: 401 },
} as const;
type Key = keyof typeof MEASUREMENTS;
/** NestJS is also measured with `interceptor: 'decorated'`, the cheaper choice its README describes. */
const DECORATED: readonly Key[] = ['decorated200', 'decorated401'];

// Bare sits between the adapter and the floor, and the order flips every round, so that each target
// ratio comes from measurements taken back to back and neither side always goes first.
const ORDER: readonly (readonly Key[])[] = [
  ['context200', 'seclog200', 'bare200', 'floor200', 'decorated200', 'decorated401', 'bare401', 'seclog401'],
  ['decorated200', 'floor200', 'bare200', 'seclog200', 'context200', 'seclog401', 'bare401', 'decorated401'],
];

const range = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

export async function adapterOverhead(options: SuiteOptions): Promise<SuiteResult> {
  const seconds = options.scale < 1 ? 0.5 : 0.6;
  const warmUpSeconds = 0.5;
  // 8 rounds at full scale, 4 at a quarter, never fewer than 2 (a paired ratio needs a flipped order too).
  const rounds = Math.max(2, Math.round(8 * Math.sqrt(options.scale)));
  const figures: Figure[] = [];
  const ratios: Ratio[] = [];
  const notes: string[] = [];
  const unknown = options.frameworks?.filter((name) => !(FRAMEWORKS as readonly string[]).includes(name));
  if (unknown?.length) throw new Error(`unknown framework ${unknown.join(', ')}; frameworks: ${FRAMEWORKS.join(', ')}`);
  const pinning = pinCpus();
  if (!pinning.pinned) notes.push(pinning.description);
  try {
    for (const framework of FRAMEWORKS.filter((name) => !options.frameworks || options.frameworks.includes(name))) {
      const name = NAMES[framework]!;
      const nest = framework.startsWith('nest-');
      const keys = (Object.keys(MEASUREMENTS) as Key[]).filter((key) => nest || !DECORATED.includes(key));
      const kinds = [...new Set(keys.map((key) => MEASUREMENTS[key].kind))];
      const started = await Promise.allSettled(
        kinds.map((kind) =>
          startServer(framework, kind, hasAdapter(kind) ? join(options.workDir, `adapter-${framework}-${kind}.log`) : '', pinning),
        ),
      );
      const servers = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      try {
        const failed = started.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        const byKind = Object.fromEntries(kinds.map((kind, index) => [kind, servers[index]!])) as Record<TargetKind, Server>;
        options.progress(`${name}: warming up`);
        for (const key of keys) await measure(byKind[MEASUREMENTS[key].kind], MEASUREMENTS[key].path, warmUpSeconds, MEASUREMENTS[key].status);
        const samples = Object.fromEntries(keys.map((key) => [key, [] as Sample[]])) as Record<Key, Sample[]>;
        for (let round = 0; round < rounds; round++) {
          options.progress(`${name}: round ${round + 1} of ${rounds}`);
          for (const key of ORDER[round % 2]!.filter((key) => keys.includes(key))) {
            const { kind, path, status } = MEASUREMENTS[key];
            samples[key].push(await measure(byKind[kind], path, seconds, status));
          }
        }
        const paired = (candidate: Key, baseline: Key) => samples[candidate].map((sample, round) => sample.rps / samples[baseline][round]!.rps);
        const ratio200 = paired('seclog200', 'bare200');
        const ratioFloor = paired('floor200', 'bare200');
        const ratioContext = paired('context200', 'bare200');
        const ratio401 = paired('seclog401', 'bare401');
        const rps = (key: Key) => median(samples[key].map((sample) => sample.rps));
        figures.push(
          { label: `${name} bare, 200`, value: rps('bare200'), unit: 'req/s' },
          { label: `${name} async context only, 200`, value: rps('context200'), unit: 'req/s' },
          { label: `${name} floor, 200`, value: rps('floor200'), unit: 'req/s' },
          { label: `${name} + adapter, 200`, value: rps('seclog200'), unit: 'req/s' },
          { label: `${name} bare, 401`, value: rps('bare401'), unit: 'req/s' },
          { label: `${name} + adapter, 401 logged`, value: rps('seclog401'), unit: 'req/s' },
        );
        if (nest) {
          figures.push(
            { label: `${name} + adapter ('decorated'), 200`, value: rps('decorated200'), unit: 'req/s' },
            { label: `${name} + adapter ('decorated'), 401 logged`, value: rps('decorated401'), unit: 'req/s' },
          );
        }
        const cpu = (key: Key) => samples[key].map((sample) => sample.cpu).filter((value): value is number => value !== undefined);
        if (cpu('bare200').length === rounds) {
          const labels: Record<Key, string> = {
            decorated200: "+ adapter ('decorated'), 200",
            decorated401: "+ adapter ('decorated'), 401 logged",
            bare200: 'bare, 200',
            floor200: 'floor, 200',
            context200: 'async context only, 200',
            seclog200: '+ adapter, 200',
            bare401: 'bare, 401',
            seclog401: '+ adapter, 401 logged',
          };
          for (const key of keys) {
            figures.push({ label: `${name} ${labels[key]}: server CPU`, value: median(cpu(key)), unit: 'µs/request' });
          }
        }
        ratios.push(
          { label: `${name}: adapter / bare, 200`, value: median(ratio200), target: { op: '>=', value: 0.9 } },
          { label: `${name}: adapter / bare, logged 401`, value: median(ratio401), target: { op: '>=', value: 0.8 } },
          { label: `${name}: async context only / bare, 200 (informative baseline)`, value: median(ratioContext) },
          { label: `${name}: floor / bare, 200 (informative baseline)`, value: median(ratioFloor) },
        );
        if (nest) {
          ratios.push(
            { label: `${name}: adapter ('decorated') / bare, 200 (informative)`, value: median(paired('decorated200', 'bare200')) },
            { label: `${name}: adapter ('decorated') / bare, logged 401 (informative)`, value: median(paired('decorated401', 'bare401')) },
          );
        }
        notes.push(
          `${name}: per-round ratios, 200 ${range(ratio200)}, logged 401 ${range(ratio401)}, floor ${range(ratioFloor)}, async context only ${range(ratioContext)}`,
        );
      } finally {
        const stats = await Promise.all(servers.map(stopServer));
        const logged = stats.reduce((sum, stat) => sum + stat.logged, 0);
        const shed = stats.reduce((sum, stat) => sum + stat.shed, 0);
        notes.push(`${name}: ${logged.toLocaleString('en-US')} events logged by the adapter server${nest ? 's' : ''}, ${shed} shed`);
      }
    }
  } finally {
    pinning.restore();
  }
  return {
    id: 'adapters',
    title: 'Adapter overhead under load (autocannon, loopback)',
    method:
      'Each framework serves GET /ok (200) and GET /private (401) from four child processes: bare, with its @seclog adapter ' +
      "(the adapter's logger writes every 401 as http.error_response through a pino sink to a file), the floor, and the async context alone. " +
      `autocannon drives them from the bench process with ${CONNECTIONS} connections: ${warmUpSeconds} s of warm-up per server and path, then ` +
      `${rounds} rounds of ${seconds} s measurements, bare measured right before or after the candidate it is compared with, the order flipped every round. ` +
      'Each ratio is the median of the per-round ratios; req/s and server CPU per request (user + system time of the server process from /proc, ' +
      'over the requests it answered) are medians over the rounds. ' +
      `${pinning.description} ` +
      'The floor is an informative baseline, not a target: the bare framework plus only what any middleware that carries a request context must do, ' +
      'at the hook points the adapter uses (AsyncLocalStorage.run around the rest of the request, a randomUUID() echoed in a header, a call when the response ends), ' +
      "so the gap between floor and adapter is @seclog's own. NestJS is also measured with interceptor: 'decorated' (a fifth server), where undecorated handlers run no interceptor. The async-context-only server does just the first of the three (AsyncLocalStorage.run " +
      "with a fresh id around the rest of the request): the runtime's price for a context that follows the request, which bounds any adapter's 200 ratio. " +
      'Every response is checked to carry the expected status.',
    figures,
    ratios,
    notes,
  };
}
