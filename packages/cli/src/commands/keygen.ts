import { parseArgs } from 'node:util';
import { chmod, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatVerifierKey, generateSigningKeys, loadPublicKey } from '@seclog/core';
import { EXIT_OK, UsageError, write, type CliIo } from '../cli-io';
import { asUsageError, requireString } from '../parse-options';

export const PRIVATE_KEY_FILE = 'seclog-signing.key';
export const PUBLIC_KEY_FILE = 'seclog-signing.pub';
export const VERIFIER_KEY_FILE = 'seclog-signing.vkey';

async function writeNew(path: string, text: string, mode: number, force: boolean): Promise<void> {
  // 'wx' refuses to replace an existing key: overwriting one orphans every checkpoint it signed.
  const fh = await open(path, force ? 'w' : 'wx', mode).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new UsageError(`${path} exists; pass --force to replace it`);
    throw error;
  });
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await chmod(path, mode);
}

/** `seclog keygen --out DIR`: an Ed25519 pair, private key 0600, public key and verifier key 0644. */
export async function keygen(args: string[], io: CliIo): Promise<number> {
  const { values } = asUsageError(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        name: { type: 'string' },
        force: { type: 'boolean' },
      },
    }),
  );
  const dir = requireString(values.out, '--out');
  const name = values.name ?? 'seclog';
  if (/[\s+]/.test(name)) throw new UsageError('--name must not contain spaces or "+"');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const keys = generateSigningKeys();
  const force = values.force === true;
  await writeNew(join(dir, PRIVATE_KEY_FILE), keys.privateKeyPem, 0o600, force);
  await writeNew(join(dir, PUBLIC_KEY_FILE), keys.publicKeyPem, 0o644, force);
  const vkey = formatVerifierKey(name, loadPublicKey(keys.publicKeyPem));
  await writeNew(join(dir, VERIFIER_KEY_FILE), vkey + '\n', 0o644, force);
  write(io.stdout, `private key: ${join(dir, PRIVATE_KEY_FILE)} (0600; give it to the signer only)`);
  write(io.stdout, `public key:  ${join(dir, PUBLIC_KEY_FILE)}`);
  write(io.stdout, `verifier key: ${vkey}`);
  return EXIT_OK;
}
