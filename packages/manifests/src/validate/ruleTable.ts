import { ruleCatalog } from './ruleCatalog.js';

/** Start and end markers of the generated rule table in the package README. */
export const RULE_TABLE_MARKERS = ['<!-- rules:start -->', '<!-- rules:end -->'] as const;

/** The Markdown table of every rule (id, target, category, severity, description), as the README shows it. */
export function ruleTableMarkdown(): string {
  const rows = ruleCatalog().map(
    (r) => `| \`${r.id}\` | ${r.target} | ${r.category} | ${r.severity} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| id | target | category | severity | description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
