import { describe, expect, it } from 'vitest';
import { buildReleaseNotes, renderReleaseNotes } from './buildReleaseNotes.js';
import type { GitCommit } from './conventionalCommit.js';

let n = 0;
const c = (subject: string, author = 'Ada', body = ''): GitCommit => ({
  hash: (++n).toString(16).padStart(40, 'a'),
  date: '2026-12-01T10:00:00.000Z',
  author_name: author,
  author_email: `${author.toLowerCase()}@example.com`,
  subject,
  body,
});

describe('buildReleaseNotes', () => {
  const notes = buildReleaseNotes(
    [
      c('feat(api)!: drop v1 endpoints', 'Ada'),
      c('fix(ui): button overlaps the list (#12)', 'Bob'),
      c('feat(ui): dark mode', 'Bob', 'Refs OPS-7'),
      c('refactor: split the store', 'Cy', 'BREAKING CHANGE: the store needs PostgreSQL 15\n\nCloses acme/api#4'),
      c('Merge branch main', 'Ada'),
      c('feat: export to CSV', 'Bob'),
    ],
    { from: 'v1.0.0', to: 'HEAD' },
  );

  it('groups commits by type in changelog order and by scope within a type', () => {
    expect(notes.sections.map((s) => s.title)).toEqual(['Features', 'Bug fixes', 'Refactoring', 'Other changes']);
    expect(notes.sections[0]!.scopes.map((s) => s.scope)).toEqual(['api', 'ui', '']);
    expect(notes.sections[3]!.scopes[0]!.commits[0]!.description).toBe('Merge branch main');
  });

  it('lists breaking changes from ! and from the footer, the issues and the contributors', () => {
    expect(notes.breaking.map((b) => b.breaking)).toEqual(['drop v1 endpoints', 'the store needs PostgreSQL 15']);
    expect(notes.issues).toEqual(['#12', 'acme/api#4', 'OPS-7']);
    expect(notes.contributors.map((a) => [a.name, a.commits])).toEqual([
      ['Bob', 3],
      ['Ada', 2],
      ['Cy', 1],
    ]);
  });

  it('renders Markdown', () => {
    const md = renderReleaseNotes(notes);
    expect(md).toContain('# Release notes v1.0.0..HEAD');
    expect(md).toContain('## ⚠ Breaking changes\n\n- **api:** drop v1 endpoints');
    expect(md).toContain('## Features\n\n### api\n\n- drop v1 endpoints');
    expect(md).toContain('- button overlaps the list (#12) (');
    expect(md).toContain('- Bob <bob@example.com> (3)');
    expect(renderReleaseNotes(buildReleaseNotes([], { to: 'HEAD' }))).toContain('No changes.');
  });
});
