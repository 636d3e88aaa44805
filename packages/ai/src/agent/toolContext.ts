import type { ReadOnlyCluster } from './readOnlyCluster.js';

/** What the agent's tools run with: a read-only cluster and nothing that can write. */
export interface AgentToolContext {
  cluster: ReadOnlyCluster;
  /** The namespace the user chose, used when a tool call names none. */
  namespace?: string;
}

/** Cluster data as the model sees it: redacted, then wrapped as untrusted. */
export const MAX_TOOL_TEXT = 12_000;

/** Text cut to {@link MAX_TOOL_TEXT} characters, saying so. */
export function truncate(text: string): string {
  return text.length <= MAX_TOOL_TEXT
    ? text
    : `${text.slice(0, MAX_TOOL_TEXT)}\n… (${text.length - MAX_TOOL_TEXT} more characters cut)`;
}
