import { invokeTool, redact, type ToolCall, type ToolResultStatus } from '@opspilot/core';
import { MAX_RESULT_CHARS, renderToolValue } from './boundedText.js';
import type { ToolContext } from './toolContext.js';
import { type ToolFilter, type ToolRegistry, toolAllowed } from './toolRegistry.js';

/** How one tool call ended, as recorded (seed 003 §5.4) and as sent back to the model. */
export interface ToolInvocation {
  call: ToolCall;
  status: ToolResultStatus;
  /** What the model (or MCP client) is sent: redacted, size-bounded, untrusted data labelled. */
  content: string;
  /** The redacted value for the web (proposed operations, tables), when it fits the size limit. */
  data?: unknown;
  error?: string;
  duration_ms: number;
}

/** Options of {@link callTool}. */
export interface CallToolOptions {
  filter?: ToolFilter;
  /** Wall time a tool may take before it is reported as TIMEOUT (default 30 s). */
  timeoutMs?: number;
  maxChars?: number;
}

const failed = (call: ToolCall, status: ToolResultStatus, error: string, started: number): ToolInvocation => ({
  call,
  status,
  content: `error: ${error}`,
  error,
  duration_ms: Date.now() - started,
});

/**
 * Runs one tool call of a model or MCP client. Never throws for the caller's mistakes: an unknown or forbidden tool,
 * invalid arguments (the validation problems are sent back so the model can retry), a tool's own failure or a
 * timeout all come back as an ERROR or TIMEOUT result.
 */
export async function callTool(
  registry: ToolRegistry,
  call: ToolCall,
  ctx: ToolContext,
  options: CallToolOptions = {},
): Promise<ToolInvocation> {
  const started = Date.now();
  const tool = registry.get(call.name);
  if (!tool || !toolAllowed(tool, options.filter)) {
    const names = registry.list(options.filter).map((t) => t.name);
    const why = tool ? `tool ${call.name} is not allowed here` : `unknown tool ${call.name}`;
    return failed(call, 'ERROR', `${why}; the tools are ${names.join(', ')}`, started);
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([invokeTool(tool, ctx, call.arguments), timeout]);
    if (outcome === 'timeout') return failed(call, 'TIMEOUT', `${call.name} took longer than ${timeoutMs} ms`, started);
    if (!outcome.ok) return failed(call, 'ERROR', outcome.error, started);
    const max = options.maxChars ?? MAX_RESULT_CHARS;
    const content = renderToolValue(outcome.value, {
      label: `${tool.source} ${call.name}`,
      untrusted: tool.untrusted,
      max,
    });
    const data = redact(outcome.value);
    const fits = (JSON.stringify(data) ?? '').length <= max;
    return { call, status: 'SUCCESS', content, ...(fits ? { data } : {}), duration_ms: Date.now() - started };
  } catch (error) {
    return failed(call, 'ERROR', `${call.name} failed: ${(error as Error).message}`, started);
  } finally {
    clearTimeout(timer);
  }
}
