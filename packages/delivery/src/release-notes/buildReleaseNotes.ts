import { type ConventionalCommit, type GitCommit, parseConventionalCommit } from './conventionalCommit.js';

/** The sections of release notes, in the order they are shown, and their titles. */
export const SECTION_TITLES: Record<string, string> = {
  feat: 'Features',
  fix: 'Bug fixes',
  perf: 'Performance',
  revert: 'Reverts',
  refactor: 'Refactoring',
  docs: 'Documentation',
  test: 'Tests',
  build: 'Build',
  ci: 'Continuous integration',
  style: 'Style',
  chore: 'Chores',
  other: 'Other changes',
};

/** One section: commits of one type, grouped by scope (`''` for those without one). */
export interface ReleaseNotesSection {
  type: string;
  title: string;
  scopes: { scope: string; commits: ConventionalCommit[] }[];
}

/** Release notes of a range of commits. */
export interface ReleaseNotes {
  range: { from?: string; to: string };
  commits: number;
  sections: ReleaseNotesSection[];
  breaking: ConventionalCommit[];
  issues: string[];
  contributors: { name: string; email: string; commits: number }[];
}

/**
 * Groups commits (newest first, as git lists them) into release notes: sections by type in a fixed order, scopes
 * sorted within each, breaking changes listed apart, every issue referenced, and contributors by commit count.
 */
export function buildReleaseNotes(commits: readonly GitCommit[], range: ReleaseNotes['range']): ReleaseNotes {
  const parsed = commits.map(parseConventionalCommit);
  const order = Object.keys(SECTION_TITLES);
  const types = [...new Set(parsed.map((c) => (order.includes(c.type) ? c.type : 'other')))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const sections = types.map((type) => {
    const of = parsed.filter((c) => (order.includes(c.type) ? c.type : 'other') === type);
    const scopes = [...new Set(of.map((c) => c.scope ?? ''))].sort((a, b) =>
      a === '' ? 1 : b === '' ? -1 : a.localeCompare(b),
    );
    return {
      type,
      title: SECTION_TITLES[type]!,
      scopes: scopes.map((scope) => ({ scope, commits: of.filter((c) => (c.scope ?? '') === scope) })),
    };
  });
  const authors = new Map<string, { name: string; email: string; commits: number }>();
  for (const c of parsed) {
    const key = c.author.email.toLowerCase() || c.author.name;
    const a = authors.get(key) ?? { ...c.author, commits: 0 };
    a.commits += 1;
    authors.set(key, a);
  }
  return {
    range,
    commits: parsed.length,
    sections,
    breaking: parsed.filter((c) => c.breaking),
    issues: [...new Set(parsed.flatMap((c) => c.issues))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    contributors: [...authors.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name)),
  };
}

/** Release notes as Markdown, the way a changelog shows them. */
export function renderReleaseNotes(notes: ReleaseNotes): string {
  const line = (c: ConventionalCommit) =>
    `- ${c.description} (${c.hash.slice(0, 7)})${c.issues.length > 0 ? ` — ${c.issues.join(', ')}` : ''}`;
  const out = [
    `# Release notes ${notes.range.from ? `${notes.range.from}..${notes.range.to}` : `up to ${notes.range.to}`}`,
    '',
  ];
  if (notes.commits === 0) return `${out.join('\n')}No changes.\n`;
  if (notes.breaking.length > 0) {
    out.push(
      '## ⚠ Breaking changes',
      '',
      ...notes.breaking.map((c) => `- ${c.scope ? `**${c.scope}:** ` : ''}${c.breaking} (${c.hash.slice(0, 7)})`),
      '',
    );
  }
  for (const s of notes.sections) {
    out.push(`## ${s.title}`, '');
    for (const { scope, commits } of s.scopes) {
      if (scope) out.push(`### ${scope}`, '');
      out.push(...commits.map(line), '');
    }
  }
  if (notes.issues.length > 0) out.push('## Issues', '', notes.issues.join(', '), '');
  out.push('## Contributors', '', ...notes.contributors.map((a) => `- ${a.name} <${a.email}> (${a.commits})`), '');
  return out.join('\n');
}
