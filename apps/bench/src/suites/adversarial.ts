import { createSanitizer } from '@seclog/core';
import { elapsedMs, median } from '../measure';
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

export async function adversarialSuite(options: SuiteOptions): Promise<SuiteResult> {
  const sizes = options.scale < 1 ? [1_000, 10_000, 100_000] : [10_000, 100_000, 1_000_000];
  // Bounds off: the suite measures the patterns on the whole input, not the truncation marker.
  const sanitizer = createSanitizer({ limits: { maxStringLength: Infinity, maxTotalSize: Infinity } });
  const timeFor = async (input: string) => {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) samples.push(await elapsedMs(() => void sanitizer.sanitizeString(input)));
    return median(samples);
  };
  const totals = sizes.map(() => 0);
  let worst = { name: '', ratio: 0 };
  for (const [name, unit] of Object.entries(UNITS)) {
    const times: number[] = [];
    sanitizer.sanitizeString(fill(unit, sizes[0]!)); // warm the code paths this family takes
    for (const size of sizes) times.push(await timeFor(fill(unit, size)));
    times.forEach((ms, i) => (totals[i]! += ms));
    // Each 10x step; sub-millisecond small inputs make noisy ratios, so the largest step counts.
    const ratio = times[2]! / Math.max(times[1]!, 0.001);
    if (ratio > worst.ratio) worst = { name, ratio };
    options.progress(`adversarial ${name}: ${times.map((ms) => ms.toFixed(2)).join(' / ')} ms`);
  }
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000} MB` : `${size / 1000}k`);
  return {
    id: 'adversarial',
    title: 'Adversarial inputs: linear time',
    method:
      `${Object.keys(UNITS).length} adversarial families (rule prefixes that never complete, long runs of what the patterns loop on, control characters), ` +
      `each at ${sizes.map(label).join(', ')} characters, through sanitizeString with the length bounds off; median of 3 per input.`,
    figures: sizes.map((size, i) => ({ label: `all families at ${label(size)}`, value: totals[i]!, unit: 'ms' })),
    ratios: [
      { label: `time ratio ${label(sizes[1]!)} -> ${label(sizes[2]!)} (all families)`, value: totals[2]! / totals[1]!, target: { op: '<', value: 15 } },
      { label: `time ratio ${label(sizes[0]!)} -> ${label(sizes[1]!)} (all families)`, value: totals[1]! / totals[0]!, target: { op: '<', value: 15 } },
      { label: `worst single family ${label(sizes[1]!)} -> ${label(sizes[2]!)} (${worst.name})`, value: worst.ratio, target: { op: '<', value: 15 } },
    ],
    notes: [],
  };
}
