import { attackClient, rawRequest } from './client';
import { progressLine } from './progress';

export interface Targets {
  auth: string;
  orders: string;
  files: string;
  admin: string;
}

export interface AttackResult {
  /** Every secret the attacker's payloads carried: none may appear in any output file. */
  secrets: string[];
  /** Correlation id sent to "orders" that must link its event and the one "files" wrote. */
  crossServiceId: string;
  /** Status of mallory's record read after the responder revoked her sessions. */
  statusAfterRevocation: number;
  /** What Node answered to a header with a raw CRLF in it. */
  rawCrlfAnswer: string;
  requests: number;
}

// Fake, well-formed secrets of each family the sanitizer knows.
const PAYLOAD_SECRETS = {
  email: 'jane.doe@example.org',
  card: '4111 1111 1111 1111',
  cardDashed: '5500-0000-0000-0004',
  password: 'SuperSecret-Pa55',
  github: 'ghp_R8s9dT4vB2nM6kL1pQ7wX3yZ5aC0eF9hJ2uI',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtYWxsb3J5Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJlLW5vdC1yZWFsLWF0LWFsbA',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  urlCredential: 'hunter2-in-url',
};
const LEAKED = ['Summer2025!', 'qwerty123', 'P@ssw0rd', 'letmein!', 'dragon2024', 'iloveyou7'];
const BRUTE = ['123456', 'password1', 'alice2024', 'Alice!', 'wonderland', 'wonderland-41', 'Wonderland-42'];
const SPRAY_USERS = ['bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan'];
const SPRAY_PASSWORD = 'Winter2026!';
// At most: the record reads stop at the first refusal once the responder has acted.
const TOTAL_REQUESTS = 76;

export async function runAttack(targets: Targets, alertCount: () => number, responderRan: () => boolean): Promise<AttackResult> {
  const progress = progressLine(TOTAL_REQUESTS, alertCount);
  let requests = 0;
  const send = attackClient(() => {
    requests++;
    progress.tick();
  });
  const secrets = [...Object.values(PAYLOAD_SECRETS), ...LEAKED, ...BRUTE, SPRAY_PASSWORD, 'mallory-pass-9', 'wonderland-42'];
  const login = (username: string, password: string, ip: string) => send(`${targets.auth}/login`, { method: 'POST', ip, body: { username, password } });

  progress.step('normal traffic');
  const root = await login('root', 'Tr0ub4dor&3', '198.51.100.5');
  const rootAuth = { authorization: `Bearer ${(root.body as { token: string }).token}` };
  secrets.push((root.body as { token: string }).token);
  await send(`${targets.admin}/admin/users`, { ip: '198.51.100.5', headers: rootAuth });

  progress.step('credential stuffing from 10 IPs');
  const stuffing: Promise<unknown>[] = [];
  for (let host = 11; host <= 20; host++) {
    for (let k = 0; k < 3; k++) stuffing.push(login(`customer${host}${k}`, LEAKED[(host + k) % LEAKED.length]!, `203.0.113.${host}`));
  }
  await Promise.all(stuffing);

  progress.step('brute force on alice');
  for (const guess of BRUTE) await login('alice', guess, '198.51.100.66');
  const stolen = await login('alice', 'wonderland-42', '198.51.100.66');
  const aliceAuth = { authorization: `Bearer ${(stolen.body as { token: string }).token}` };
  secrets.push((stolen.body as { token: string }).token);

  progress.step('password spraying');
  for (const user of SPRAY_USERS) await login(user, SPRAY_PASSWORD, '192.0.2.99');

  progress.step('privilege escalation through admin');
  const mallory = await login('mallory', 'mallory-pass-9', '198.51.100.7');
  const malloryToken = (mallory.body as { token: string }).token;
  secrets.push(malloryToken);
  const malloryAuth = { authorization: `Bearer ${malloryToken}` };
  await send(`${targets.admin}/admin/users`, { ip: '198.51.100.7', headers: malloryAuth });
  await send(`${targets.admin}/admin/users/mallory/role`, { method: 'PATCH', ip: '198.51.100.7', headers: malloryAuth, body: { role: 'admin' } });
  await send(`${targets.admin}/admin/users`, { ip: '198.51.100.7', headers: malloryAuth });

  progress.step('sensitive record reads');
  let statusAfterRevocation = 0;
  for (let record = 1; record <= 12; record++) {
    const read = await send(`${targets.files}/records/${record}`, { ip: '198.51.100.7', headers: malloryAuth });
    if (read.status === 401) {
      statusAfterRevocation = 401;
      break;
    }
  }
  // The responder runs beside the requests; give it a moment, then show its effect.
  for (let wait = 0; wait < 50 && !responderRan(); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
  if (statusAfterRevocation === 0) statusAfterRevocation = (await send(`${targets.files}/records/13`, { ip: '198.51.100.7', headers: malloryAuth })).status;

  progress.step('payloads with personal data and secrets');
  const payloads = [
    { customer: { email: PAYLOAD_SECRETS.email, card: PAYLOAD_SECRETS.card }, item: 'router' },
    { customer: { name: 'J. Doe' }, payment: `card ${PAYLOAD_SECRETS.cardDashed} exp 12/29`, password: PAYLOAD_SECRETS.password },
    { note: `deploy with token ${PAYLOAD_SECRETS.github} and key ${PAYLOAD_SECRETS.aws}`, session: PAYLOAD_SECRETS.jwt },
    { callback: `https://shop:${PAYLOAD_SECRETS.urlCredential}@partner.example.net/hook`, comment: `password=${PAYLOAD_SECRETS.password}` },
  ];
  for (const payload of payloads) await send(`${targets.orders}/orders`, { method: 'POST', ip: '198.51.100.23', body: payload });

  progress.step('log injection and forged correlation ids');
  await login('alice\r\n2026-01-01T00:00:00Z INFO auth.login_success user=root', 'x', '203.0.113.250');
  await send(`${targets.files}/records/7%0d%0a%7B%22event_type%22%3A%22auth.login_success%22%7D`, { ip: '203.0.113.250', headers: aliceAuth });
  for (const forged of [`abc' OR '1'='1`, '<script>alert(1)</script>', 'x'.repeat(300)]) {
    await send(`${targets.auth}/session`, { ip: '203.0.113.250', headers: { 'x-correlation-id': forged } });
  }
  const rawCrlfAnswer = await rawRequest(
    targets.auth,
    'GET /session HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Correlation-ID: ok\r\n{"forged":"line"}\r\nConnection: close\r\n\r\n',
  );
  progress.tick();

  progress.step('one request across orders and files');
  const crossServiceId = 'demo-cross-service-0001';
  await send(`${targets.orders}/orders/1000/invoice`, { method: 'POST', ip: '198.51.100.23', headers: { 'x-correlation-id': crossServiceId } });

  progress.end();
  return { secrets, crossServiceId, statusAfterRevocation, rawCrlfAnswer, requests };
}
