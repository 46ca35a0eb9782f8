import * as core from '@seclog/core';
import { describe, expect, it } from 'vitest';

describe('@seclog/core entry point', () => {
  it('exports the taxonomy and risk API', () => {
    const names = [
      'EVENT_TYPES',
      'createTaxonomy',
      'defaultTaxonomy',
      'registerEventType',
      'DEFAULT_BASE_RISK',
      'MAX_EVENT_TYPE_LENGTH',
      'MAX_OWASP_EVENT_LENGTH',
      'ECS_EVENT_KINDS',
      'ECS_EVENT_CATEGORIES',
      'ECS_EVENT_TYPES',
      'scoreRisk',
      'createRiskScorer',
      'severityFromScore',
      'validateSeverityBands',
      'DEFAULT_SEVERITY_BANDS',
      'DEFAULT_RISK_WEIGHTS',
      'DEFAULT_PRIVILEGED_TARGETS',
      'DEFAULT_SIGNAL_WEIGHTS',
      'DEFAULT_UNKNOWN_SIGNAL_WEIGHT',
      'MAX_SIGNALS',
    ];
    for (const name of names) expect(core, name).toHaveProperty(name);
  });

  it('scores through the entry point with the same default taxonomy the logger uses', () => {
    const { score, reasons } = core.scoreRisk({ eventType: 'authn_login_fail', actor: { type: 'anonymous' } });
    expect(score).toBe(6);
    expect(reasons).toEqual(['base:auth.login_failure=5', 'actor:anonymous+1']);
    expect(core.severityFromScore(score)).toBe('MEDIUM');
    expect(core.defaultTaxonomy.resolve('auth.login_failure')).toBe(core.EVENT_TYPES.find((d) => d.name === 'auth.login_failure'));
  });

  it('logs an OWASP token under its dotted name, scored and with the taxonomy description', () => {
    const sink = core.memorySink();
    const logger = core.createSecurityLogger({ service: 'svc', sinks: [sink] });
    const event = logger.log({ eventType: 'authn_login_fail:joebob1', actor: 'joebob1' });
    expect(event.event_type).toBe('auth.login_failure');
    expect(event.message).toBe('User login failed');
    expect(event.risk_score).toBe(5);
    expect(event.severity).toBe('MEDIUM');
    expect(() => logger.log({ eventType: 'Login Failed' })).toThrow(core.SecurityEventError);
    return logger.close();
  });
});
