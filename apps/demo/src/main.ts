import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { runAttack, type AttackResult } from './attack/script';
import { htmlReport, type Check } from './report/html-report';
import { scanForSecrets } from './report/leak-scan';
import { holdsLineBreak } from './report/line-breaks';
import { readSecurityLog } from './report/read-log';
import { textTable } from './report/text-table';
import { countBySeverity, SEVERITY_ORDER, timeline } from './report/timeline';
import { runSeclogVerify } from './report/verify-cli';
import { EXPECTED_ALERTS } from './rules';
import { openSecurityLog } from './security-log';
import { startAdmin } from './services/admin';
import { startAuth } from './services/auth';
import { startFiles } from './services/files';
import { startOrders } from './services/orders';

// npm runs workspace scripts in the workspace; INIT_CWD is where the user typed `npm run demo`.
const home = process.env.INIT_CWD ?? process.cwd();
const outDir = resolve(home, 'demo-output');
const shown = (path: string) => relative(home, path) || '.';
const started = Date.now();

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
console.log('@seclog demo: four services on 127.0.0.1 under a scripted attack\n');

let authUrl = '';
const log = await openSecurityLog(outDir, async (user) => {
  const response = await fetch(`${authUrl}/internal/sessions/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`auth answered ${response.status}`);
});
const services: { name: string; url: string; close(): Promise<unknown> }[] = [];
let attack: AttackResult;
try {
  const auth = await startAuth(log.loggerFor('auth'));
  authUrl = auth.url;
  services.push(auth);
  const files = await startFiles(log.loggerFor('files'), () => authUrl);
  services.push(files);
  services.push(await startOrders(log.loggerFor('orders'), () => files.url));
  services.push(await startAdmin(log.loggerFor('admin'), () => authUrl));
  const frameworks: Record<string, string> = { auth: 'Express', files: 'Koa', orders: 'Fastify', admin: 'NestJS' };
  for (const service of services) console.log(`  ${service.name.padEnd(7)} ${frameworks[service.name]!.padEnd(8)} ${service.url}`);
  console.log('');
  const [auth2, files2, orders, admin] = services;
  attack = await runAttack(
    { auth: auth2!.url, files: files2!.url, orders: orders!.url, admin: admin!.url },
    () => log.alerts.length,
    () => log.responses.length > 0,
  );
  await log.settle();
} finally {
  for (const service of services.reverse()) await service.close();
  await log.close();
}

const { events, foreign } = await readSecurityLog(log.files.log);
const rows = timeline(events);
const counts = countBySeverity(events);
console.log(`Timeline (${events.length} events in ${shown(log.files.log)}; runs of one type folded)\n`);
console.log(textTable(['time (UTC)', 'service', 'severity', 'type', 'actor', 'correlation'], rows.map((r) => [r.time, r.service, r.severity, r.count > 1 ? `${r.type} x${r.count}` : r.type, r.actor, r.correlation.slice(0, 23)])));

console.log('\nAlerts raised\n');
console.log(textTable(['time', 'severity', 'rule', 'key', 'reason'], log.alerts.map((a) => [a.timestamp.slice(11, 23), a.severity, a.ruleId, a.key, a.reason])));
console.log('\nResponder actions\n');
for (const response of log.responses) console.log(`  ${response.responder}(${response.alert.actor.id}) after ${response.alert.ruleId}: ${response.outcome}`);
console.log(`  mallory's next record read answered ${attack.statusAfterRevocation}`);
console.log(`\nEvents by severity: ${SEVERITY_ORDER.map((s) => `${s} ${counts[s]}`).join(', ')}`);

const fired = new Set(log.alerts.map((a) => a.ruleId));
const missing = EXPECTED_ALERTS.filter((id) => !fired.has(id));
const cross = events.filter((e) => e.correlation_id === attack.crossServiceId);
const crossServices = [...new Set(cross.map((e) => e.service))].sort();
const injected = events.filter(holdsLineBreak);
const verifyArgs = [shown(log.files.log), '--public-key', shown(log.files.publicKey), '--checkpoints', shown(log.files.checkpoints)];
const verify = await runSeclogVerify(verifyArgs, home);

const checks: Check[] = [
  { label: 'every expected alert fired', ok: missing.length === 0, detail: missing.length ? `missing: ${missing.join(', ')}` : EXPECTED_ALERTS.join(', ') },
  {
    label: 'the responder revoked the risky user',
    ok: log.responses.some((r) => r.outcome === 'success') && attack.statusAfterRevocation === 401,
    detail: `revokeSessions ran ${log.responses.length} time(s); next read answered ${attack.statusAfterRevocation}`,
  },
  { label: 'one correlation id links two services', ok: crossServices.join() === 'files,orders', detail: `${attack.crossServiceId}: ${cross.length} events from ${crossServices.join(' and ')}` },
  {
    label: 'log injection neutralised',
    ok: foreign.length === 0 && injected.length === 0 && attack.rawCrlfAnswer.includes(' 400 '),
    detail: `${foreign.length} forged lines, ${injected.length} events with raw line breaks; CRLF in a header: "${attack.rawCrlfAnswer}"`,
  },
  { label: 'seclog verify', ok: verify.exitCode === 0, detail: `exit ${verify.exitCode}: ${verify.output.split('\n')[0]}` },
];
const reportPath = join(outDir, 'report.html');
const firstScan = await scanForSecrets(outDir, attack.secrets);
checks.push({ label: 'no payload secret in any output file', ok: firstScan.leaks.size === 0, detail: `${attack.secrets.length} secrets, ${firstScan.files.length} files` });
await writeFile(reportPath, htmlReport({ generatedAt: new Date(), events, rows, alerts: log.alerts, counts, checks }));
const scan = await scanForSecrets(outDir, attack.secrets);
checks[checks.length - 1] = { ...checks.at(-1)!, ok: scan.leaks.size === 0, detail: `${attack.secrets.length} secrets searched in ${scan.files.length} files, report included` };

console.log(`\nSecrets: ${attack.secrets.length} secrets sent in payloads, searched in ${scan.files.length} files under ${shown(outDir)}: ${scan.leaks.size === 0 ? 'none found' : 'FOUND'}`);
for (const [secret, where] of scan.leaks) console.log(`  LEAK ${secret.slice(0, 4)}… in ${where.map(shown).join(', ')}`);
const forgedName = events.find((e) => e.event_type === 'auth.login_failure' && String(e.metadata?.username).includes('INFO'))?.metadata?.username;
console.log(`Log injection: the CRLF username was stored as ${JSON.stringify(forgedName)} (one line, escapes visible); a raw CRLF header got "${attack.rawCrlfAnswer}"`);
console.log(`\n$ ${verify.command}\n${verify.output.replace(/^/gm, '  ')}`);
console.log('\nChecks\n');
for (const check of checks) console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.label}: ${check.detail}`);
console.log(`\nReport: ${shown(reportPath)}   (${attack.requests} requests, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
const ok = checks.every((check) => check.ok);
console.log(ok ? '\nDemo passed.' : '\nDemo FAILED.');
process.exitCode = ok ? 0 : 1;
