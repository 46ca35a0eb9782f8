/** An absolute figure as printed, e.g. 412,300 events/s. */
export interface Figure {
  label: string;
  value: number;
  unit: string;
}

/** A ratio against a baseline, with the target it is held to when there is one. */
export interface Ratio {
  label: string;
  value: number;
  target?: { op: '>=' | '<'; value: number };
}

export interface SuiteResult {
  id: string;
  title: string;
  /** What was run, in one or two sentences. */
  method: string;
  figures: Figure[];
  ratios: Ratio[];
  notes: string[];
}

export function targetMet(ratio: Ratio): boolean | undefined {
  if (!ratio.target) return undefined;
  return ratio.target.op === '>=' ? ratio.value >= ratio.target.value : ratio.value < ratio.target.value;
}

/** Options every suite takes: `scale` shrinks the counts for the smoke test. */
export interface SuiteOptions {
  scale: number;
  workDir: string;
  progress: (text: string) => void;
  /** Adapter suite only: the frameworks to drive (`--frameworks express,koa`); all when absent. */
  frameworks?: string[];
}

export const scaled = (count: number, options: SuiteOptions, minimum = 100) => Math.max(minimum, Math.round(count * options.scale));
