import { request } from 'node:http';

/**
 * POSTs JSON with `Expect: 100-continue`: the body leaves only once the server has answered
 * `100 Continue`, i.e. after it has started handling the request. The body then arrives in its own
 * packet and is parsed in a later async context than the request hook's: the case that loses the
 * request context unless the adapter enters it again after body parsing.
 */
export function postAfterContinue(
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), expect: '100-continue' },
    });
    req.on('continue', () => req.end(payload));
    req.on('error', reject);
    req.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, json: JSON.parse(text) }));
    });
    req.flushHeaders();
  });
}
