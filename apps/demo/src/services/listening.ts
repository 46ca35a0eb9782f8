import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningService {
  name: string;
  url: string;
  close(): Promise<void>;
}

/** Waits for a Node server to listen on 127.0.0.1 and describes it. */
export async function listening(name: string, server: Server): Promise<RunningService> {
  if (!server.listening) await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
