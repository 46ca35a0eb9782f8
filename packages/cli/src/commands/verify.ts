import { parseArgs } from 'node:util';
import { access, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadPublicKey, verifyLog, type VerifyReport } from '@seclog/core';
import { EXIT_DAMAGED, EXIT_OK, UsageError, write, type CliIo } from '../cli-io';
import { asUsageError } from '../parse-options';

const ROTATED = /^(.*)\.\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?(?:\.gz)?$/;

const exists = (path: string) => access(path).then(() => true, () => false);

/** `<live>.checkpoints` next to the files, which is where `fileSink` writes them by default. */
async function discoverCheckpoints(files: string[]): Promise<string[]> {
  const lives = new Set(files.map((file) => join(dirname(file), ROTATED.exec(basename(file))?.[1] ?? basename(file))));
  const found: string[] = [];
  for (const live of lives) if (await exists(`${live}.checkpoints`)) found.push(`${live}.checkpoints`);
  return found;
}

function describe(report: VerifyReport): string {
  const lines: string[] = [];
  if (report.ok) {
    const range = report.records > 0 ? ` (seq ${report.firstSeq}-${report.lastSeq})` : '';
    lines.push(`OK  ${report.records} records${range} in ${report.files.length} file(s), chain ${report.chain ?? '-'}`);
  } else {
    const damage = report.damage!;
    lines.push(`TAMPERED  ${damage.file}:${damage.line}: ${damage.kind}`);
    lines.push(`  ${damage.detail}`);
    lines.push(`  ${report.records} records checked out before this point`);
  }
  if (report.latestCheckpoint) {
    const cp = report.latestCheckpoint;
    lines.push(`  ${report.checkpoints} signed checkpoint(s); latest: ${cp.size} records, signed ${cp.time} for ${cp.origin}`);
    if (report.ok && report.unanchored > 0) {
      lines.push(`  ${report.unanchored} record(s) after the latest checkpoint: their deletion from the end could not be seen`);
    }
  } else if (report.ok) {
    lines.push('  WARNING: no signed checkpoints; a cut-off end or a rewritten chain cannot be detected');
  }
  return lines.join('\n');
}

/** `seclog verify FILES... [--public-key KEY] [--checkpoints FILE]... [--partial] [--json]`. */
export async function verify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = asUsageError(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        'public-key': { type: 'string' },
        checkpoints: { type: 'string', multiple: true },
        partial: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (positionals.length === 0) throw new UsageError('name the log files to verify');
  for (const file of positionals) if (!(await exists(file))) throw new UsageError(`no such file: ${file}`);
  const checkpoints = values.checkpoints ?? (await discoverCheckpoints(positionals));
  for (const file of checkpoints) if (!(await exists(file))) throw new UsageError(`no such checkpoint file: ${file}`);
  let publicKey;
  if (values['public-key'] !== undefined) {
    try {
      publicKey = loadPublicKey(await readFile(values['public-key']));
    } catch (error) {
      throw new UsageError(`cannot use the public key ${values['public-key']}: ${(error as Error).message}`);
    }
  } else if (checkpoints.length > 0) {
    throw new UsageError(`--public-key is required to check the checkpoints in ${checkpoints.join(', ')}`);
  }

  const report = await verifyLog({ files: positionals, checkpoints, ...(publicKey ? { publicKey } : {}), partial: values.partial === true });
  write(io.stdout, values.json ? JSON.stringify(report) : describe(report));
  return report.ok ? EXIT_OK : EXIT_DAMAGED;
}
