/**
 * Inputs built to make a backtracking matcher retry from every position: many rule prefixes that
 * never complete, long runs of what a rule's loops accept, and near-complete secrets repeated.
 */
const SIZE = 100 * 1024;

function fill(unit: string, tail = ''): string {
  return unit.repeat(Math.ceil((SIZE - tail.length) / unit.length)).slice(0, SIZE - tail.length) + tail;
}

/** Shared by every rule: each default rule gets all of them. */
export const ADVERSARIAL_INPUTS: Readonly<Record<string, string>> = {
  'letters then nothing': fill('a'),
  'digits run': fill('4'),
  'spaced digits': fill('4 '),
  'dashed digit pairs': fill('41-'),
  'digit groups that never pass Luhn': fill('4111 1111 1111 1112 '),
  'at signs': fill('@'),
  'local parts without domain': fill('a.b', '@'),
  'domains without tld': fill('a@b.'),
  'jwt prefixes': fill('eyJ'),
  'jwt segments': fill('eyJabcd.'),
  'pem headers without end': fill('-----BEGIN RSA PRIVATE KEY-----'),
  'dashes': fill('-'),
  'url schemes': fill('a://'),
  'url userinfo without host': fill('a://b:c'),
  'colons and slashes': fill(':/'),
  'query separators': fill('?token'),
  'assignments without values': fill('password='),
  'keyword then spaces': fill(' ', 'password'),
  'keywords and separators': fill('password-'),
  'quoted value never closed': fill('x', 'password="'),
  'escaped quotes': fill('\\"'),
  'bearer prefixes': fill('Bearer '),
  'bearer then spaces': fill(' ', 'Bearer'),
  'basic prefixes': fill('Basic a'),
  'authorization prefixes': fill('Authorization: '),
  'aws prefixes': fill('AKIA'),
  'aws secret labels': fill('aws_secret_key='),
  'github prefixes': fill('ghp_'),
  'slack prefixes': fill('xoxb-'),
  'stripe prefixes': fill('sk_live_'),
  'google prefixes': fill('AIza'),
  'oauth prefixes': fill('ya29.'),
  'ssn labels': fill('ssn '),
  'ssn shapes': fill('123-45-'),
  'iban heads': fill('DE89 '),
  'iban blocks': fill('AB12'),
  'alnum with separators': fill('a_a.a-'),
  'newlines to neutralise': fill('\n\u202e\x1b'),
};
