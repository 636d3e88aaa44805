/** A prompt offered to MCP clients: a name, what it is for, its arguments and the message it expands to. */
export interface McpPromptDefinition {
  name: string;
  description: string;
  arguments: { name: string; description: string; required?: boolean }[];
  render(args: Record<string, string>): string;
}

const where = (args: Record<string, string>) =>
  `${args.namespace ? `namespace ${args.namespace} of ` : ''}${args.cluster ? `cluster ${args.cluster}` : 'the cluster in scope'}`;

/** The prompts of opspilot's MCP server: the investigations users start most. */
export const MCP_PROMPTS: readonly McpPromptDefinition[] = [
  {
    name: 'diagnose',
    description: 'Diagnose what is wrong in a cluster or namespace and propose fixes for approval',
    arguments: [
      { name: 'cluster', description: 'cluster name (optional when only one is in scope)' },
      { name: 'namespace', description: 'namespace to look at (optional)' },
    ],
    render: (args) =>
      `Diagnose ${where(args)} with opspilot: run analyze, read the events and logs of the root objects, and explain the root causes most severe first. Where a change would fix a cause, call propose_operation so a person can approve it; never claim a change was made.`,
  },
  {
    name: 'investigate_alert',
    description: 'Investigate a firing alert: what it means, what the signals say and what to do',
    arguments: [
      { name: 'alert', description: 'the alert name', required: true },
      { name: 'cluster', description: 'cluster name (optional)' },
    ],
    render: (args) =>
      `Investigate the alert ${args.alert} in ${where(args)}: list_alerts for its labels, query_metrics and search_logs around it, describe the objects it names, and say what is happening and what to do.`,
  },
  {
    name: 'summarize_incidents',
    description: 'Summarise the open incidents for a status update',
    arguments: [{ name: 'cluster', description: 'cluster name (optional)' }],
    render: (args) =>
      `Summarise the open incidents of ${where(args)} for a status update: list_incidents, then for each its severity, impact, suspected cause and next step, in plain language.`,
  },
];
