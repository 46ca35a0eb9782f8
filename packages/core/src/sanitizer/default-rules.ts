import { Buffer } from 'node:buffer';
import { ibanValid, ssnValid } from './checksums';
import { CARD_CANDIDATE, redactCards } from './payment-card';
import type { RedactionRule } from './types';

/**
 * Digit-bearing identifiers share one prefilter: four digits in a row, which every printed card, SSN and
 * IBAN has (cards in groups of 4, 4-6-5 or unbroken), and IPs, versions, user agents and UUIDs mostly lack.
 */
const DIGITS = /[0-9]{4}/;

/** A value that is only a placeholder carries no secret (`password: null`, `token=undefined`). */
const PLACEHOLDER = /^(?:null|undefined|true|false|none|\*+)$/i;

function notPlaceholder(value: string): boolean {
  return !PLACEHOLDER.test(value);
}

/** Real tokens are long or contain more than letters; this keeps prose like "Bearer authentication" readable. */
function looksLikeToken(value: string): boolean {
  return value.length >= 20 || (value.length >= 8 && /[^A-Za-z]/.test(value));
}

function emailDomainValid(match: string): boolean {
  const domain = match.slice(match.lastIndexOf('@') + 1);
  const tld = domain.slice(domain.lastIndexOf('.') + 1);
  // `icon@2x.png` is an asset name, not an address.
  return /^[A-Za-z]{2,63}$/.test(tld) && !/^[0-9]+x\./i.test(domain);
}

function basicCredentials(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.includes(':') && /^[\x20-\x7e]+$/.test(decoded);
}

function ssnDigitsValid(value: string): boolean {
  const digits = value.replace(/[- ]/g, '');
  return digits.length === 9 && ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5));
}

const CREDENTIAL_WORDS =
  'password|passwd|passphrase|passcode|pwd|pass|secret|token|api[_-]?key|secret[_-]?key|private[_-]?key|' +
  'secret[_-]?access[_-]?key|access[_-]?key[_-]?secret|client[_-]?secret|auth[_-]?token|credentials?|' +
  'session[_-]?(?:id|token|key)|sid';

/** After `key=` / `key: ` / `"key":"`: a quoted value runs to its quote, an unquoted one to a delimiter. */
const ASSIGNED_VALUE = `(?<secret>(?!\\[REDACTED)(?:(?<=["'])[^"'\\\\]+|(?<!["'])[^\\s"'\\\\&,;]+))`;
const ASSIGNMENT = `(?:\\\\?["'])?\\s*[:=]\\s*(?:\\\\?["'])?`;

/**
 * The built-in value rules, most specific first: a JWT inside `token=...` is reported as a JWT, and
 * URL credentials are replaced before the e-mail rule could mistake `pass@host` for an address.
 */
