import { readFileSync } from 'node:fs';
import { EXIT_USAGE, UsageError, write, type CliIo } from './cli-io';
import { keygen } from './commands/keygen';
import { replay } from './commands/replay';
import { signer } from './commands/signer';
import { tail } from './commands/tail';
import { verify } from './commands/verify';
import { USAGE } from './usage';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = { keygen, signer, verify, tail, replay };

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs `seclog ARGS...` and resolves to the exit code; what the binary calls, and what tests call in-process. */
export async function main(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const full: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, ...io };
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    write(command === undefined ? full.stderr : full.stdout, USAGE);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === '--version' || command === '-v') {
    write(full.stdout, version());
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    write(full.stderr, `seclog: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await run(args, full);
  } catch (error) {
    if (error instanceof UsageError) {
      write(full.stderr, `seclog ${command}: ${error.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
