import type { CompiledRule } from './compile-rules';

function triggered(rule: CompiledRule, value: string): boolean {
  if (value.length < rule.minLength) return false;
  const triggers = rule.triggers;
  if (triggers !== null) {
    for (let i = 0; i < triggers.length; i++) if (value.includes(triggers[i]!)) return true;
    return false;
  }
  return rule.triggerRe === null || rule.triggerRe.test(value);
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
    return typeof out === 'string' ? out : rule.marker;
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

function onePass(rules: readonly CompiledRule[], value: string): string {
  let current = value;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (triggered(rule, current)) current = applyRule(rule, current);
  }
  return current;
}

export function redactString(rules: readonly CompiledRule[], value: string): string {
  let current = value;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = onePass(rules, current);
    if (next === current) return current;
    current = next;
  }
  return current;
}
