import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSanitizer, DEFAULT_RULES, sanitize } from '../../src/sanitizer';

interface SecretCase {
  family: string;
  text: string;
  secret: string;
  secret2?: string;
}
interface BenignCase {
  kind: string;
  text: string;
}

function load<T>(name: string): T[] {
  return JSON.parse(readFileSync(new URL(`../fixtures/sanitizer-corpus/${name}`, import.meta.url), 'utf8')) as T[];
}

const secrets = load<SecretCase>('secrets.json');
const benign = load<BenignCase>('benign.json');
const families = new Set(DEFAULT_RULES.map((rule) => rule.family));

/** What a reader of the log line would see. */
function rendered(value: unknown): string {
  return JSON.stringify(value);
}

describe('labelled corpus: secrets', () => {
  it('holds at least 150 secrets, covering every default rule family', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(secrets.map((s) => s.family))).toEqual(families);
  });

  it.each(secrets.map((s) => [s.family, s.text, s] as const))('%s: %s', (_family, _text, entry) => {
    for (const clean of [sanitize(entry.text), sanitize({ note: entry.text }), sanitize([`prefix ${entry.text} suffix`])]) {
      const json = rendered(clean);
      expect(json).not.toContain(entry.secret);
      expect(json).not.toContain(JSON.stringify(entry.secret).slice(1, -1));
      if (entry.secret2 !== undefined) expect(json).not.toContain(entry.secret2);
      expect(json).toMatch(/\[REDACTED:[a-z_]+\]/);
    }
  });
});

describe('labelled corpus: benign near-misses survive unchanged', () => {
  it('holds at least 80 benign values', () => {
    expect(benign.length).toBeGreaterThanOrEqual(80);
  });

  it.each(benign.map((b) => [b.kind, b.text] as const))('%s: %s', (_kind, text) => {
    expect(sanitize(text)).toBe(text);
    expect(sanitize({ detail: text, list: [text] })).toEqual({ detail: text, list: [text] });
    expect(sanitize(`seen: ${text} (ok)`)).toBe(`seen: ${text} (ok)`);
  });
});

describe('disabling a family lets exactly that family through', () => {
  it('keeps e-mails when the email rule is off, still redacting cards', () => {
    const lax = createSanitizer({ disableRules: ['email'] });
    expect(lax.sanitize('alice@example.com paid with 4111 1111 1111 1111')).toBe('alice@example.com paid with [REDACTED:card]');
  });
});
