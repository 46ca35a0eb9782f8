import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { SecurityLogModule } from '@seclog/nestjs';
import { assertValidEvents } from '@seclog/testkit';
import { describe, expect, it } from 'vitest';
import { platforms } from './platforms';
import { AccountsController } from './readme-example';
import { startNest } from './start-app';

describe.each(platforms)('the README example on $name', ({ adapter }) => {
  it('logs exactly the events the README promises, to the file transport', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'seclog-nest-')), 'security.log');

    @Module({
      imports: [
        SecurityLogModule.forRoot({
          service: 'accounts',
          transports: [{ target: 'file', options: { path } }],
        }),
      ],
      controllers: [AccountsController],
    })
    class AppModule {}

    const { url, close } = await startNest(adapter(), { imports: [AppModule] });
    const call = (method: string, route: string, body?: unknown) =>
      fetch(`${url}${route}`, {
        method,
        headers: {
          'x-correlation-id': `${method}-${route.replaceAll('/', '_')}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const read = await call('GET', '/accounts/42');
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ id: '42', correlationId: 'GET-_accounts_42' });
    expect((await call('POST', '/accounts/42/password', { current: 'guess', next: 'x' })).status).toBe(401);
    expect((await call('POST', '/accounts/42/password', { current: 'correct horse battery staple', next: 'y' })).status).toBe(201);
    expect((await call('DELETE', '/accounts/root')).status).toBe(403);
    expect((await call('DELETE', '/accounts/7')).status).toBe(200);
    expect((await call('GET', '/accounts/nobody/avatar')).status).toBe(403);
    await close();

    const records = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    assertValidEvents(records);
    expect(records.map((r) => [r.event_type, r.outcome, r.target, r.metadata.status ?? null])).toEqual([
      ['data.access_sensitive', 'success', '/accounts/:id', null],
      ['auth.password_change', 'failure', '/accounts/:id/password', 401],
      ['http.error_response', 'failure', '/accounts/:id/password', 401],
      ['auth.password_change', 'success', '/accounts/:id/password', null],
      ['http.error_response', 'failure', '/accounts/:id', 403],
      ['data.delete_sensitive', 'success', '/accounts/:id', null],
    ]);
    const [, refused, error401, changed, error403, deleted] = records;
    expect(refused.metadata).toMatchObject({ account: '42', exception: 'UnauthorizedException' });
    expect(error401.risk_score).toBeGreaterThan(0);
    expect(changed.actor).toMatchObject({ id: '42', type: 'user', ip: '127.0.0.1' });
    expect(error403.correlation_id).toBe('DELETE-_accounts_root');
    expect(deleted.risk_score).toBe(8);
    expect(records.every((r) => r.service === 'accounts')).toBe(true);
  });
});

describe('the README', () => {
  it('shows the example controller exactly as the test above runs it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const fixture = readFileSync(new URL('./readme-example.ts', import.meta.url), 'utf8');
    // Everything below the fixture's first line, which says where the code is used.
    const example = fixture.slice(fixture.indexOf('\n') + 1).trim();
    expect(readme).toContain(example);
  });
});
