import type { Outcome } from '../event';
import type { EcsMapping, EventTypeDefinition, OcsfMapping } from './definition';
import type { EcsEventCategory, EcsEventKind, EcsEventType } from './ecs-values';

/** Builds a frozen ECS mapping; most security events are of kind `event`, detections are `alert`. */
export function ecs(
  category: readonly EcsEventCategory[],
  type: readonly EcsEventType[],
  kind: EcsEventKind = 'event',
): EcsMapping {
  return Object.freeze({ kind, category: Object.freeze([...category]), type: Object.freeze([...type]) });
}

interface EntryFields {
  owasp?: string;
  description: string;
  defaultOutcome: Outcome;
  baseRisk: number;
  ecs: EcsMapping;
  ocsf: OcsfMapping;
}

/** A catalogue entry: the category is the name's first segment, so the two cannot disagree. */
export function entry(name: string, fields: EntryFields): EventTypeDefinition {
  const category = name.slice(0, name.indexOf('.'));
  const { owasp, ...rest } = fields;
  return Object.freeze(owasp === undefined ? { name, category, ...rest } : { name, owasp, category, ...rest });
}
