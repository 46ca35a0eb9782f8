import { execFileSync } from 'node:child_process';

/**
 * Server on one CPU, load generator on another. On a 2-core machine an unpinned server and
 * autocannon trade places between cores and with other work, and loopback throughput then swings
 * by up to half between phases of tens of seconds; pinned, rounds are far steadier.
 */
export interface CpuPinning {
  /** True when the bench process and every server are pinned. */
  readonly pinned: boolean;
  /** One sentence for the method text: how the CPUs were used, or why they were not pinned. */
  readonly description: string;
  /** Pins every thread of a server process to the server's CPU (nothing when not pinned). */
  pinServer(pid: number): void;
  /** Gives the bench process back the CPUs it had. */
  restore(): void;
}

const taskset = (args: string[]) => execFileSync('taskset', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** CPUs in a `taskset` list such as `0-3,6`. */
function cpuList(list: string): number[] {
  return list.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number) as [number, number?];
    return to === undefined ? [from] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

const unpinned = (why: string): CpuPinning => ({
  pinned: false,
  description: `Not pinned to CPUs (${why}): expect wider swings between rounds.`,
  pinServer() {},
  restore() {},
});

/** Pins the bench process (autocannon) to its first allowed CPU; servers go to the second. */
export function pinCpus(): CpuPinning {
  if (process.platform !== 'linux') return unpinned(`taskset is Linux only, this is ${process.platform}`);
  let original: string;
  try {
    original = /list:\s*(\S+)/.exec(taskset(['-c', '-p', String(process.pid)]))?.[1] ?? '';
  } catch {
    return unpinned('no taskset on this machine');
  }
  const cpus = cpuList(original);
  if (cpus.length < 2 || cpus.some((cpu) => !Number.isInteger(cpu))) return unpinned(`the bench may use ${cpus.length < 2 ? 'one CPU' : `CPUs "${original}"`}`);
  const [client, server] = cpus as [number, number];
  try {
    taskset(['-a', '-c', '-p', String(client), String(process.pid)]);
  } catch (error) {
    return unpinned(`taskset failed: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    pinned: true,
    description: `Every server process is pinned to CPU ${server} and the bench process (autocannon) to CPU ${client} with taskset.`,
    pinServer(pid) {
      taskset(['-a', '-c', '-p', String(server), String(pid)]);
    },
    restore() {
      taskset(['-a', '-c', '-p', original, String(process.pid)]);
    },
  };
}
