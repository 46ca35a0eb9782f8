import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/event';
import { severityFromScore } from '../../src/risk';
import { EVENT_TYPES, defaultTaxonomy } from '../../src/taxonomy';

/**
 * The events of the OWASP Application Logging Vocabulary cheat sheet, one per `###` heading,
 * transcribed section by section from the cheat sheet itself.
 */
const OWASP_VOCABULARY: Record<string, readonly string[]> = {
  AUTHN: [
    'authn_login_success',
    'authn_login_successafterfail',
    'authn_login_fail',
    'authn_login_fail_max',
    'authn_login_lock',
    'authn_password_change',
    'authn_password_change_fail',
    'authn_impossible_travel',
    'authn_token_created',
    'authn_token_revoked',
    'authn_token_reuse',
    'authn_token_delete',
  ],
  AUTHZ: ['authz_fail', 'authz_change', 'authz_admin'],
  CRYPT: ['crypt_decrypt_fail', 'crypt_encrypt_fail'],
  EXCESS: ['excess_rate_limit_exceeded'],
  UPLOAD: ['upload_complete', 'upload_stored', 'upload_validation', 'upload_delete'],
  INPUT: ['input_validation_fail', 'input_validation_discrete_fail'],
  MALICIOUS: [
    'malicious_excess_404',
    'malicious_extraneous',
    'malicious_attack_tool',
    'malicious_cors',
    'malicious_direct_reference',
  ],
  PRIVILEGE: ['privilege_permissions_changed'],
  DATA: ['sensitive_create', 'sensitive_read', 'sensitive_update', 'sensitive_delete'],
  SEQUENCE: ['sequence_fail'],
  SESSION: ['session_created', 'session_renewed', 'session_expired', 'session_use_after_expire'],
  SYS: ['sys_startup', 'sys_shutdown', 'sys_restart', 'sys_crash', 'sys_monitor_disabled', 'sys_monitor_enabled'],
  USER: ['user_created', 'user_updated', 'user_archived', 'user_deleted'],
};
const ALL_OWASP_TOKENS = Object.values(OWASP_VOCABULARY).flat();

describe('built-in catalogue', () => {
  it('covers every event of the OWASP vocabulary, and nothing else under an OWASP token', () => {
    expect(ALL_OWASP_TOKENS).toHaveLength(49);
    expect(new Set(ALL_OWASP_TOKENS).size).toBe(49);
    const catalogued = EVENT_TYPES.flatMap((d) => (d.owasp === undefined ? [] : [d.owasp]));
    expect(catalogued).toHaveLength(49);
    expect([...catalogued].sort()).toEqual([...ALL_OWASP_TOKENS].sort());
  });

  it.each(ALL_OWASP_TOKENS)('%s resolves to a dotted entry carrying that token', (token) => {
    const definition = defaultTaxonomy.resolve(token);
    expect(definition.owasp).toBe(token);
    expect(definition.name).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
    expect(defaultTaxonomy.resolve(definition.name)).toBe(definition);
  });

  it('holds the project families the other packages emit', () => {
    const names = new Set(EVENT_TYPES.map((d) => d.name));
    for (const name of [
      'auth.login_success',
      'auth.login_failure',
      'auth.logout',
      'auth.mfa_failure',
      'auth.privilege_escalation',
      'auth.password_change',
      'auth.token_revoked',
      'authz.access_denied',
      'data.access_sensitive',
      'data.export',
      'data.delete',
      'http.error_response',
      'input.validation_failure',
      'config.change',
      'session.created',
      'session.expired',
      'system.startup',
      'system.shutdown',
      'alert.threshold',
      'alert.risk_accumulation',
      'alert.anomaly',
      'alert.sequence',
      'alert.responder_action',
      'seclog.events_dropped',
      'seclog.events_suppressed',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('maps the OWASP tokens the brief and the adapters rely on to the expected names', () => {
    expect(defaultTaxonomy.resolve('authn_login_fail').name).toBe('auth.login_failure');
    expect(defaultTaxonomy.resolve('authn_login_success').name).toBe('auth.login_success');
    expect(defaultTaxonomy.resolve('authz_fail').name).toBe('authz.access_denied');
    expect(defaultTaxonomy.resolve('input_validation_fail').name).toBe('input.validation_failure');
    expect(defaultTaxonomy.resolve('sensitive_read').name).toBe('data.access_sensitive');
    expect(defaultTaxonomy.resolve('sys_startup').name).toBe('system.startup');
    expect(defaultTaxonomy.resolve('authn_token_revoked').name).toBe('auth.token_revoked');
  });

  it('has unique names, a category equal to the first segment, and sane fields', () => {
    expect(new Set(EVENT_TYPES.map((d) => d.name)).size).toBe(EVENT_TYPES.length);
    for (const d of EVENT_TYPES) {
      expect(d.category, d.name).toBe(d.name.split('.')[0]);
      expect(d.baseRisk, d.name).toBeGreaterThanOrEqual(0);
      expect(d.baseRisk, d.name).toBeLessThanOrEqual(10);
      expect(OUTCOMES, d.name).toContain(d.defaultOutcome);
      expect(d.description.length, d.name).toBeGreaterThan(0);
      expect(d.description.length, d.name).toBeLessThanOrEqual(80);
      expect(d.synthetic, d.name).toBeUndefined();
    }
  });

  it('reaches every severity from base risks alone, in the order the vocabulary implies', () => {
    const severityOf = (name: string) => severityFromScore(defaultTaxonomy.resolve(name).baseRisk);
    expect(severityOf('auth.login_success')).toBe('LOW');
    expect(severityOf('auth.login_failure')).toBe('MEDIUM');
    expect(severityOf('auth.login_failure_limit')).toBe('HIGH');
    expect(severityOf('auth.impossible_travel')).toBe('CRITICAL');
    const severities = new Set(EVENT_TYPES.map((d) => severityFromScore(d.baseRisk)));
    expect([...severities].sort()).toEqual(['CRITICAL', 'HIGH', 'LOW', 'MEDIUM']);
  });

  it('is frozen all the way down', () => {
    expect(Object.isFrozen(EVENT_TYPES)).toBe(true);
    for (const d of EVENT_TYPES) {
      expect(Object.isFrozen(d)).toBe(true);
      expect(Object.isFrozen(d.ecs)).toBe(true);
      expect(Object.isFrozen(d.ecs.category)).toBe(true);
      expect(Object.isFrozen(d.ecs.type)).toBe(true);
      expect(Object.isFrozen(d.ocsf)).toBe(true);
    }
    expect(() => {
      (EVENT_TYPES[0] as { baseRisk: number }).baseRisk = 10;
    }).toThrow(TypeError);
  });
});
