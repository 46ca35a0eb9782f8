import type { SuiteOptions, SuiteResult } from '../suite-result';
import { adversarialSuite } from './adversarial';
import { latencySuite } from './latency';
import { loggingThroughput } from './logging-throughput';
import { sanitizerSuite } from './sanitizer';

export interface Suite {
  id: string;
  run(options: SuiteOptions): Promise<SuiteResult>;
}

/** In the order `npm run bench` runs them; `--only id,id` picks some. */
export const SUITES: Suite[] = [
  { id: 'logging-throughput', run: loggingThroughput },
  { id: 'sanitizer', run: sanitizerSuite },
  { id: 'adversarial', run: adversarialSuite },
  { id: 'log-latency', run: latencySuite },
];
