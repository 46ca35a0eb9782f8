import type { CompiledRule } from './compile-rules';
import { neutralize } from './neutralize';
import { createTriggerScan, MAX_SCAN_SETS, type TriggerScan } from './trigger-scan';

/** The compiled rules of one sanitizer, and one scan that tells which of them have a substring trigger present. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Per rule, its bit in `scan`'s result; 0 for a rule the scan does not cover. */
  readonly bits: readonly number[];
  readonly scan: TriggerScan;
  /** Indices of every rule, in order; and of the rules the scan does not cover: all that can run when it finds nothing. */
  readonly all: readonly number[];
  readonly unscanned: readonly number[];
  /** Markers no rule rewrites: a text that has become one of them is a fixed point already. */
  readonly stable: ReadonlySet<string>;
  /** Length of the longest stable marker: a longer text is not one, and is not hashed to find out. */
  readonly stableLength: number;
}

export function createRuleSet(rules: readonly CompiledRule[]): RuleSet {
  // The first 32 rules with substring triggers share one scan; any later one tests its own with `includes`.
  const sets: (readonly string[])[] = [];
  const bits = rules.map((rule) => {
    if (rule.triggers === null || sets.length === MAX_SCAN_SETS) return 0;
    sets.push(rule.triggers);
    return 1 << (sets.length - 1);
  });
  // Checked once here against every rule on its own, so a caller's rule that does rewrite a marker keeps the full loop.
  const stable = new Set(rules.map((rule) => rule.marker).filter((marker) => rules.every((rule) => applyRule(rule, marker) === marker)));
  const stableLength = Math.max(0, ...[...stable].map((marker) => marker.length));
  const all = rules.map((_, i) => i);
  return { rules, bits, scan: createTriggerScan(sets), all, unscanned: all.filter((i) => bits[i] === 0), stable, stableLength };
}

function isStable(set: RuleSet, text: string): boolean {
  return text.length <= set.stableLength && set.stable.has(text);
}

function hasAny(value: string, triggers: readonly string[]): boolean {
  for (let i = 0; i < triggers.length; i++) if (value.includes(triggers[i]!)) return true;
  return false;
}

/** A rule's own callback failing must not let its match through: fail closed. */
function accepts(rule: CompiledRule, text: string): boolean {
  if (rule.validate === undefined) return true;
  try {
    return rule.validate(text) !== false;
  } catch {
    return true;
  }
}

function rewriteWhole(rule: CompiledRule, text: string): string {
  if (rule.replace === undefined) return accepts(rule, text) ? rule.marker : text;
  try {
    const out = rule.replace(text, rule.marker);
    // A replacement is new text: it gets the neutralisation the input already had.
    return typeof out === 'string' ? neutralize(out) : rule.marker;
  } catch {
    return rule.marker;
  }
}

/** Runs one rule over `value`; returns `value` itself (no allocation) when nothing is replaced. */
function applyRule(rule: CompiledRule, value: string): string {
  const re = rule.re;
  re.lastIndex = 0;
  let match = re.exec(value);
  if (match === null) return value;
  let out = '';
  let kept = 0;
  let changed = false;
  while (match !== null) {
    const text = match[0];
    if (text.length === 0) re.lastIndex++;
    let start = match.index;
    let end = start + text.length;
    let replacement: string;
    if (rule.hasSecretGroup) {
      const span = match.indices?.groups?.secret;
      if (span === undefined) {
        match = re.exec(value);
        continue;
      }
      [start, end] = span;
      const secret = value.slice(start, end);
      replacement = accepts(rule, secret) ? rule.marker : secret;
    } else {
      replacement = rewriteWhole(rule, text);
    }
    if (replacement !== value.slice(start, end)) {
      out += value.slice(kept, start) + replacement;
      kept = end;
      changed = true;
    }
    match = re.exec(value);
  }
  return changed ? out + value.slice(kept) : value;
}

/**
 * Redacting one secret can expose another: `alice@example.com123-45-6789` only reads as an e-mail once
 * the SSN is a marker. So passes repeat until nothing changes (markers never match), which makes the
 * result a fixed point; the cap only guards against a user rule that keeps rewriting its own output.
 */
const MAX_PASSES = 4;

/**
 * One pass of every rule whose prefilter passes. One scan of the text the pass starts with settles
 * every substring trigger at once. A replacement only inserts markers: a trigger that appears inside one
 * is seen by the next pass, which runs because the text changed.
 */
function onePass(set: RuleSet, value: string): string {
  let current = value;
  const found = set.scan(value);
  let memoRe: RegExp | null = null;
  let memoText = '';
  let memoHit = false;
  const order = found === 0 ? set.unscanned : set.all;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const rule = set.rules[i]!;
    if (current.length < rule.minLength) continue;
    if (rule.triggers !== null) {
      const bit = set.bits[i]!;
      if (bit !== 0 ? (found & bit) === 0 : !hasAny(current, rule.triggers)) continue;
    } else if (rule.triggerRe !== null) {
      // Rules sharing one trigger RegExp (the digit rules) test it once per text.
      if (memoRe !== rule.triggerRe || memoText !== current) {
        memoRe = rule.triggerRe;
        memoText = current;
        memoHit = rule.triggerRe.test(current);
      }
      if (!memoHit) continue;
    }
    const next = applyRule(rule, current);
    // A whole text turned into a marker: the remaining rules, and further passes, cannot change it.
    if (next !== current && isStable(set, next)) return next;
    current = next;
  }
  return current;
}

export function redactString(set: RuleSet, value: string): string {
  let current = value;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(set, current);
    if (next === current || isStable(set, next)) return next;
    current = next;
  }
  return current;
}
