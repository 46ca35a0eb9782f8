import { SecurityEventError } from '../errors';
import { OUTCOMES, type Outcome } from '../event';
import type { EcsMapping, EventTypeDefinition, EventTypeRegistration, OcsfMapping } from './definition';
import { ECS_EVENT_CATEGORIES, ECS_EVENT_KINDS, ECS_EVENT_TYPES } from './ecs-values';
import { isDottedName, isOwaspTokenShape, malformedEventType, quoteUntrusted } from './event-type-name';
import { ecs } from './entry';
import { BASE_EVENT } from './ocsf-classes';

/** Base risk of a well-formed event type that nobody registered. */
export const DEFAULT_BASE_RISK = 3;

const MAX_DESCRIPTION_LENGTH = 200;

function invalid(name: string, problem: string): SecurityEventError {
  return new SecurityEventError('EVENT_TYPE_MALFORMED', `event type ${quoteUntrusted(name)}: ${problem}`);
}

function includes<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.includes(value as T);
}

function checkEcs(name: string, value: unknown): EcsMapping {
  const m = value as Partial<EcsMapping> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    !includes(ECS_EVENT_KINDS, m.kind) ||
    !Array.isArray(m.category) ||
    !m.category.every((c) => includes(ECS_EVENT_CATEGORIES, c)) ||
    !Array.isArray(m.type) ||
    m.type.length === 0 ||
    !m.type.every((t) => includes(ECS_EVENT_TYPES, t))
  ) {
    throw invalid(name, 'ecs must be { kind, category[], type[] } with ECS allowed values');
  }
  return ecs(m.category, m.type, m.kind);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_DESCRIPTION_LENGTH;
}

function isUid(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
}

function checkOcsf(name: string, value: unknown): OcsfMapping {
  const m = value as Partial<OcsfMapping> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    !isUid(m.classUid) ||
    !isUid(m.activityId) ||
    m.categoryUid !== Math.floor(m.classUid / 1000) ||
    !isText(m.className) ||
    !isText(m.activityName)
  ) {
    throw invalid(name, 'ocsf must be { classUid, className, categoryUid = floor(classUid / 1000), activityId, activityName }');
  }
  const { classUid, className, categoryUid, activityId, activityName } = m;
  return Object.freeze({ classUid, className, categoryUid, activityId, activityName });
}

/**
 * The mappings an event type gets when it does not bring its own: its category's (taken from the
 * first entry registered in that category) with the generic ECS type `info` and OCSF activity
 * "Other", or OCSF's Base Event when the category is new.
 */
export function inheritedMappings(template: EventTypeDefinition | undefined): { ecs: EcsMapping; ocsf: OcsfMapping } {
  if (!template) return { ecs: ecs([], ['info']), ocsf: BASE_EVENT(99, 'Other') };
  const { classUid, className, categoryUid } = template.ocsf;
  return {
    ecs: ecs(template.ecs.category, ['info'], template.ecs.kind),
    ocsf: Object.freeze({ classUid, className, categoryUid, activityId: 99, activityName: 'Other' }),
  };
}

/** Checks a registration field by field and fills in what it leaves out. */
export function normaliseRegistration(
  input: EventTypeRegistration,
  template: (category: string) => EventTypeDefinition | undefined,
): EventTypeDefinition {
  if (typeof input !== 'object' || input === null) {
    throw new SecurityEventError('EVENT_TYPE_MISSING', 'an event type definition must be an object');
  }
  const { name } = input;
  if (typeof name !== 'string' || name.length === 0) {
    throw new SecurityEventError('EVENT_TYPE_MISSING', 'an event type definition needs a name');
  }
  if (!isDottedName(name)) throw malformedEventType(name);
  const category = name.slice(0, name.indexOf('.'));
  if (input.category !== undefined && input.category !== category) {
    throw invalid(name, `category must be the first segment of the name ("${category}")`);
  }
  const { owasp } = input;
  if (owasp !== undefined && (typeof owasp !== 'string' || !isOwaspTokenShape(owasp))) {
    throw invalid(name, 'owasp must be a lowercase OWASP vocabulary token such as "authn_login_fail"');
  }
  const { baseRisk } = input;
  if (typeof baseRisk !== 'number' || !(baseRisk >= 0 && baseRisk <= 10)) {
    throw invalid(name, 'baseRisk must be a number from 0 to 10');
  }
  const defaultOutcome: Outcome = input.defaultOutcome ?? 'unknown';
  if (!OUTCOMES.includes(defaultOutcome)) {
    throw invalid(name, `defaultOutcome must be one of ${OUTCOMES.join(', ')}`);
  }
  const description = input.description ?? name;
  if (!isText(description)) {
    throw invalid(name, `description must be a string of 1 to ${MAX_DESCRIPTION_LENGTH} characters`);
  }
  const inherited = inheritedMappings(template(category));
  const definition: EventTypeDefinition = {
    name,
    ...(owasp === undefined ? {} : { owasp }),
    category,
    description,
    defaultOutcome,
    baseRisk,
    ecs: input.ecs === undefined ? inherited.ecs : checkEcs(name, input.ecs),
    ocsf: input.ocsf === undefined ? inherited.ocsf : checkOcsf(name, input.ocsf),
  };
  return Object.freeze(definition);
}

/** Two definitions are the same registration when every field a user can set is equal. */
export function sameDefinition(a: EventTypeDefinition, b: EventTypeDefinition): boolean {
  const fingerprint = (d: EventTypeDefinition) =>
    JSON.stringify([
      d.name,
      d.owasp ?? null,
      d.category,
      d.description,
      d.defaultOutcome,
      d.baseRisk,
      d.ecs.kind,
      d.ecs.category,
      d.ecs.type,
      d.ocsf.classUid,
      d.ocsf.className,
      d.ocsf.categoryUid,
      d.ocsf.activityId,
      d.ocsf.activityName,
    ]);
  return fingerprint(a) === fingerprint(b);
}
