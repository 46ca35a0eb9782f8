/**
 * Targets that touch administration or access control. Alternations of literals between
 * non-letter boundaries: no nested quantifiers, so matching is linear in the target's length.
 */
export const DEFAULT_PRIVILEGED_TARGETS: readonly RegExp[] = Object.freeze([
  /(?:^|[^a-z])(?:admin(?:s|istrators?|istration)?|root|sudo(?:ers)?|superusers?)(?:[^a-z]|$)/i,
  /(?:^|[^a-z])(?:roles?|permissions?|privileges?|grants?|acls?|rbac|iam|policy|policies)(?:[^a-z]|$)/i,
]);

/** Only this much of a target is examined; targets are caller data and may be long. */
const MAX_SCANNED = 2048;

/**
 * Compiles patterns once per options object. Strings match case-insensitively anywhere in the
 * target; regular expressions are copied without their `g`/`y` flags, whose `lastIndex` would
 * otherwise make the same target match on one call and not on the next.
 */
export function compilePrivilegedTargets(patterns: readonly (string | RegExp)[]): (target: string) => boolean {
  const substrings: string[] = [];
  const expressions: RegExp[] = [];
  for (const pattern of patterns) {
    if (typeof pattern === 'string') {
      if (pattern.length > 0) substrings.push(pattern.toLowerCase());
    } else {
      expressions.push(new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')));
    }
  }
  return (target) => {
    const scanned = target.length > MAX_SCANNED ? target.slice(0, MAX_SCANNED) : target;
    if (expressions.some((re) => re.test(scanned))) return true;
    if (substrings.length === 0) return false;
    const lower = scanned.toLowerCase();
    return substrings.some((s) => lower.includes(s));
  };
}
