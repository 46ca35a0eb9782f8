import { spawn } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileSink, remoteSigner } from '@seclog/core';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../core/test/integrity/sample-events';
import { BIN, runBinary, runInProcess } from './run-cli';

describe('seclog keygen', () => {
  it('writes a 0600 private key, a public key and a verifier key, and never overwrites silently', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'seclog-keys-')), 'keys');
    const result = await runInProcess(['keygen', '--out', dir, '--name', 'audit-signer']);
    expect(result.code).toBe(0);
    expect((await stat(join(dir, 'seclog-signing.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'seclog-signing.pub'))).mode & 0o777).toBe(0o644);
    expect(await readFile(join(dir, 'seclog-signing.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await readFile(join(dir, 'seclog-signing.vkey'), 'utf8')).toMatch(/^audit-signer\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+\n$/);
    expect(result.stdout).toContain('verifier key: audit-signer+');
    const again = await runInProcess(['keygen', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('pass --force');
    expect((await runInProcess(['keygen', '--out', dir, '--force'])).code).toBe(0);
    expect((await runInProcess(['keygen'])).code).toBe(2);
  });
});

describe('seclog signer', () => {
  it('signs for a writer in another process that never sees the key; verify checks its checkpoints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-signer-cli-'));
    expect((await runBinary(['keygen', '--out', join(dir, 'keys')])).code).toBe(0);
    const socket = join(dir, 'signer.sock');
    const signerCheckpoints = join(dir, 'signer', 'checkpoints.jsonl');
    const child = spawn(process.execPath, [
      BIN, 'signer', '--key', join(dir, 'keys', 'seclog-signing.key'), '--origin', 'auth.example/security',
      '--socket', socket, '--checkpoints', signerCheckpoints,
    ]);
    const lines = createInterface({ input: child.stdout });
    const firstLine = await new Promise<string>((resolve) => lines.once('line', resolve));
    expect(firstLine).toBe(`seclog signer for auth.example/security listening on ${socket}`);

    const path = join(dir, 'logs', 'security.log');
    const signer = remoteSigner({ connect: { path: socket } });
    const sink = fileSink({ path, integrity: { signer, checkpoints: false, checkpointEvery: { records: 4 } } });
    for (let i = 0; i < 10; i++) await sink.write(sampleEvent(i, Date.now()));
    await sink.close!();
    await signer.close!();

    const verified = await runInProcess(['verify', path, '--public-key', join(dir, 'keys', 'seclog-signing.pub'), '--checkpoints', signerCheckpoints, '--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, records: 10, checkpoints: 3, latestCheckpoint: { size: 10, origin: 'auth.example/security' } });
    const withVkey = await runInProcess(['verify', path, '--public-key', join(dir, 'keys', 'seclog-signing.vkey'), '--checkpoints', signerCheckpoints]);
    expect(withVkey.code).toBe(0);
    const wrongKeyDir = join(dir, 'other');
    await runInProcess(['keygen', '--out', wrongKeyDir]);
    const wrongKey = await runInProcess(['verify', path, '--public-key', join(wrongKeyDir, 'seclog-signing.pub'), '--checkpoints', signerCheckpoints]);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stdout).toContain(`${signerCheckpoints}:1: bad signature`);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 when told nothing to listen on or given no usable key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-signer-usage-'));
    expect((await runInProcess(['signer', '--key', 'k', '--origin', 'o'])).code).toBe(2);
    const badKey = await runInProcess(['signer', '--key', join(dir, 'none.key'), '--origin', 'o', '--port', '0']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('cannot use');
  });

  it('stops when its abort signal fires (in-process)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-signer-abort-'));
    await runInProcess(['keygen', '--out', dir]);
    const controller = new AbortController();
    const running = runInProcess(['signer', '--key', join(dir, 'seclog-signing.key'), '--origin', 'o', '--port', '0'], controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/listening on 127\.0\.0\.1:\d+\nseclog signer stopped/);
  });
});
