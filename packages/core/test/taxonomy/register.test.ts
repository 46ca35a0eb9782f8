import { describe, expect, it } from 'vitest';
import { SecurityEventError } from '../../src/errors';
import {
  EVENT_TYPES,
  createTaxonomy,
  defaultTaxonomy,
  registerEventType,
  type EventTypeRegistration,
} from '../../src/taxonomy';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecurityEventError);
    return (error as SecurityEventError).code;
  }
  throw new Error('expected a SecurityEventError, nothing was thrown');
}

describe('register', () => {
  it('adds a full definition that resolve() then returns, by name and by OWASP token', () => {
    const taxonomy = createTaxonomy();
    const registered = taxonomy.register({
      name: 'payment.refund_denied',
      owasp: 'payment_refund_fail',
      description: 'Refund refused',
      defaultOutcome: 'failure',
      baseRisk: 6,
      ecs: { kind: 'event', category: ['api'], type: ['denied'] },
      ocsf: { classUid: 6003, className: 'API Activity', categoryUid: 6, activityId: 3, activityName: 'Update' },
    });
    expect(registered).toMatchObject({ name: 'payment.refund_denied', category: 'payment', baseRisk: 6 });
    expect(registered.synthetic).toBeUndefined();
    expect(Object.isFrozen(registered)).toBe(true);
    expect(taxonomy.resolve('payment.refund_denied')).toBe(registered);
    expect(taxonomy.resolve('PAYMENT_refund_fail:order-7')).toBe(registered);
    expect(taxonomy.list()).toContain(registered);
  });

  it('fills in what a minimal registration leaves out from its category', () => {
    const taxonomy = createTaxonomy();
    const registered = taxonomy.register({ name: 'auth.passkey_added', baseRisk: 2 });
    expect(registered).toEqual({
      name: 'auth.passkey_added',
      category: 'auth',
      description: 'auth.passkey_added',
      defaultOutcome: 'unknown',
      baseRisk: 2,
      ecs: { kind: 'event', category: ['authentication'], type: ['info'] },
      ocsf: { classUid: 3002, className: 'Authentication', categoryUid: 3, activityId: 99, activityName: 'Other' },
    });
  });

  it('is idempotent for an identical definition and refuses a different one', () => {
    const taxonomy = createTaxonomy();
    const def: EventTypeRegistration = { name: 'orders.bulk_cancel', baseRisk: 4, description: 'Orders cancelled in bulk' };
    const first = taxonomy.register(def);
    expect(taxonomy.register({ ...def })).toBe(first);
    expect(codeOf(() => taxonomy.register({ ...def, baseRisk: 5 }))).toBe('EVENT_TYPE_CONFLICT');
    expect(codeOf(() => taxonomy.register({ ...def, description: 'other' }))).toBe('EVENT_TYPE_CONFLICT');
    expect(taxonomy.resolve('orders.bulk_cancel')).toBe(first);
  });

  it('refuses to redefine a built-in type, but accepts re-registering it unchanged', () => {
    const taxonomy = createTaxonomy();
    const builtIn = taxonomy.resolve('auth.login_failure');
    expect(codeOf(() => taxonomy.register({ ...builtIn, baseRisk: 1 }))).toBe('EVENT_TYPE_CONFLICT');
    expect(taxonomy.register({ ...builtIn })).toBe(builtIn);
  });

  it('refuses an OWASP token that already stands for another type', () => {
    const taxonomy = createTaxonomy();
    expect(codeOf(() => taxonomy.register({ name: 'auth.my_login_failure', owasp: 'authn_login_fail', baseRisk: 5 }))).toBe(
      'EVENT_TYPE_CONFLICT',
    );
    expect(taxonomy.resolve('authn_login_fail').name).toBe('auth.login_failure');
    expect(taxonomy.get('auth.my_login_failure')).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['missing name', { baseRisk: 1 }],
    ['empty name', { name: '', baseRisk: 1 }],
    ['not an object', null],
  ])('EVENT_TYPE_MISSING for %s', (_label, def) => {
    expect(codeOf(() => createTaxonomy().register(def as EventTypeRegistration))).toBe('EVENT_TYPE_MISSING');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an undotted name', { name: 'login', baseRisk: 1 }],
    ['an uppercase name', { name: 'Auth.Login', baseRisk: 1 }],
    ['a category other than the first segment', { name: 'auth.x', category: 'authz', baseRisk: 1 }],
    ['a malformed OWASP token', { name: 'auth.x', owasp: 'Authn-X', baseRisk: 1 }],
    ['a base risk above 10', { name: 'auth.x', baseRisk: 11 }],
    ['a negative base risk', { name: 'auth.x', baseRisk: -1 }],
    ['a NaN base risk', { name: 'auth.x', baseRisk: Number.NaN }],
    ['a string base risk', { name: 'auth.x', baseRisk: '5' }],
    ['an unknown outcome', { name: 'auth.x', baseRisk: 1, defaultOutcome: 'maybe' }],
    ['an empty description', { name: 'auth.x', baseRisk: 1, description: '' }],
    ['an ECS category ECS does not allow', { name: 'auth.x', baseRisk: 1, ecs: { kind: 'event', category: ['auth'], type: ['info'] } }],
    ['an ECS type ECS does not allow', { name: 'auth.x', baseRisk: 1, ecs: { kind: 'event', category: ['iam'], type: ['login'] } }],
    ['no ECS type', { name: 'auth.x', baseRisk: 1, ecs: { kind: 'event', category: ['iam'], type: [] } }],
    ['an ECS kind ECS does not allow', { name: 'auth.x', baseRisk: 1, ecs: { kind: 'log', category: [], type: ['info'] } }],
    [
      'an OCSF category that does not match the class',
      { name: 'auth.x', baseRisk: 1, ocsf: { classUid: 3002, className: 'Authentication', categoryUid: 6, activityId: 1, activityName: 'Logon' } },
    ],
    [
      'a fractional OCSF activity',
      { name: 'auth.x', baseRisk: 1, ocsf: { classUid: 3002, className: 'Authentication', categoryUid: 3, activityId: 1.5, activityName: 'Logon' } },
    ],
  ])('EVENT_TYPE_MALFORMED for %s', (_label, def) => {
    const taxonomy = createTaxonomy();
    expect(codeOf(() => taxonomy.register(def as unknown as EventTypeRegistration))).toBe('EVENT_TYPE_MALFORMED');
    expect(taxonomy.list()).toHaveLength(EVENT_TYPES.length);
  });
});

