import { SecurityLogConfigError } from '../errors';
import { redactedMarker } from './markers';
import type { RedactionRule } from './types';

/** A rule ready to run: private RegExp copies (their `lastIndex` is state) and a precomputed marker. */
export interface CompiledRule {
  readonly id: string;
  readonly family: string;
  readonly marker: string;
  readonly re: RegExp;
  readonly hasSecretGroup: boolean;
  readonly minLength: number;
  readonly triggers: readonly string[] | null;
  readonly triggerRe: RegExp | null;
  readonly validate: ((match: string) => boolean) | undefined;
  readonly replace: ((match: string, marker: string) => string) | undefined;
}

const FAMILY = /^[A-Za-z0-9_]{1,40}$/;

function invalid(path: string, message: string): never {
  throw new SecurityLogConfigError('OPTION_INVALID', path, message);
}

function withFlags(pattern: RegExp, add: string, drop: string): RegExp {
  let flags = pattern.flags;
  for (const flag of drop) flags = flags.replace(flag, '');
  for (const flag of add) if (!flags.includes(flag)) flags += flag;
  return new RegExp(pattern.source, flags);
}

/**
 * `triggerCopies` maps a caller's trigger RegExp to this sanitizer's private copy, so rules that share
 * one trigger object keep sharing it (and the per-text memo of its result).
 */
export function compileRule(rule: RedactionRule, path: string, triggerCopies: Map<RegExp, RegExp>): CompiledRule {
  if (rule === null || typeof rule !== 'object') invalid(path, 'a rule must be an object');
  if (typeof rule.id !== 'string' || rule.id === '') invalid(`${path}.id`, 'must be a non-empty string');
  if (typeof rule.family !== 'string' || !FAMILY.test(rule.family)) {
    invalid(`${path}.family`, 'must be 1-40 characters of [A-Za-z0-9_] (it is printed inside the marker)');
  }
  if (!(rule.pattern instanceof RegExp)) invalid(`${path}.pattern`, 'must be a RegExp');
  const hasSecretGroup = rule.replace === undefined && rule.pattern.source.includes('(?<secret>');
  const trigger = rule.trigger;
  let triggers: readonly string[] | null = null;
  let triggerRe: RegExp | null = null;
  if (typeof trigger === 'string') triggers = [trigger];
  else if (trigger instanceof RegExp) {
    triggerRe = triggerCopies.get(trigger) ?? withFlags(trigger, '', 'gy');
    triggerCopies.set(trigger, triggerRe);
  }
  else if (Array.isArray(trigger)) {
    if (!trigger.every((t) => typeof t === 'string')) invalid(`${path}.trigger`, 'must hold strings only');
    triggers = [...(trigger as readonly string[])];
  } else if (trigger !== undefined) invalid(`${path}.trigger`, 'must be a string, an array of strings or a RegExp');
  return {
    id: rule.id,
    family: rule.family,
    marker: redactedMarker(rule.family),
    re: withFlags(rule.pattern, hasSecretGroup ? 'gd' : 'g', 'y'),
    hasSecretGroup,
    minLength: typeof rule.minLength === 'number' && rule.minLength > 0 ? rule.minLength : 1,
    triggers,
    triggerRe,
    validate: typeof rule.validate === 'function' ? rule.validate.bind(rule) : undefined,
    replace: typeof rule.replace === 'function' ? rule.replace.bind(rule) : undefined,
  };
}
