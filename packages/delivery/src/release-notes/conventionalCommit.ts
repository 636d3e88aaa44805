import { z } from 'zod';

/** One commit as a git library reads it (the adapter in `@opspilot/git` produces these). */
export const GitCommit = z.object({
  hash: z.string().regex(/^[0-9a-f]{7,64}$/),
  date: z.string(),
  author_name: z.string(),
  author_email: z.string(),
  subject: z.string(),
  body: z.string().default(''),
});
export type GitCommit = z.infer<typeof GitCommit>;

/** A commit read as a Conventional Commit: type, scope, breaking change, description and the issues it names. */
export interface ConventionalCommit {
  hash: string;
  /** `feat`, `fix`, … lower-cased; `other` when the subject does not follow the convention. */
  type: string;
  scope?: string;
  description: string;
  /** The breaking change's text (the `BREAKING CHANGE:` footer, or the description after `!`). */
  breaking?: string;
  /** Issue references, e.g. `#12`, `acme/api#7`, `OPS-42`. */
  issues: string[];
  author: { name: string; email: string };
  date: string;
}

const HEADER = /^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]+)\))?(?<bang>!)?: (?<description>.+)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE: ?([\s\S]+?)(?:\n\n|\n[\w-]+(?:: | #)|$)/m;
const ISSUE = /(?:^|[\s(,])((?:[\w.-]+\/[\w.-]+)?#\d+|[A-Z][A-Z0-9]+-\d+)\b/g;

/**
 * Reads a commit message as a Conventional Commit (`type(scope)!: description`, `BREAKING CHANGE:` footer); a
 * message that does not follow it is of type `other` with its subject as description.
 * @see https://www.conventionalcommits.org/en/v1.0.0/
 */
export function parseConventionalCommit(commit: GitCommit): ConventionalCommit {
  const header = HEADER.exec(commit.subject.trim());
  const groups = header?.groups ?? {};
  const footer = BREAKING_FOOTER.exec(commit.body)?.[1]?.trim();
  const description = (groups.description ?? commit.subject).trim();
  const issues = [...`${commit.subject}\n${commit.body}`.matchAll(ISSUE)].map((m) => m[1]!);
  return {
    hash: commit.hash,
    type: header ? groups.type!.toLowerCase() : 'other',
    ...(groups.scope ? { scope: groups.scope.trim() } : {}),
    description,
    ...(footer ? { breaking: footer } : groups.bang ? { breaking: description } : {}),
    issues: [...new Set(issues)],
    author: { name: commit.author_name, email: commit.author_email },
    date: commit.date,
  };
}
