import type { CompiledRule } from './compile-rules';
import { neutralize } from './neutralize';

/** The compiled rules of one sanitizer, and one scan that tells whether any substring trigger is present. */
export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /** Alternation of every rule's substring triggers; null when no rule has one. */
  readonly gate: RegExp | null;
  /** The rules without substring triggers, in order: all that can run when the gate finds nothing. */
  readonly ungated: readonly CompiledRule[];
  /** Markers no rule rewrites: a text that has become one of them is a fixed point already. */
  readonly stable: ReadonlySet<string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

/**
 * Literals factored by shared prefixes (`A(?:KIA|SIA|Iza)`): the engine then rejects most positions
 * on their first character instead of trying every literal there.
 */
function trieSource(node: TrieNode): string {
  // A literal ending here matches already: nothing after it is needed.
  if (node.end) return '';
  const branches = [...node.next].map(([char, child]) => escapeRegExp(char) + trieSource(child));
  return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
}

export function literalGate(literals: Iterable<string>): RegExp | null {
  const root: TrieNode = { end: false, next: new Map() };
  let any = false;
  for (const literal of literals) {
    if (literal === '') continue;
    any = true;
    let node = root;
    for (const char of literal) {
      let child = node.next.get(char);
      if (child === undefined) {
        child = { end: false, next: new Map() };
        node.next.set(char, child);
      }
      node = child;
    }
    node.end = true;
  }
  return any ? new RegExp(trieSource(root)) : null;
}

export function createRuleSet(rules: readonly CompiledRule[]): RuleSet {
  const literals = new Set<string>();
  for (const rule of rules) for (const trigger of rule.triggers ?? []) literals.add(trigger);
  // Checked once here against every rule on its own, so a caller's rule that does rewrite a marker keeps the full loop.
  const stable = new Set(rules.map((rule) => rule.marker).filter((marker) => rules.every((rule) => applyRule(rule, marker) === marker)));
  return { rules, gate: literalGate(literals), ungated: rules.filter((rule) => rule.triggers === null), stable };
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
 * One pass of every rule whose prefilter passes. Most strings hold no trigger at all, and one scan with
 * the gate settles that for every substring-triggered rule at once. The gate is read on the text the pass
 * starts with: a replacement only inserts markers, which no rule matches.
 */
function onePass(set: RuleSet, value: string): string {
  let current = value;
  const rules = set.gate === null || set.gate.test(value) ? set.rules : set.ungated;
  let memoRe: RegExp | null = null;
  let memoText = '';
  let memoHit = false;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (current.length < rule.minLength) continue;
    if (rule.triggers !== null) {
      if (!hasAny(current, rule.triggers)) continue;
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
    if (next !== current && set.stable.has(next)) return next;
    current = next;
  }
  return current;
}

export function redactString(set: RuleSet, value: string): string {
  let current = value;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(set, current);
    if (next === current || set.stable.has(next)) return next;
    current = next;
  }
  return current;
}
