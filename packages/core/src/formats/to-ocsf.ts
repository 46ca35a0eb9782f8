import type { Outcome, SecurityEvent } from '../event';
import type { EventTypeDefinition } from '../taxonomy';
import { BASE_SHAPE, OCSF_CLASS_SHAPES, fillClass } from './ocsf-classes';
import type { OcsfObject } from './ocsf-objects';
import { RISK_LEVEL_ID, SEVERITY_CAPTION, SEVERITY_ID } from './severity-scale';

export const OCSF_VERSION = '1.8.0';

const CATEGORY_NAMES: Readonly<Record<number, string>> = Object.freeze({
  0: 'Uncategorized',
  1: 'System Activity',
  2: 'Findings',
  3: 'Identity & Access Management',
  4: 'Network Activity',
  5: 'Discovery',
  6: 'Application Activity',
});

const STATUS: Readonly<Record<Outcome, readonly [number, string]>> = Object.freeze({
  success: [1, 'Success'],
  failure: [2, 'Failure'],
  unknown: [0, 'Unknown'],
});

/** An OCSF 1.8 event record: a plain object whose keys are OCSF attribute names. */
export type OcsfRecord = OcsfObject & {
  class_uid: number;
  activity_id: number;
  category_uid: number;
  type_uid: number;
  severity_id: number;
  time: number;
  metadata: OcsfObject;
};

export function toOcsf(event: SecurityEvent, definition: EventTypeDefinition): OcsfRecord {
  const { classUid, className, categoryUid, activityId, activityName } = definition.ocsf;
  const time = Date.parse(event.timestamp);
  const metadata: OcsfObject = {
    uid: event.event_id,
    version: OCSF_VERSION,
    product: { name: '@seclog/core', vendor_name: 'seclog' },
    correlation_uid: event.correlation_id,
    event_code: event.event_type,
    log_name: 'security',
  };
  const record: OcsfRecord = {
    class_uid: classUid,
    class_name: className,
    category_uid: categoryUid,
    category_name: CATEGORY_NAMES[categoryUid] ?? 'Uncategorized',
    activity_id: activityId,
    activity_name: activityName,
    type_uid: classUid * 100 + activityId,
    type_name: `${className}: ${activityName}`,
    severity_id: SEVERITY_ID[event.severity],
    severity: SEVERITY_CAPTION[event.severity],
    time,
    timezone_offset: 0,
    message: event.message,
    metadata,
    // The security_control profile carries the risk attributes on every class.
    risk_score: Math.round(event.risk_score * 10),
    risk_level_id: RISK_LEVEL_ID[event.severity],
    risk_level: SEVERITY_CAPTION[event.severity],
  };
  if (classUid === 2004) {
    // A finding's status is its review state, not the outcome of the activity.
    record.status_id = 1;
    record.status = 'New';
  } else {
    const [statusId, status] = STATUS[event.outcome];
    record.status_id = statusId;
    record.status = status;
  }
  const shape = OCSF_CLASS_SHAPES[classUid] ?? BASE_SHAPE;
  const profiles = fillClass(shape, event, record);
  metadata.profiles = profiles;
  const usesTrace = profiles.includes('trace');

  const unmapped: OcsfObject = {
    schema: event.schema,
    event_type: event.event_type,
    service: event.service,
    outcome: event.outcome,
    risk_score: event.risk_score,
    risk_reasons: [...event.risk_reasons],
    actor: { ...event.actor },
    metadata: event.metadata,
  };
  if (event.target !== undefined) unmapped.target = event.target;
  if (event.trace_id && !usesTrace) unmapped.trace_id = event.trace_id;
  if (event.span_id) unmapped.span_id = event.span_id;
  if (event.integrity) unmapped.integrity = event.integrity;
  record.unmapped = { seclog: unmapped };
  return record;
}
