/** Exit codes of the `opspilot` command, the same for every command. */
export const EXIT_CODES = {
  /** Success. */
  ok: 0,
  /** The command worked and found problems (findings, a broken audit chain) or a policy refused the action. */
  findings: 1,
  /** Bad usage, invalid configuration or input, or a failure of opspilot or a system it depends on. */
  error: 2,
} as const;

/** The exit-code table shown at the end of `--help`. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  ok
  1  findings or refused (e.g. a broken audit chain, a policy refusal)
  2  usage or runtime error (bad flags, invalid configuration, unreachable store or cluster)`;
