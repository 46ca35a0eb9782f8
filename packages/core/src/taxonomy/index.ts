export type { EcsMapping, OcsfMapping, EventTypeDefinition, EventTypeRegistration } from './definition';
export { ECS_EVENT_KINDS, ECS_EVENT_CATEGORIES, ECS_EVENT_TYPES } from './ecs-values';
export type { EcsEventKind, EcsEventCategory, EcsEventType } from './ecs-values';
export { MAX_EVENT_TYPE_LENGTH, MAX_OWASP_EVENT_LENGTH } from './event-type-name';
export { DEFAULT_BASE_RISK } from './normalise-registration';
export { EVENT_TYPES, createTaxonomy } from './registry';
export type { Taxonomy, ParsedEventType } from './registry';
export { defaultTaxonomy, registerEventType } from './default-taxonomy';
