import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { createSanitizer, DEFAULT_RULES } from '../../src/sanitizer';
import { ADVERSARIAL_INPUTS } from './adversarial-inputs';

/**
 * Deterministic fuzzing: fixed seed and no wall-clock budgets, so a verdict never depends on how busy
 * the machine is; fewer generations than the default keep the suite quick (the controls below prove
 * the checker still finds what it should).
 */
const RECHECK_PARAMS = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  randomSeed: 1,
  maxIteration: 3,
} as const;

/** Checks run one at a time (recheck queues them anyway); the budget is for a busy machine. */
const CHECK_TIMEOUT = 180_000;

describe('ReDoS checker (recheck) over the shipped rule set', () => {
  it('has teeth: known-vulnerable patterns are reported vulnerable with the same settings', async () => {
    const controls = [/^(a+)+$/, /(?<![a-z])\s*[a-z]+\s*=\s*[a-z]+\s*$/, /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/];
    const verdicts = [];
    for (const re of controls) verdicts.push(await check(re.source, re.flags, RECHECK_PARAMS));
    expect(verdicts.map((v) => v.status)).toEqual(['vulnerable', 'vulnerable', 'vulnerable']);
  }, CHECK_TIMEOUT);

  it.each(DEFAULT_RULES.map((rule) => [rule.id, rule] as const))('%s is safe', async (_id, rule) => {
    const verdict = await check(rule.pattern.source, rule.pattern.flags.replace('g', ''), RECHECK_PARAMS);
    expect({ rule: rule.id, status: verdict.status }).toEqual({ rule: rule.id, status: 'safe' });
  }, CHECK_TIMEOUT);
});

describe('every default rule on 100 KB adversarial inputs', () => {
  for (const rule of DEFAULT_RULES) {
    // One rule at a time, with no length cut before the rules, so the rule itself sees all 100 KB.
    const only = createSanitizer({
      disableRules: DEFAULT_RULES.filter((other) => other.id !== rule.id).map((other) => other.id),
      limits: { maxStringLength: 1_000_000 },
    });
    it(`${rule.id} finishes on each input and keeps it bounded`, () => {
      for (const [name, input] of Object.entries(ADVERSARIAL_INPUTS)) {
        expect(input.length, name).toBe(100 * 1024);
        const out = only.sanitizeString(input);
        expect(typeof out, name).toBe('string');
        expect(out.length, name).toBeLessThanOrEqual(4 * input.length);
      }
    });
  }

  it('the whole default sanitizer finishes on each input with the default string bound', () => {
    const sanitizer = createSanitizer();
    for (const [name, input] of Object.entries(ADVERSARIAL_INPUTS)) {
      const out = sanitizer.sanitize({ [name]: input }) as Record<string, string>;
      expect(out[name]!.length, name).toBeLessThanOrEqual(8192);
      // Either cut with its marker, or (a PEM header with no end) redacted whole.
      expect(out[name], name).toMatch(/…\[TRUNCATED:102400 chars total\]$|^\[REDACTED:private_key\]$/);
    }
  });
});
