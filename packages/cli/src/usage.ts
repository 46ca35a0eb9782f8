export const USAGE = `seclog — tamper-evident security logs

Usage:
  seclog keygen --out DIR [--name NAME] [--force]
  seclog signer --key FILE --origin ORIGIN (--socket PATH | --port N [--host H]) [--checkpoints FILE] [--name NAME]
  seclog verify FILES... [--public-key KEY] [--checkpoints FILE]... [--partial] [--json]
  seclog tail FILE [--severity LEVEL] [--type PATTERN] [--lines N] [--follow] [--color | --no-color] [--json]
  seclog replay FILE --rules RULES [--digest DURATION] [--json]

Exit codes: 0 ok, 1 damage found (verify), 2 usage error.
`;
