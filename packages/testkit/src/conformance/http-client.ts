import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A POST whose body arrives in two writes: the second only when `finish()` is called, so the
 * server parses the body in a later turn than the one that opened the request.
 */
export function chunkedPost(url: string, headers: Record<string, string>, body: string) {
  const split = Math.floor(body.length / 2);
  const req = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
  });
  const response = new Promise<RawResponse>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      res.on('error', reject);
    });
  });
  req.write(body.slice(0, split));
  return {
    finish(): Promise<RawResponse> {
      req.end(body.slice(split));
      return response;
    },
  };
}

/** Sends bytes exactly as given (fetch refuses CR/LF in header values) and reads the raw answer. */
export function rawRequest(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(head, 'latin1'));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}
