/** One thing wrong with a rule file. */
export interface RuleIssue {
  /** The rule's `id` when it has a usable one. */
  ruleId?: string;
  /** Where in the input, e.g. `rules[0].match.where["actor.ip"].regex`. */
  path: string;
  message: string;
}

/** Thrown at start-up for rules that cannot work; `issues` lists every problem found, not only the first. */
export class AlertRuleError extends Error {
  override readonly name = 'AlertRuleError';
  readonly code = 'RULES_INVALID' as const;
  readonly issues: readonly RuleIssue[];

  constructor(issues: readonly RuleIssue[]) {
    const lines = issues.map(
      (issue) => `${issue.ruleId === undefined ? '' : `rule "${issue.ruleId}": `}${issue.path}: ${issue.message}`,
    );
    super(issues.length === 1 ? lines[0]! : `${issues.length} problems in alert rules:\n  ${lines.join('\n  ')}`);
    this.issues = issues;
  }
}
