/** Case and separators do not matter: `X-API-Key`, `x_api_key` and `xApiKey` are one name. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whole normalised names whose value is a secret or a credential. */
const EXACT = [
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'secret', 'token', 'apikey', 'auth',
  'authorization', 'cookie', 'cookies', 'setcookie', 'ssn', 'socialsecuritynumber', 'cvv', 'cvv2', 'cvc',
  'cvc2', 'securitycode', 'pin', 'otp', 'totp', 'mfacode', 'otpcode', 'privatekey', 'privkey',
  'clientsecret', 'accesstoken', 'refreshtoken', 'idtoken', 'sessionid', 'sessiontoken', 'sessionkey',
  'csrf', 'xsrf', 'creditcard', 'creditcardnumber', 'cardnumber', 'ccnumber', 'cardno', 'jwt',
  'credential', 'credentials', 'secretkey', 'encryptionkey', 'signingkey', 'masterkey',
  'passwordhash', 'passwordconfirmation', 'passwordconfirm', 'passwordrepeat',
];

/** Endings that make any name sensitive: `dbPassword`, `x-api-key`, `stripe_secret`, `proxy-authorization`. */
const SUFFIXES = [
  'password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'privatekey', 'secretkey',
  'secretaccesskey', 'cookie', 'authorization', 'credentials', 'sessionid', 'cardnumber', 'cvv',
];

/**
 * Names that end like a secret but hold none: pagination cursors. Names about a secret (`token_type`,
 * `password_policy`, `tokens_used`, `secret_name`) never match in the first place because only the
 * ending counts.
 */
const NOT_SENSITIVE = ['pagetoken', 'nextpagetoken', 'nexttoken', 'continuationtoken', 'synctoken', 'cancellationtoken'];

export interface KeyMatcherOptions {
  extra?: readonly (string | RegExp)[];
  safe?: readonly string[];
}

export type KeyMatcher = (key: string) => boolean;

export function createKeyMatcher(options: KeyMatcherOptions = {}): KeyMatcher {
  const exact = new Set(EXACT);
  const patterns: RegExp[] = [];
  for (const entry of options.extra ?? []) {
    if (entry instanceof RegExp) patterns.push(new RegExp(entry.source, entry.flags.replace(/[gy]/g, '')));
    else if (typeof entry === 'string' && normalizeKey(entry) !== '') exact.add(normalizeKey(entry));
  }
  const safe = new Set(NOT_SENSITIVE);
  for (const entry of options.safe ?? []) if (typeof entry === 'string') safe.add(normalizeKey(entry));
  return (key) => {
    const normal = normalizeKey(key);
    if (safe.has(normal)) return false;
    if (exact.has(normal)) return true;
    for (let i = 0; i < SUFFIXES.length; i++) if (normal.endsWith(SUFFIXES[i]!)) return true;
    for (let i = 0; i < patterns.length; i++) if (patterns[i]!.test(key)) return true;
    return false;
  };
}
