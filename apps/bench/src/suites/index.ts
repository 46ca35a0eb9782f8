import type { SuiteOptions, SuiteResult } from '../suite-result';
import { adapterOverhead } from './adapters';
import { adversarialSuite } from './adversarial';
import { alertsSuite } from './alerts';
import { latencySuite } from './latency';
import { loggingThroughput } from './logging-throughput';
import { pipelineSuite } from './pipeline';
import { sanitizerSuite } from './sanitizer';
import { verifySuite } from './verify';

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
  { id: 'alerts', run: alertsSuite },
  { id: 'pipeline', run: pipelineSuite },
  { id: 'verify', run: verifySuite },
  { id: 'adapters', run: adapterOverhead },
];