describe('made-up entries after a registration', () => {
  it('follow the mappings a new category receives', () => {
    const taxonomy = createTaxonomy();
    expect(taxonomy.resolve('ledger.entry_voided').ocsf.className).toBe('Base Event');
    taxonomy.register({
      name: 'ledger.entry_posted',
      baseRisk: 2,
      ecs: { kind: 'event', category: ['database'], type: ['change'] },
      ocsf: { classUid: 6005, className: 'Datastore Activity', categoryUid: 6, activityId: 5, activityName: 'Write' },
    });
    const voided = taxonomy.resolve('ledger.entry_voided');
    expect(voided.synthetic).toBe(true);
    expect(voided.ecs).toEqual({ kind: 'event', category: ['database'], type: ['info'] });
    expect(voided.ocsf).toMatchObject({ classUid: 6005, activityId: 99, activityName: 'Other' });
  });

  it('stay correct when more names are made up than are remembered', () => {
    const taxonomy = createTaxonomy();
    for (let i = 0; i < 3000; i++) expect(taxonomy.resolve(`bulk.n${i % 1500}`).name).toBe(`bulk.n${i % 1500}`);
  });
});

describe('createTaxonomy and the default taxonomy', () => {
  it('createTaxonomy(extra) starts from the catalogue plus the extra types, independent of others', () => {
    const a = createTaxonomy([{ name: 'inventory.recount', baseRisk: 1 }]);
    const b = createTaxonomy();
    expect(a.list()).toHaveLength(EVENT_TYPES.length + 1);
    expect(a.get('inventory.recount')?.baseRisk).toBe(1);
    expect(b.get('inventory.recount')).toBeUndefined();
    expect(defaultTaxonomy.get('inventory.recount')).toBeUndefined();
  });

  it('createTaxonomy(extra) throws for a conflicting extra type', () => {
    expect(() => createTaxonomy([{ name: 'auth.login_failure', baseRisk: 1 }])).toThrow(SecurityEventError);
  });

  it('registerEventType adds to the default taxonomy', () => {
    expect(defaultTaxonomy.get('tests.default_registration')).toBeUndefined();
    const registered = registerEventType({ name: 'tests.default_registration', baseRisk: 7 });
    expect(defaultTaxonomy.resolve('tests.default_registration')).toBe(registered);
    expect(defaultTaxonomy.resolve('tests.default_registration').synthetic).toBeUndefined();
  });

  it('keeps the default taxonomy on a process-wide symbol, shared by every copy of core', () => {
    const shared = (globalThis as Record<symbol, unknown>)[Symbol.for('seclog.core.v1.taxonomy')];
    expect(shared).toBe(defaultTaxonomy);
  });
});
