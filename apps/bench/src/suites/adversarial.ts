import { createSanitizer } from '@seclog/core';
import { performance } from 'node:perf_hooks';
import { median } from '../measure';
import type { SuiteOptions, SuiteResult } from '../suite-result';

/** Units that make a backtracking matcher retry from every position when repeated. */
const UNITS: Record<string, string> = {
  'at signs': '@',
  'local parts without domain': 'a.b',
  'digit runs': '4',
  'spaced digits failing Luhn': '4111 1111 1111 1112 ',
  'jwt prefixes': 'eyJabcd.',
  'pem headers without end': '-----BEGIN PRIVATE KEY-----',
  'url userinfo without host': 'a://b:c',
  'assignments without values': 'password=',
  'bearer prefixes': 'Bearer ',
  'aws prefixes': 'AKIA',
  'iban heads': 'DE89 ',
  'control characters': '\n\u202e\x1b[',
};

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/**
 * One sample: calls repeated until `SAMPLE_MS` of wall time have passed, so that a 10k input (tens of
 * microseconds) is timed over thousands of calls rather than one call at timer resolution.
 */
const SAMPLE_MS = 50;
const SAMPLES = 5;

/**
 * The process's CPU time per call, not the wall time: on a shared 2-core machine a wall-clock sample
 * also counts the time the process waited for a core, which depends on the neighbours and not on the
 * input, and that noise alone made 10x-size ratios swing between 4x and 30x for the same code.
 * CPU time still grows with every instruction, allocation and collection the sanitizer causes.
 */
function cpuMsPerCall(call: () => void): number {
  let calls = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  do {
    call();
    calls++;
  } while (performance.now() - wallStart < SAMPLE_MS);
  const cpu = process.cpuUsage(cpuStart);
  return (cpu.user + cpu.system) / 1000 / calls;
}

export async function adversarialSuite(options: SuiteOptions): Promise<SuiteResult> {
  const sizes = options.scale < 1 ? [1_000, 10_000, 100_000] : [10_000, 100_000, 1_000_000];
  // Bounds off: the suite measures the patterns on the whole input, not the truncation marker.
  const sanitizer = createSanitizer({ limits: { maxStringLength: Infinity, maxTotalSize: Infinity } });
  const timeFor = (input: string) => {
    // The first call at a new size is not timed: it pays for regex tier-up and heap growth once.
    sanitizer.sanitizeString(input);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(cpuMsPerCall(() => void sanitizer.sanitizeString(input)));
    return median(samples);
  };
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1000}k`);
  const totals = sizes.map(() => 0);
  const notes: string[] = [];
  let worst = { name: '', ratio: 0 };
  for (const [name, unit] of Object.entries(UNITS)) {
    const times: number[] = [];
    for (const size of sizes) {
      times.push(timeFor(fill(unit, size)));
      // Lets the progress line and any pending I/O through between inputs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    times.forEach((ms, i) => (totals[i]! += ms));
    // Each input is timed over many calls, so the small sizes are sound too; the largest step is the one held to the target.
    const ratio = times[2]! / times[1]!;
    if (ratio > worst.ratio) worst = { name, ratio };
    // Per input character, so a step where the cost per character rises (a superlinear pattern, or a working set leaving the cache) stands out.
    const perChar = times.map((ms, i) => ((ms * 1e6) / sizes[i]!).toFixed(1)).join(' / ');
    const line = `${name}: ${times.map((ms) => `${ms < 1 ? ms.toFixed(3) : ms.toFixed(1)} ms`).join(' / ')} (${perChar} ns per character; ${ratio.toFixed(1)}x for the last 10x)`;
    notes.push(line);
    options.progress(`adversarial ${line}`);
  }
  return {
    id: 'adversarial',
    title: 'Adversarial inputs: linear time',
    method:
      `${Object.keys(UNITS).length} adversarial families (rule prefixes that never complete, long runs of what the patterns loop on, control characters), ` +
      `each at ${sizes.map(label).join(', ')} characters, through sanitizeString with the length bounds off. ` +
      `Each input: one untimed call, then the median of ${SAMPLES} samples, each the process CPU time per call over as many calls as fit in ${SAMPLE_MS} ms ` +
      '(CPU rather than wall time, because the wait for a core on a shared machine is not the sanitizer\'s work: timed by the wall clock, unchanged code gave 10x-size ratios anywhere from 4x to 30x for the digit runs, while its CPU time per call grew 10x at each step).',
    figures: sizes.map((size, i) => ({ label: `all families at ${label(size)} (CPU per call)`, value: totals[i]!, unit: 'ms' })),
    ratios: [
      { label: `time ratio ${label(sizes[1]!)} -> ${label(sizes[2]!)} (all families)`, value: totals[2]! / totals[1]!, target: { op: '<', value: 15 } },
      { label: `time ratio ${label(sizes[0]!)} -> ${label(sizes[1]!)} (all families)`, value: totals[1]! / totals[0]!, target: { op: '<', value: 15 } },
      { label: `worst single family ${label(sizes[1]!)} -> ${label(sizes[2]!)} (${worst.name})`, value: worst.ratio, target: { op: '<', value: 15 } },
    ],
    notes,
  };
}
