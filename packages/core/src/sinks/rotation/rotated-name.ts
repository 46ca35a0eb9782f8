import { basename } from 'node:path';

/**
 * Rotated files are named `<live name>.<UTC time of rotation>[-<n>][.gz]`, e.g.
 * `security.log.2026-11-27T23-15-00-000Z.gz`: they sort by age, and their age is readable from
 * the name without trusting file times.
 */
export function rotatedName(livePath: string, at: number, counter: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  return `${livePath}.${stamp}${counter > 0 ? `-${counter}` : ''}`;
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(?:-\d+)?(\.gz)?$/;

/** When the file named `name` was rotated away from `livePath`, or undefined if it is not one of its rotated files. */
export function rotatedAt(livePath: string, name: string): number | undefined {
  const prefix = basename(livePath) + '.';
  if (!name.startsWith(prefix)) return undefined;
  const match = STAMP.exec(name.slice(prefix.length));
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(time) ? undefined : time;
}
