import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** A minimal app written without decorator syntax, so plain Node runs it from the built package. */
const app = (load: (name: string) => string) => `
  ${load('reflect-metadata')};
  const { Controller, Get, Module, UnauthorizedException } = ${load('@nestjs/common')};
  const { NestFactory } = ${load('@nestjs/core')};
  const { SecurityLogModule } = ${load('@seclog/nestjs')};
  const { memorySink } = ${load('@seclog/core')};
  const sink = memorySink();
  class DenyController { deny() { throw new UnauthorizedException(); } }
  Get('deny')(DenyController.prototype, 'deny', Object.getOwnPropertyDescriptor(DenyController.prototype, 'deny'));
  Controller()(DenyController);
  class AppModule {}
  Module({ imports: [SecurityLogModule.forRoot({ service: 'packaged', sinks: [sink] })], controllers: [DenyController] })(AppModule);
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const response = await fetch('http://127.0.0.1:' + app.getHttpServer().address().port + '/deny', { headers: { 'x-correlation-id': 'packaged-1' } });
  await app.close();
  console.log(JSON.stringify({
    status: response.status,
    echoed: response.headers.get('x-correlation-id'),
    events: sink.events.map((event) => [event.event_type, event.metadata.status, event.correlation_id]),
  }));
`;

// Runs on the built package, as a user installs it: `npm test` builds first (turbo).
describe.each([
  { style: 'CommonJS require (require(esm) of NestJS 12)', args: ['-e'], wrap: (body: string) => `(async () => {${body}})();`, load: (name: string) => `require(${JSON.stringify(name)})` },
  { style: 'ESM import', args: ['--input-type=module', '-e'], wrap: (body: string) => body, load: (name: string) => `(await import(${JSON.stringify(name)}))` },
])('the built package through $style', ({ args, wrap, load }) => {
  it('logs a 401 and echoes the correlation id', () => {
    expect(existsSync(`${packageDir}dist/index.cjs`), 'build @seclog/nestjs first').toBe(true);
    const out = execFileSync(process.execPath, [...args, wrap(app(load))], { cwd: packageDir, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      status: 401,
      echoed: 'packaged-1',
      events: [['http.error_response', 401, 'packaged-1']],
    });
  });
});
