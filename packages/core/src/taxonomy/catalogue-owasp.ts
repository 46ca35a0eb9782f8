import type { EventTypeDefinition } from './definition';
import { ecs, entry } from './entry';
import {
  ACCOUNT_CHANGE,
  API_ACTIVITY,
  APPLICATION_LIFECYCLE,
  AUTHENTICATION,
  DATASTORE_ACTIVITY,
  DETECTION_FINDING,
  ENTITY_MANAGEMENT,
  FILE_HOSTING_ACTIVITY,
  SCAN_ACTIVITY,
  USER_ACCESS_MANAGEMENT,
  WEB_RESOURCE_ACCESS_ACTIVITY,
} from './ocsf-classes';

/**
 * Every event of the OWASP Application Logging Vocabulary cheat sheet (one per `###` heading, 49 in
 * all), each under a dotted name with its OWASP token as an alias.
 *
 * Base risks follow the cheat sheet's level where it gives one (INFO ≈ 1–3, WARN ≈ 4–6,
 * CRITICAL ≈ 7–9) and leave room for the scorer's modifiers: a CRITICAL-level event reaches
 * CRITICAL severity once an anonymous actor, a privileged target or a signal adds to it.
 */
export const OWASP_EVENT_TYPES: readonly EventTypeDefinition[] = Object.freeze([
  // Authentication [AUTHN]
  entry('auth.login_success', {
    owasp: 'authn_login_success',
    description: 'User logged in',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['authentication'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.login_success_after_failure', {
    owasp: 'authn_login_successafterfail',
    description: 'User logged in after failed attempts',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['authentication'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.login_failure', {
    owasp: 'authn_login_fail',
    description: 'User login failed',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['authentication'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.login_failure_limit', {
    owasp: 'authn_login_fail_max',
    description: 'User reached the failed login limit',
    defaultOutcome: 'failure',
    baseRisk: 7,
    ecs: ecs(['authentication'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.account_locked', {
    owasp: 'authn_login_lock',
    description: 'User account locked',
    defaultOutcome: 'success',
    baseRisk: 6,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(9, 'Lock'),
  }),
  entry('auth.password_change', {
    owasp: 'authn_password_change',
    description: 'User changed their password',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(3, 'Password Change'),
  }),
  entry('auth.password_change_failure', {
    owasp: 'authn_password_change_fail',
    description: 'Password change failed',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(3, 'Password Change'),
  }),
  entry('auth.impossible_travel', {
    owasp: 'authn_impossible_travel',
    description: 'User seen in two distant places too close in time',
    defaultOutcome: 'unknown',
    baseRisk: 9,
    ecs: ecs(['authentication', 'intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('auth.token_created', {
    owasp: 'authn_token_created',
    description: 'Access token created',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['iam'], ['creation']),
    ocsf: ENTITY_MANAGEMENT(1, 'Create'),
  }),
  entry('auth.token_revoked', {
    owasp: 'authn_token_revoked',
    description: 'Access token revoked',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['change']),
    ocsf: ENTITY_MANAGEMENT(9, 'Disable'),
  }),
  entry('auth.token_reuse', {
    owasp: 'authn_token_reuse',
    description: 'Revoked token presented again',
    defaultOutcome: 'failure',
    baseRisk: 8,
    ecs: ecs(['authentication'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('auth.token_deleted', {
    owasp: 'authn_token_delete',
    description: 'Access token deleted',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['deletion']),
    ocsf: ENTITY_MANAGEMENT(4, 'Delete'),
  }),

  // Authorization [AUTHZ]
  entry('authz.access_denied', {
    owasp: 'authz_fail',
    description: 'Access to a resource denied',
    defaultOutcome: 'failure',
    baseRisk: 6,
    ecs: ecs(['api'], ['access', 'denied']),
    ocsf: WEB_RESOURCE_ACCESS_ACTIVITY(2, 'Access Deny'),
  }),
  entry('authz.entitlement_change', {
    owasp: 'authz_change',
    description: 'User entitlements changed',
    defaultOutcome: 'success',
    baseRisk: 6,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: USER_ACCESS_MANAGEMENT(1, 'Assign Privileges'),
  }),
  entry('authz.admin_activity', {
    owasp: 'authz_admin',
    description: 'Privileged user activity',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['iam'], ['admin']),
    ocsf: API_ACTIVITY(99, 'Other'),
  }),

  // Encryption/Decryption [CRYPT]
  entry('crypto.decrypt_failure', {
    owasp: 'crypt_decrypt_fail',
    description: 'Decryption failed',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['database'], ['error']),
    ocsf: DATASTORE_ACTIVITY(10, 'Decrypt'),
  }),
  entry('crypto.encrypt_failure', {
    owasp: 'crypt_encrypt_fail',
    description: 'Encryption failed',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['database'], ['error']),
    ocsf: DATASTORE_ACTIVITY(9, 'Encrypt'),
  }),

  // Excessive Use [EXCESS]
  entry('rate_limit.exceeded', {
    owasp: 'excess_rate_limit_exceeded',
    description: 'Rate limit exceeded',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['api'], ['denied']),
    ocsf: WEB_RESOURCE_ACCESS_ACTIVITY(2, 'Access Deny'),
  }),

  // File Upload [UPLOAD]
  entry('upload.complete', {
    owasp: 'upload_complete',
    description: 'File upload completed',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['file'], ['creation']),
    ocsf: FILE_HOSTING_ACTIVITY(1, 'Upload'),
  }),
  entry('upload.stored', {
    owasp: 'upload_stored',
    description: 'Uploaded file stored under a new name',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['file'], ['change']),
    ocsf: FILE_HOSTING_ACTIVITY(7, 'Move'),
  }),
  entry('upload.validation', {
    owasp: 'upload_validation',
    description: 'Uploaded file validated',
    defaultOutcome: 'unknown',
    baseRisk: 3,
    ecs: ecs(['file'], ['info']),
    ocsf: SCAN_ACTIVITY(2, 'Completed'),
  }),
  entry('upload.deleted', {
    owasp: 'upload_delete',
    description: 'Uploaded file deleted',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['file'], ['deletion']),
    ocsf: FILE_HOSTING_ACTIVITY(4, 'Delete'),
  }),

  // Input Validation [INPUT]
  entry('input.validation_failure', {
    owasp: 'input_validation_fail',
    description: 'Input failed validation',
    defaultOutcome: 'failure',
    baseRisk: 3,
    ecs: ecs(['web'], ['error']),
    ocsf: API_ACTIVITY(99, 'Other'),
  }),
  entry('input.discrete_validation_failure', {
    owasp: 'input_validation_discrete_fail',
    description: 'Input outside its fixed list of options',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['web'], ['error']),
    ocsf: API_ACTIVITY(99, 'Other'),
  }),

  // Malicious Behavior [MALICIOUS]
  entry('malicious.excess_404', {
    owasp: 'malicious_excess_404',
    description: 'Many requests for missing resources',
    defaultOutcome: 'unknown',
    baseRisk: 5,
    ecs: ecs(['intrusion_detection', 'web'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('malicious.extraneous_input', {
    owasp: 'malicious_extraneous',
    description: 'Request carried fields the handler does not accept',
    defaultOutcome: 'unknown',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('malicious.attack_tool', {
    owasp: 'malicious_attack_tool',
    description: 'Attack tool detected',
    defaultOutcome: 'unknown',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['info'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('malicious.cors_violation', {
    owasp: 'malicious_cors',
    description: 'Cross-origin request from an unauthorised origin',
    defaultOutcome: 'failure',
    baseRisk: 6,
    ecs: ecs(['intrusion_detection'], ['denied'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),
  entry('malicious.direct_reference', {
    owasp: 'malicious_direct_reference',
    description: 'Direct access to an object without authority',
    defaultOutcome: 'failure',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['denied'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),

  // Privilege Changes [PRIVILEGE]
  entry('privilege.permissions_change', {
    owasp: 'privilege_permissions_changed',
    description: 'Object permissions changed',
    defaultOutcome: 'success',
    baseRisk: 6,
    ecs: ecs(['iam'], ['change']),
    ocsf: ENTITY_MANAGEMENT(3, 'Update'),
  }),

  // Sensitive Data Changes [DATA]
  entry('data.create_sensitive', {
    owasp: 'sensitive_create',
    description: 'Sensitive data created',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['database'], ['change']),
    ocsf: API_ACTIVITY(1, 'Create'),
  }),
  entry('data.access_sensitive', {
    owasp: 'sensitive_read',
    description: 'Sensitive data read',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['database'], ['access']),
    ocsf: API_ACTIVITY(2, 'Read'),
  }),
  entry('data.update_sensitive', {
    owasp: 'sensitive_update',
    description: 'Sensitive data modified',
    defaultOutcome: 'success',
    baseRisk: 5,
    ecs: ecs(['database'], ['change']),
    ocsf: API_ACTIVITY(3, 'Update'),
  }),
  entry('data.delete_sensitive', {
    owasp: 'sensitive_delete',
    description: 'Sensitive data marked for deletion',
    defaultOutcome: 'success',
    baseRisk: 6,
    ecs: ecs(['database'], ['change', 'deletion']),
    ocsf: API_ACTIVITY(4, 'Delete'),
  }),

  // Sequence Errors [SEQUENCE]
  entry('business.sequence_failure', {
    owasp: 'sequence_fail',
    description: 'Application flow reached out of sequence',
    defaultOutcome: 'failure',
    baseRisk: 7,
    ecs: ecs(['intrusion_detection'], ['denied'], 'alert'),
    ocsf: DETECTION_FINDING(1, 'Create'),
  }),

  // Session Management [SESSION]
  entry('session.created', {
    owasp: 'session_created',
    description: 'Session started',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['session'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),
  entry('session.renewed', {
    owasp: 'session_renewed',
    description: 'Session extended',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['session'], ['info']),
    ocsf: AUTHENTICATION(99, 'Other'),
  }),
  entry('session.expired', {
    owasp: 'session_expired',
    description: 'Session expired',
    defaultOutcome: 'success',
    baseRisk: 1,
    ecs: ecs(['session'], ['end']),
    ocsf: AUTHENTICATION(2, 'Logoff'),
  }),
  entry('session.use_after_expire', {
    owasp: 'session_use_after_expire',
    description: 'Expired session used',
    defaultOutcome: 'failure',
    baseRisk: 6,
    ecs: ecs(['session'], ['start']),
    ocsf: AUTHENTICATION(1, 'Logon'),
  }),

  // System Events [SYS]
  entry('system.startup', {
    owasp: 'sys_startup',
    description: 'Service started',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['process'], ['start']),
    ocsf: APPLICATION_LIFECYCLE(3, 'Start'),
  }),
  entry('system.shutdown', {
    owasp: 'sys_shutdown',
    description: 'Service stopped',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['process'], ['end']),
    ocsf: APPLICATION_LIFECYCLE(4, 'Stop'),
  }),
  entry('system.restart', {
    owasp: 'sys_restart',
    description: 'Service restarted',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['process'], ['start']),
    ocsf: APPLICATION_LIFECYCLE(5, 'Restart'),
  }),
  entry('system.crash', {
    owasp: 'sys_crash',
    description: 'Service crashed',
    defaultOutcome: 'failure',
    baseRisk: 5,
    ecs: ecs(['process'], ['end']),
    ocsf: APPLICATION_LIFECYCLE(4, 'Stop'),
  }),
  entry('system.monitor_disabled', {
    owasp: 'sys_monitor_disabled',
    description: 'Security monitor disabled',
    defaultOutcome: 'success',
    baseRisk: 7,
    ecs: ecs(['configuration'], ['change']),
    ocsf: APPLICATION_LIFECYCLE(7, 'Disable'),
  }),
  entry('system.monitor_enabled', {
    owasp: 'sys_monitor_enabled',
    description: 'Security monitor enabled',
    defaultOutcome: 'success',
    baseRisk: 2,
    ecs: ecs(['configuration'], ['change']),
    ocsf: APPLICATION_LIFECYCLE(6, 'Enable'),
  }),

  // User Management [USER]
  entry('user.created', {
    owasp: 'user_created',
    description: 'User account created',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['creation', 'user']),
    ocsf: ACCOUNT_CHANGE(1, 'Create'),
  }),
  entry('user.updated', {
    owasp: 'user_updated',
    description: 'User account updated',
    defaultOutcome: 'success',
    baseRisk: 3,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(99, 'Other'),
  }),
  entry('user.archived', {
    owasp: 'user_archived',
    description: 'User account archived',
    defaultOutcome: 'success',
    baseRisk: 4,
    ecs: ecs(['iam'], ['change', 'user']),
    ocsf: ACCOUNT_CHANGE(5, 'Disable'),
  }),
  entry('user.deleted', {
    owasp: 'user_deleted',
    description: 'User account deleted',
    defaultOutcome: 'success',
    baseRisk: 5,
    ecs: ecs(['iam'], ['deletion', 'user']),
    ocsf: ACCOUNT_CHANGE(6, 'Delete'),
  }),
]);
