import type { SecurityEvent } from '../event';
import {
  ocsfActor,
  ocsfHttpRequest,
  ocsfHttpResponse,
  ocsfSrcEndpoint,
  ocsfUser,
  privilegesOf,
  targetName,
  type OcsfObject,
} from './ocsf-objects';

/** What an OCSF class allows beyond the base event, and what it requires. */
interface ClassShape {
  /** Whether the class defines `actor` itself; other classes carry it through OCSF's host profile. */
  nativeActor: boolean;
  srcEndpoint: 'no' | 'optional' | 'required';
  http: 'no' | 'optional' | 'required';
  /** Classes that include OCSF's `trace` profile. */
  trace: boolean;
  /** Fills the class's own required objects. */
  fill?: (event: SecurityEvent, out: OcsfObject) => void;
}

const IAM: ClassShape = { nativeActor: true, srcEndpoint: 'optional', http: 'optional', trace: false };
const APPLICATION: ClassShape = { nativeActor: true, srcEndpoint: 'optional', http: 'optional', trace: false };
const BARE: ClassShape = { nativeActor: false, srcEndpoint: 'no', http: 'no', trace: false };

const fileName = (event: SecurityEvent) => targetName(event).split('/').filter(Boolean).pop() ?? targetName(event);

/** Keyed by `class_uid`; a class not listed is written as its base-event part only. */
export const OCSF_CLASS_SHAPES: Readonly<Record<number, ClassShape>> = Object.freeze({
  // Event Log Activity: names the log it acted on.
  1008: { ...BARE, srcEndpoint: 'optional', fill: (e, out) => (out.log_name = targetName(e)) },
  // Detection Finding: the actor is evidence, the finding is the event itself.
  2004: {
    ...BARE,
    fill: (e, out) => {
      out.finding_info = { uid: e.event_id, title: e.message, types: [e.event_type], created_time: Date.parse(e.timestamp) };
      const evidence: OcsfObject = { actor: ocsfActor(e.actor) };
      const src = ocsfSrcEndpoint(e.actor, false);
      if (src) evidence.src_endpoint = src;
      out.evidences = [evidence];
      out.is_alert = e.severity === 'HIGH' || e.severity === 'CRITICAL';
      if (e.target !== undefined) out.resources = [{ name: e.target }];
    },
  },
  3001: { ...IAM, fill: (e, out) => (out.user = ocsfUser(e.actor)) },
  3002: {
    ...IAM,
    fill: (e, out) => {
      out.user = ocsfUser(e.actor);
      out.service = { name: e.service };
      if (e.actor.session_id) out.session = { uid: e.actor.session_id };
    },
  },
  3004: { ...IAM, fill: (e, out) => (out.entity = { name: targetName(e) }) },
  3005: {
    ...IAM,
    fill: (e, out) => {
      out.user = ocsfUser(e.actor);
      out.privileges = privilegesOf(e);
      if (e.target !== undefined) out.resources = [{ name: e.target }];
    },
  },
  // HTTP Activity needs a request or a response.
  4002: { ...APPLICATION, nativeActor: false, http: 'required', trace: true },
  6001: { ...APPLICATION, nativeActor: false, fill: (e, out) => (out.web_resources = [{ name: targetName(e) }]) },
  6002: { ...BARE, fill: (e, out) => (out.app = { name: e.service }) },
  6003: {
    ...APPLICATION,
    srcEndpoint: 'required',
    trace: true,
    fill: (e, out) => {
      out.api = { operation: e.event_type, service: { name: e.service } };
      if (e.target !== undefined) out.resources = [{ name: e.target }];
    },
  },
  6004: { ...APPLICATION, nativeActor: false, http: 'required', fill: (e, out) => (out.web_resources = [{ name: targetName(e) }]) },
  6005: { ...APPLICATION, srcEndpoint: 'required', fill: (e, out) => (out.table = { name: targetName(e) }) },
  6006: {
    ...APPLICATION,
    srcEndpoint: 'required',
    fill: (e, out) => (out.file = { name: fileName(e), type_id: 0, type: 'Unknown' }),
  },
  6007: { ...APPLICATION, nativeActor: false, srcEndpoint: 'no', http: 'no', fill: (e, out) => (out.scan = { type_id: 0, type: 'Unknown', name: targetName(e) }) },
});

export const BASE_SHAPE: ClassShape = BARE;

/** Adds the class's objects to `out`; returns the OCSF profiles the record uses. */
export function fillClass(shape: ClassShape, event: SecurityEvent, out: OcsfObject): string[] {
  const profiles = ['security_control'];
  out.actor = ocsfActor(event.actor);
  if (!shape.nativeActor) profiles.push('host');
  if (shape.srcEndpoint !== 'no') {
    const src = ocsfSrcEndpoint(event.actor, shape.srcEndpoint === 'required');
    if (src) out.src_endpoint = src;
  }
  if (shape.http !== 'no') {
    const request = ocsfHttpRequest(event, shape.http === 'required');
    if (request) out.http_request = request;
    const response = ocsfHttpResponse(event);
    if (response) out.http_response = response;
  }
  shape.fill?.(event, out);
  if (shape.trace && event.trace_id) {
    out.trace = { uid: event.trace_id };
    profiles.push('trace');
  }
  return profiles;
}
