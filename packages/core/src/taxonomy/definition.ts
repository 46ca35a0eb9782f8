import type { Outcome } from '../event';
import type { EcsEventCategory, EcsEventKind, EcsEventType } from './ecs-values';

/** Where an event type lands in Elastic Common Schema: `event.kind`, `event.category`, `event.type`. */
export interface EcsMapping {
  readonly kind: EcsEventKind;
  readonly category: readonly EcsEventCategory[];
  readonly type: readonly EcsEventType[];
}

/** Where an event type lands in OCSF 1.8: its event class and the activity within it. */
export interface OcsfMapping {
  /** `category_uid * 1000 + class`, e.g. 3002 for Authentication. */
  readonly classUid: number;
  readonly className: string;
  readonly categoryUid: number;
  /** A value of the class's `activity_id` enum; 99 is OCSF's "Other". */
  readonly activityId: number;
  readonly activityName: string;
}

/** One entry of the taxonomy. */
export interface EventTypeDefinition {
  /** Dotted `category.action` name, e.g. `auth.login_failure`. This is what `event_type` carries. */
  readonly name: string;
  /** Token of the OWASP Application Logging Vocabulary, e.g. `authn_login_fail`; accepted as an alias. */
  readonly owasp?: string;
  /** The first segment of `name`. */
  readonly category: string;
  /** Short human text, used as the event's message when the caller gives none. */
  readonly description: string;
  readonly defaultOutcome: Outcome;
  /** 0–10, the scorer's starting point before modifiers. */
  readonly baseRisk: number;
  readonly ecs: EcsMapping;
  readonly ocsf: OcsfMapping;
  /** Set on the entry `resolve()` makes up for a well-formed name nobody registered. */
  readonly synthetic?: true;
}

/** What `register()` takes: the name and base risk, the rest defaults from the name's category. */
export interface EventTypeRegistration {
  name: string;
  baseRisk: number;
  owasp?: string;
  /** When given, must equal the first segment of `name`. */
  category?: string;
  description?: string;
  defaultOutcome?: Outcome;
  ecs?: EcsMapping;
  ocsf?: OcsfMapping;
}
