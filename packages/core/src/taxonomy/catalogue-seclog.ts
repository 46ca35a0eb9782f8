import type { EventTypeDefinition } from './definition';
import { ecs, entry } from './entry';
import {
  ACCOUNT_CHANGE,
  API_ACTIVITY,
  AUTHENTICATION,
  DETECTION_FINDING,
  EVENT_LOG_ACTIVITY,
  HTTP_ACTIVITY,
  USER_ACCESS_MANAGEMENT,
  WEB_RESOURCES_ACTIVITY,
} from './ocsf-classes';

/** @seclog's own event types: what the OWASP vocabulary lacks, and what the adapters, alerts and logger emit. */
export const SECLOG_EVENT_TYPES: readonly EventTypeDefinition[] = Object.freeze([
  // Authentication
  entry('auth.logout', {
    description: 'User logged out',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['authentication', 'session'], ['end']),
    ocsf: AUTHENTICATION(2, 'Logoff'),
  }),
  entry('auth.mfa_success', {
    description: 'Second factor accepted',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['authentication'], ['info']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.mfa_failure', {
    description: 'Second factor rejected',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['authentication'], ['info']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.mfa_enabled', {
    description: 'Second factor enrolled',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(10, 'MFA Factor Enable'),
  }),
  entry('auth.mfa_disabled', {
    description: 'Second factor removed',
    defaultOutcome: 'success',
    baseRisk: 6,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(11, 'MFA Factor Disable'),
  }),
  entry('auth.password_reset', {
    description: 'Password reset',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(4, 'Password Reset'),
  }),
  entry('auth.account_unlocked', {
    description: 'User account unlocked',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(12, 'Unlock'),
  }),
  entry('auth.privilege_escalation', {
    description: 'Actor gained higher privileges',
    defaultOutcome: 'success',
    baseRisk: 8,
    ecs: ecs(['iam'], ['change', 'admin']),
    ocsf: USER_ACCESS_MANAGEMENT(1, 'Assign Privileges'),
  }),

  // Data
  entry('data.export', {
    description: 'Data exported',
    defaultOutcome: 'success',
    baseRisk: 5,
    ecs: ecs(['database'], ['access']),
    ocsf: WEB_RESOURCES_ACTIVITY(7, 'Export'),
  }),
  entry('data.delete', {
    description: 'Data deleted',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['database'], ['change', 'deletion']),
    ocsf: API_ACTIVITY(4, 'Delete'),
  }),

  // HTTP; adapters emit this for 4xx/5xx responses and raise 401/403 with the http_401/http_403 signals.
  entry('http.error_response', {
    description: 'Request answered with an error status',
    defaultOutcome: 'failure',
    baseRisk: 3,
    ecs: ecs(['web'], ['error']),
    ocsf: HTTP_ACTIVITY(99, 'Other'),
  }),

  // Configuration
  entry('config.change', {
    description: 'Configuration changed',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['configuration'], ['change']),
    ocsf: API_ACTIVITY(3, 'Update'),
  }),

  // Sessions beyond the OWASP lifecycle
  entry('session.revoked', {
    description: 'Session revoked',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['session'], ['end']),
    ocsf: AUTHENTICATION(2, 'Logoff'),
  }),
  entry('session.hijack_suspected', {
    description: 'Session used from an unexpected client',
    defaultOutcome: 'unknown',
    baseRisk: 8,
    ecs: ecs(['session', 'intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),

  // Alerts raised by @seclog/alerts
  entry('alert.threshold', {
    description: 'Event count crossed a threshold',
    defaultOutcome: 'unknown',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('alert.risk_accumulation', {
    description: 'Accumulated risk crossed a threshold',
    defaultOutcome: 'unknown',
    baseRisk: 8,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('alert.anomaly', {
    description: 'Event rate departed from its baseline',
    defaultOutcome: 'unknown',
    baseRisk: 6,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('alert.sequence', {
    description: 'Suspicious sequence of events',
    defaultOutcome: 'unknown',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('alert.responder_action', {
    description: 'Responder acted on an alert',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['intrusion_detection'], ['info']),
    ocsf: DETECTION_FINDING(2, 'Update'),
  }),

  // The logger reporting on itself. Drops are HIGH so that the report survives the load that caused it.
  entry('seclog.events_dropped', {
    description: 'Security events dropped under load',
    defaultOutcome: 'failure',
    baseRisk: 7,
    ecs: ecs(['process'], ['info']),
    ocsf: EVENT_LOG_ACTIVITY(99, 'Other'),
  }),
  entry('seclog.events_suppressed', {
    description: 'Repeated security events suppressed',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['process'], ['info']),
    ocsf: EVENT_LOG_ACTIVITY(99, 'Other'),
  }),
  entry('seclog.sink_failure', {
    description: 'A sink failed to deliver security events',
    defaultOutcome: 'failure',
    baseRisk: 6,
    ecs: ecs(['process'], ['info']),
    ocsf: EVENT_LOG_ACTIVITY(99, 'Other'),
  }),
  entry('seclog.integrity_failure', {
    description: 'Security log failed its integrity check',
    defaultOutcome: 'failure',
    baseRisk: 9,
    ecs: ecs(['file'], ['change'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
]);
