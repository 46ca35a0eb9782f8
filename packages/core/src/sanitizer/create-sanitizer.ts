import { SecurityLogConfigError } from '../errors';
import { compileAllowList } from './allow-list';
import { compileRule, type CompiledRule } from './compile-rules';
import { DEFAULT_RULES } from './default-rules';
import { jsonLength } from './json-length';
import { resolveLimits } from './limits';
import { moreCharsMarker, REDACTED_PREFIX, UNREADABLE } from './markers';
import { neutralize } from './neutralize';
import { createRuleSet, redactString, type RuleSet } from './redact-string';
import { createKeyMatcher, normalizeKey } from './sensitive-keys';
import type { Sanitizer, SanitizerOptions } from './types';
import { Walk, type KeyInfo, type WalkCore } from './walk';

/**
 * Text past `maxStringLength` is cut before the rules run, but only this far past it: any secret that
 * starts inside the kept part (a PEM key is ~3.5 KB) is still seen whole by its rule.
 */
const RULE_LOOKAHEAD = 8192;
const KEY_CACHE_LIMIT = 4096;
const CACHEABLE_KEY_LENGTH = 256;
/**
 * Log values repeat (user agents, routes, methods, reasons, tags): short strings that came out unchanged
 * are remembered and returned at once next time. Only unchanged strings are kept, so the cache never
 * holds anything a rule would have redacted.
 */
const CLEAN_CACHE_LIMIT = 4096;
const CACHEABLE_TEXT_LENGTH = 256;

/** Where to cut so that no redaction marker or surrogate pair is split. */
function cutPoint(value: string, room: number): number {
  let cut = Math.min(value.length, room);
  const open = value.lastIndexOf(REDACTED_PREFIX, cut - 1);
  if (open >= 0 && value.indexOf(']', open) >= cut) cut = open;
  const code = value.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/** Cutting can leave a prefix that reads as a new secret (half a Basic credential); this many re-cuts, then give up on the text. */
const MAX_CUTS = 4;

/**
 * Cuts an already redacted text to `max` characters, marker included. The result must be a fixed point
 * of the rules (for idempotence), so each cut is redacted again; if that keeps changing it, only the
 * marker is kept.
 */
function truncate(rules: RuleSet, value: string, max: number, originalLength: number): string {
  const marker = moreCharsMarker(originalLength);
  let current = value;
  for (let attempt = 0; attempt < MAX_CUTS; attempt++) {
    const candidate = current.slice(0, cutPoint(current, max - marker.length)) + marker;
    const again = redactString(rules, candidate);
    if (again === candidate) return candidate;
    current = again.endsWith(marker) ? again.slice(0, -marker.length) : again;
  }
  return marker;
}

function selectDefaults(disable: readonly string[] | undefined, triggerCopies: Map<RegExp, RegExp>): readonly CompiledRule[] {
  if (disable !== undefined && !Array.isArray(disable)) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'sanitizer.disableRules', 'must be an array of rule ids or families');
  }
  const off = new Set(disable ?? []);
  for (const name of off) {
    if (!DEFAULT_RULES.some((rule) => rule.id === name || rule.family === name)) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'sanitizer.disableRules', `no default rule has the id or family "${String(name)}"`);
    }
  }
  return DEFAULT_RULES.filter((rule) => !off.has(rule.id) && !off.has(rule.family)).map((rule, i) =>
    compileRule(rule, `DEFAULT_RULES[${i}]`, triggerCopies),
  );
}

export function createSanitizer(options: SanitizerOptions = {}): Sanitizer {
  const limits = resolveLimits(options.limits);
  const extra = options.rules ?? [];
  if (!Array.isArray(extra)) throw new SecurityLogConfigError('OPTION_INVALID', 'sanitizer.rules', 'must be an array of rules');
  const triggerCopies = new Map<RegExp, RegExp>();
  const rules = [
    ...selectDefaults(options.disableRules, triggerCopies),
    ...extra.map((rule, i) => compileRule(rule, `sanitizer.rules[${i}]`, triggerCopies)),
  ];
  const ids = new Set<string>();
  for (const rule of rules) {
    if (ids.has(rule.id)) throw new SecurityLogConfigError('OPTION_INVALID', 'sanitizer.rules', `duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
  }
  const ruleSet = createRuleSet(rules);
  const minRuleLength = rules.reduce((min, rule) => Math.min(min, rule.minLength), Infinity);
  const isSensitive = createKeyMatcher({ extra: options.sensitiveKeys, safe: options.safeKeys });
  const allowRoot = compileAllowList(options.allowKeys);
  const keyCache = new Map<string, KeyInfo>();
  const maxString = limits.maxStringLength;

  function sanitizeText(value: string): string {
    const originalLength = value.length;
    const cutEarly = originalLength > maxString + RULE_LOOKAHEAD;
    let text = neutralize(cutEarly ? value.slice(0, maxString + RULE_LOOKAHEAD) : value);
    if (text.length >= minRuleLength) text = redactString(ruleSet, text);
    // Redaction can shrink a cut text below the bound: the marker still says it was cut.
    return cutEarly || text.length > maxString ? truncate(ruleSet, text, maxString, originalLength) : text;
  }

  // Each unchanged string with its JSON length, so the walk neither sanitises nor measures it again.
  const clean = new Map<string, number>();

  /** For a string `clean` does not hold (the walk has just looked). */
  function sanitizeUnknown(text: string): string {
    try {
      const out = sanitizeText(text);
      if (out === text && text.length <= CACHEABLE_TEXT_LENGTH) {
        if (clean.size >= CLEAN_CACHE_LIMIT) clean.clear();
        clean.set(text, jsonLength(text));
      }
      return out;
    } catch {
      return UNREADABLE;
    }
  }

  function sanitizeString(value: string): string {
    let text: string;
    try {
      // Untyped callers may pass anything; it is logged as its string form.
      text = typeof value === 'string' ? value : String(value);
    } catch {
      return UNREADABLE;
    }
    return clean.has(text) ? text : sanitizeUnknown(text);
  }

  function keyInfo(key: string): KeyInfo {
    const cached = keyCache.get(key);
    if (cached !== undefined) return cached;
    const out = sanitizeString(key);
    const info: KeyInfo = { out, sensitive: isSensitive(key), normal: normalizeKey(key), cost: jsonLength(out) + 2 };
    if (key.length <= CACHEABLE_KEY_LENGTH) {
      if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
      keyCache.set(key, info);
    }
    return info;
  }

  const core: WalkCore = {
    limits,
    cardRuleOn: rules.some((rule) => rule.id === 'payment-card'),
    sanitizeUnknown,
    cleanCost: (value) => clean.get(value),
    keyInfo,
  };

  return {
    sanitize(value: unknown): unknown {
      try {
        const clean = new Walk(core).value(value, 0, allowRoot);
        return clean === undefined ? null : clean;
      } catch {
        return UNREADABLE;
      }
    },
    sanitizeString,
    isSensitiveKey(key: string): boolean {
      return typeof key === 'string' && isSensitive(key);
    },
  };
}

let shared: Sanitizer | undefined;

/** The default rules through one shared instance (its key cache is reused across calls). */
export function sanitize(value: unknown): unknown {
  shared ??= createSanitizer();
  return shared.sanitize(value);
}
