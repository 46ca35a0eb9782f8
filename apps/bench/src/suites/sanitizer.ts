import { createSanitizer } from '@seclog/core';
import fastRedact from 'fast-redact';
import { corpusScore } from '../corpus';
import { loginFailureMetadata } from '../fixtures';
import { elapsedMs, interleaved, perSecond } from '../measure';
import { threeRegexRedact } from '../reference/three-regex';
import { scaled, type SuiteOptions, type SuiteResult } from '../suite-result';

export async function sanitizerSuite(options: SuiteOptions): Promise<SuiteResult> {
  const iterations = scaled(200_000, options, 1000);
  const rounds = options.scale < 1 ? 1 : 5;
  const objects = Array.from({ length: 256 }, (_, i) => ({ ...loginFailureMetadata(i), nested: { tags: ['login', 'web'], region: 'eu-west-1' } }));
  const sanitizer = createSanitizer();
  const redact = fastRedact({ paths: ['password', 'authorization', 'username'] });

  // All three produce what a logger writes: a JSON string with the secrets out.
  const candidates = {
    seclog: (value: Record<string, unknown>) => JSON.stringify(sanitizer.sanitize(value)),
    reference: (value: Record<string, unknown>) => JSON.stringify(threeRegexRedact(value)),
    fastRedact: (value: Record<string, unknown>) => redact(value) as string,
  };
  let sink = 0;
  const rate = (fn: (value: Record<string, unknown>) => string) => async () => {
    const ms = await elapsedMs(() => {
      for (let i = 0; i < iterations; i++) sink += fn(objects[i & 255]!).length;
    });
    return perSecond(iterations, ms);
  };
  for (const fn of Object.values(candidates)) await rate(fn)();
  options.progress('sanitizer: measuring');
  const rates = await interleaved(rounds, { seclog: rate(candidates.seclog), reference: rate(candidates.reference), fastRedact: rate(candidates.fastRedact) });
  if (sink === 0) throw new Error('nothing was sanitised');

  const coverage = Object.fromEntries(Object.entries(candidates).map(([name, fn]) => [name, corpusScore(fn)])) as Record<keyof typeof candidates, ReturnType<typeof corpusScore>>;
  const line = (name: string, c: ReturnType<typeof corpusScore>) =>
    `${name}: caught ${c.caught}/${c.secrets} corpus secrets, left ${c.kept}/${c.benign} benign near-misses readable`;
  return {
    id: 'sanitizer',
    title: 'Sanitizer alone, realistic 10-field object',
    method:
      `${iterations.toLocaleString('en-US')} sanitisations to a JSON string per run of a 10-field failed-login object (plus one nested object), median of ${rounds} interleaved runs. ` +
      '@seclog = createSanitizer() defaults (key names, every value pattern, neutralisation, bounds); reference = key regex + email regex + card regex over a deep copy; ' +
      'fast-redact = its JSON serialiser with the three sensitive paths known in advance. Coverage is measured on core\'s labelled corpus, each text under a `note` key.',
    figures: [
      { label: '@seclog sanitize', value: rates.seclog, unit: 'objects/s' },
      { label: 'three-regex reference', value: rates.reference, unit: 'objects/s' },
      { label: 'fast-redact (known paths)', value: rates.fastRedact, unit: 'objects/s' },
      { label: '@seclog corpus secrets caught', value: coverage.seclog.caught, unit: `of ${coverage.seclog.secrets}` },
      { label: 'reference corpus secrets caught', value: coverage.reference.caught, unit: `of ${coverage.reference.secrets}` },
      { label: 'fast-redact corpus secrets caught', value: coverage.fastRedact.caught, unit: `of ${coverage.fastRedact.secrets}` },
    ],
    ratios: [
      { label: '@seclog / three-regex reference', value: rates.seclog / rates.reference, target: { op: '>=', value: 1 } },
      { label: '@seclog / fast-redact', value: rates.seclog / rates.fastRedact },
    ],
    notes: [line('@seclog', coverage.seclog), line('three-regex reference', coverage.reference), line('fast-redact', coverage.fastRedact)],
  };
}