export const DEFAULT_RULES: readonly RedactionRule[] = Object.freeze(([
  {
    id: 'pem-private-key',
    family: 'private_key',
    // The body runs to the END line, or to the end of the string when the key was cut off.
    pattern: /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[^-]*(?:-(?!----END)[^-]*)*(?:-----END[A-Z0-9 ]{0,60}-----|-----END|$)/g,
    trigger: '-----BEGIN',
    // A bare header, the shortest match, still says a key was here.
    minLength: 27,
  },
  {
    id: 'jwt',
    family: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    trigger: 'eyJ',
    minLength: 13,
  },
  {
    id: 'aws-access-key-id',
    family: 'aws',
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])/g,
    trigger: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
    minLength: 20,
  },
  {
    id: 'aws-secret-access-key',
    family: 'aws',
    pattern: /(?<![A-Za-z0-9])aws[_-]?secret[_-]?(?:access[_-]?)?key(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi,
    trigger: ['aws', 'AWS', 'Aws'],
    minLength: 50,
  },
  {
    id: 'github-token',
    family: 'github',
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?![A-Za-z0-9_])/g,
    trigger: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    minLength: 33,
  },
  {
    id: 'slack-token',
    family: 'slack',
    pattern: /(?<![A-Za-z0-9-])(?:xox[abposre]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,})(?![A-Za-z0-9-])/g,
    trigger: ['xox', 'xapp'],
    minLength: 15,
  },
  {
    id: 'slack-webhook',
    family: 'slack',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g,
    trigger: 'hooks.slack.com',
    minLength: 50,
  },
  {
    id: 'stripe-key',
    family: 'stripe',
    pattern: /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9+/=]{24,})(?![A-Za-z0-9_])/g,
    trigger: ['_live_', '_test_', 'whsec_'],
    minLength: 24,
  },
  {
    id: 'google-api-key',
    family: 'google',
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g,
    trigger: 'AIza',
    minLength: 39,
  },
  {
    id: 'google-oauth',
    family: 'google',
    pattern: /(?<![A-Za-z0-9_/-])(?:ya29\.[0-9A-Za-z_-]{20,}|GOCSPX-[0-9A-Za-z_-]{28}|1\/\/0[0-9A-Za-z_-]{30,})(?![0-9A-Za-z_-])/g,
    trigger: ['ya29.', 'GOCSPX-', '1//0'],
    minLength: 24,
  },
  {
    id: 'url-credentials',
    family: 'url_credentials',
    // Starts at `://`, not at the scheme, so no run of letters is rescanned; the password runs to the
    // last `@` of the authority, so an unencoded `@` inside it is covered.
    pattern: /:\/\/[^\s/?#@:"'<>[\]]*:(?<secret>(?!\[REDACTED)[^\s/?#"'<>]+)@/g,
    trigger: '@',
    minLength: 6,
  },
  {
    id: 'url-secret-param',
    family: 'url_secret',
    pattern:
      /[?&;](?:access_token|refresh_token|id_token|token|api[_-]?key|key|secret|client_secret|password|passwd|pwd|pass|auth|code|sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|session_?id|sid)=(?<secret>(?!\[REDACTED)[^&#\s"'<>]+)/gi,
    trigger: '=',
    minLength: 5,
  },
  {
    id: 'authorization-header',
    family: 'authorization',
    pattern: /(?<![A-Za-z0-9_.])(?:proxy-)?authorization(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?(?:[A-Za-z]+ )?(?<secret>(?!\[REDACTED)[^\s"'\\,;]+(?![^\s"'\\,;])(?! \[REDACTED))/gi,
    validate: notPlaceholder,
    trigger: ['uthorization', 'UTHORIZATION'],
    minLength: 15,
  },
  {
    id: 'bearer-token',
    family: 'bearer',
    pattern: /(?<![A-Za-z0-9])bearer\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)/gi,
    validate: looksLikeToken,
    trigger: ['earer', 'EARER'],
    minLength: 15,
  },
  {
    id: 'basic-auth',
    family: 'basic_auth',
    pattern: /(?<![A-Za-z0-9])basic\s+(?<secret>[A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/gi,
    validate: basicCredentials,
    trigger: ['asic', 'ASIC'],
    minLength: 10,
  },
  {
    id: 'credential-assignment',
    family: 'credential',
    pattern: new RegExp(`(?<![A-Za-z0-9])(?:${CREDENTIAL_WORDS})${ASSIGNMENT}${ASSIGNED_VALUE}`, 'gi'),
    validate: notPlaceholder,
    // A fragment of every keyword, in the casings people write (`password`, `PASSWORD`, `apiKey`, `API_KEY`).
    trigger: ['ass', 'ASS', 'wd', 'WD', 'ecret', 'ECRET', 'oken', 'OKEN', 'key', 'Key', 'KEY', 'redential', 'REDENTIAL', 'ession', 'ESSION', 'sid', 'SID'],
    minLength: 5,
  },
  {
    id: 'ssn-labelled',
    family: 'ssn',
    pattern:
      /(?<![A-Za-z0-9])(?:ssn|social[ _-]?security(?:[ _-]?(?:number|no))?)(?:\\?["'])?\s*(?:[:=#]\s*)?(?:\\?["'])?(?<secret>[0-9]{9}|[0-9]{3}[- ][0-9]{2}[- ][0-9]{4})(?![0-9])/gi,
    validate: ssnDigitsValid,
    trigger: ['ssn', 'SSN', 'Ssn', 'ocial', 'OCIAL'],
    minLength: 12,
  },
  {
    id: 'email',
    family: 'email',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g,
    validate: emailDomainValid,
    trigger: '@',
    minLength: 6,
  },
  {
    id: 'iban',
    family: 'iban',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g,
    validate: (value) => ibanValid(value.replace(/ /g, '')),
    trigger: DIGITS,
    minLength: 15,
  },
  {
    id: 'us-ssn',
    family: 'ssn',
    pattern: /(?<![0-9-])[0-9]{3}(?:-[0-9]{2}-| [0-9]{2} )[0-9]{4}(?![0-9]|-[0-9])/g,
    validate: ssnDigitsValid,
    trigger: DIGITS,
    minLength: 11,
  },
  {
    id: 'payment-card',
    family: 'card',
    pattern: CARD_CANDIDATE,
    replace: redactCards,
    trigger: DIGITS,
    minLength: 13,
  },
] satisfies RedactionRule[]).map((rule) => Object.freeze(rule)));
