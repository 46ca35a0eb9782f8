import { readFileSync } from 'node:fs';

export interface SecretCase {
  family: string;
  text: string;
  secret: string;
  secret2?: string;
}
export interface BenignCase {
  kind: string;
  text: string;
}

// The labelled corpus core's own tests assert on: the bench reads it rather than keeping a copy.
const dir = new URL('../../../packages/core/test/fixtures/sanitizer-corpus/', import.meta.url);

export const loadCorpus = () => ({
  secrets: JSON.parse(readFileSync(new URL('secrets.json', dir), 'utf8')) as SecretCase[],
  benign: JSON.parse(readFileSync(new URL('benign.json', dir), 'utf8')) as BenignCase[],
});

/** Secrets a redactor took out of `{ note: text }`, and benign values it left readable. */
export function corpusScore(redactToJson: (value: Record<string, unknown>) => string) {
  const { secrets, benign } = loadCorpus();
  const caught = secrets.filter((entry) => {
    const json = redactToJson({ note: entry.text });
    return !json.includes(JSON.stringify(entry.secret).slice(1, -1)) && (entry.secret2 === undefined || !json.includes(entry.secret2));
  }).length;
  const kept = benign.filter((entry) => redactToJson({ note: entry.text }).includes(JSON.stringify(entry.text).slice(1, -1))).length;
  return { caught, secrets: secrets.length, kept, benign: benign.length };
}
