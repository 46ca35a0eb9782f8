import { connect } from 'node:net';

export interface Sent {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * The attacker's HTTP client. `ip` is sent as X-Forwarded-For from 127.0.0.1: each service trusts
 * the loopback proxy through its framework's own trust-proxy setting, so it sees that address.
 */
export function attackClient(onRequest: () => void) {
  return async function send(
    url: string,
    { method = 'GET', ip, headers = {}, body }: { method?: string; ip?: string; headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<Sent> {
    const all: Record<string, string> = { ...headers };
    if (ip) all['x-forwarded-for'] = ip;
    if (body !== undefined) all['content-type'] = 'application/json';
    const response = await fetch(url, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    onRequest();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}

/** fetch refuses CR/LF in a header value, so this one goes over a raw socket: the status line Node answers with. */
export function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(head));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}
