/** Upper bounds on what one `sanitize()` call emits; each cut leaves a visible marker. */
export interface SanitizerLimits {
  /** Nesting of objects/arrays; a container nested deeper becomes `[TRUNCATED:depth]`. The root is level 1. */
  maxDepth: number;
  /** Own keys kept per object (Maps too); the last slot holds `"[TRUNCATED]": "[TRUNCATED:N more keys]"`. */
  maxKeys: number;
  /** Items kept per array (Sets too); the last slot holds `"[TRUNCATED:N more items]"`. */
  maxArrayLength: number;
  /** Characters per string or key, marker included (`…[TRUNCATED:<original length> chars total]`). Minimum 64. */
  maxStringLength: number;
  /** Approximate JSON size of the whole output in characters; values past it become `[TRUNCATED:size]`. */
  maxTotalSize: number;
}

/**
 * A value pattern. Every match is replaced by `[REDACTED:<family>]`, unless `validate` rejects it.
 * If the pattern has a named group `secret`, only that group is replaced (the rest of the match, e.g.
 * `password=` or a URL's scheme and host, stays readable).
 */
export interface RedactionRule {
  /** Unique name, used by `disableRules`. */
  id: string;
  /** Shown in the marker: `[REDACTED:<family>]`. Use `[a-z0-9_]` only. */
  family: string;
  /** Must run in linear time; the `g` flag is added (and `d` when a `secret` group exists). */
  pattern: RegExp;
  /** Called with the secret text (the `secret` group, else the whole match); `false` keeps it. */
  validate?(match: string): boolean;
  /**
   * Cheap prefilter: the rule runs only on strings containing at least one of these substrings
   * (case-sensitive), or matching this RegExp, as read at the start of each redaction pass. Without
   * it the rule runs on every string.
   */
  trigger?: string | readonly string[] | RegExp;
  /** Strings shorter than this are skipped by the rule (default 1). */
  minLength?: number;
  /**
   * Full control over one match: return its replacement text (return `match` to keep it). When
   * present, `validate` and the `secret` group are not used.
   */
  replace?(match: string, marker: string): string;
}

export interface SanitizerOptions {
  /** Extra value rules, run after the defaults. */
  rules?: readonly RedactionRule[];
  /** Ids or families of default rules to switch off, e.g. `['email']` or `['ssn-labelled']`. */
  disableRules?: readonly string[];
  /**
   * Extra sensitive key names. Strings are normalised like the defaults (case, `-`, `_`, `.` and
   * spaces ignored) and match the whole key; a RegExp is tested against the key as written.
   */
  sensitiveKeys?: readonly (string | RegExp)[];
  /** Key names that are never redacted by name (normalised), e.g. `['sessionId']`. Value rules still apply. */
  safeKeys?: readonly string[];
  /**
   * Allow-list mode. Paths from the root, one segment per key (array indices are skipped):
   * `reason` allows the top-level key `reason` and everything under it; `http.method` allows `http`
   * as a container holding only `method`. Any other key keeps its name but its value becomes
   * `[REDACTED:not_allowed]`. Segments are normalised like key names. Allowed values are still
   * redacted by key name and value pattern.
   */
  allowKeys?: readonly string[];
  limits?: Partial<SanitizerLimits>;
}

export interface Sanitizer {
  /** A redacted, neutralised, bounded, JSON-serialisable deep copy. Never throws. */
  sanitize(value: unknown): unknown;
  /** Value rules, neutralisation and the string length bound on one string. Never throws. */
  sanitizeString(value: string): string;
  /** Whether a key's value is replaced by `[REDACTED]` whatever it holds. */
  isSensitiveKey(key: string): boolean;
}
