/**
 * The ECS 9.x allowed values for `event.kind`, `event.category` and `event.type`. Kept as data so that
 * a registration from plain JavaScript is checked at run time as well as by the compiler; the taxonomy
 * tests compare these lists with ECS's own `ecs_flat.yml`.
 */

export const ECS_EVENT_KINDS = [
  'alert',
  'asset',
  'enrichment',
  'event',
  'metric',
  'state',
  'pipeline_error',
  'signal',
] as const;

export const ECS_EVENT_CATEGORIES = [
  'api',
  'authentication',
  'configuration',
  'database',
  'driver',
  'email',
  'file',
  'host',
  'iam',
  'intrusion_detection',
  'library',
  'malware',
  'network',
  'package',
  'process',
  'registry',
  'session',
  'threat',
  'vulnerability',
  'web',
] as const;

export const ECS_EVENT_TYPES = [
  'access',
  'admin',
  'allowed',
  'change',
  'connection',
  'creation',
  'deletion',
  'denied',
  'device',
  'end',
  'error',
  'group',
  'indicator',
  'info',
  'installation',
  'protocol',
  'start',
  'user',
] as const;

export type EcsEventKind = (typeof ECS_EVENT_KINDS)[number];
export type EcsEventCategory = (typeof ECS_EVENT_CATEGORIES)[number];
export type EcsEventType = (typeof ECS_EVENT_TYPES)[number];
