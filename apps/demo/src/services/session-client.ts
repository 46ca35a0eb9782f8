import { correlation } from '@seclog/core';

export interface SessionInfo {
  user: string;
  role: string;
}

/**
 * Asks the auth service who holds a bearer token; the call carries the current correlation id,
 * so the auth service's events and the caller's link up.
 */
export function sessionClient(authUrl: () => string) {
  return async (authorization: string | undefined): Promise<SessionInfo | undefined> => {
    if (!authorization) return undefined;
    const response = await fetch(`${authUrl()}/session`, { headers: correlation.inject({ authorization }) });
    return response.ok ? ((await response.json()) as SessionInfo) : undefined;
  };
}
