import {
  type Clock,
  type ClusterGateway,
  err,
  type GenerateResult,
  invokeTool,
  type LanguageModel,
  type ModelMessage,
  ok,
  type PlanOutcome,
  type Result,
  redactingModel,
  redactText,
  systemClock,
  type ToolCall,
  UpstreamError,
} from '@opspilot/core';
import { z } from 'zod';
import { groundedReading } from './groundedReading.js';
import { INSPECTION_TOOLS } from './inspectionTools.js';
import { PLAN_TOOLS, type PlanToolContext } from './planTools.js';
import { readOnlyCluster } from './readOnlyCluster.js';
import { systemPrompt } from './systemPrompt.js';

/** Limits of one agent run; when one is reached the run stops and the offline planner answers. */
export interface AgentBudgets {
  /** Model calls. */
  maxIterations: number;
  /** Input plus output tokens over all calls. */
  maxTokens: number;
  /** Wall time on the given clock. */
  maxMs: number;
}

/** Defaults of {@link AgentBudgets}. */
export const DEFAULT_BUDGETS: AgentBudgets = { maxIterations: 8, maxTokens: 60_000, maxMs: 120_000 };

/** Options of {@link runAgent}. */
export interface AgentOptions {
  gateway: ClusterGateway;
  model: LanguageModel;
  namespace?: string;
  budgets?: Partial<AgentBudgets>;
  clock?: Clock;
  signal?: AbortSignal;
  /** Sees every tool call and what was sent back to the model (for progress output and the audit trail). */
  onToolResult?: (call: ToolCall, content: string) => void;
}

const TOOLS = [...INSPECTION_TOOLS, ...PLAN_TOOLS];
const toolSpecs = TOOLS.map((tool) => ({
  name: tool.name,
  description: tool.description,
  inputSchema: z.toJSONSchema(tool.input as z.ZodType, { unrepresentable: 'any', io: 'input' }) as Record<
    string,
    unknown
  >,
}));

/**
 * The agent loop for configured models. The model inspects the cluster through read-only tools (whose results are
 * redacted and wrapped as untrusted data) and answers with a plan or a question through the plan tools; it has no
 * tool that writes, and the gateway reaches the tools only as a read-only view. Returns the answer, or why the run
 * gave up (a provider failure, a spent budget, no answer) so the caller can fall back to the offline planner.
 */
export async function runAgent(text: string, options: AgentOptions): Promise<Result<PlanOutcome, string>> {
  const budgets = { ...DEFAULT_BUDGETS, ...options.budgets };
  const clock = options.clock ?? systemClock;
  const started = clock.now().getTime();
  const cluster = readOnlyCluster(options.gateway);
  let answer: PlanOutcome | undefined;
  const ctx: PlanToolContext = {
    cluster,
    request: text,
    modelId: options.model.id,
    namespaces: await cluster.list('Namespace'),
    conclude: (outcome) => {
      answer ??= outcome;
    },
    ...(options.namespace ? { namespace: options.namespace } : {}),
  };
  const model = redactingModel(options.model);
  const grounded = await groundedReading(text, cluster, options.namespace);
  const messages: ModelMessage[] = [
    { role: 'user', content: grounded ? `${redactText(text)}\n\n${redactText(grounded)}` : redactText(text) },
  ];
  let tokens = 0;
  for (let iteration = 0; iteration < budgets.maxIterations; iteration++) {
    if (tokens >= budgets.maxTokens)
      return err(`${options.model.id} used its budget of ${budgets.maxTokens} tokens without an answer`);
    if (clock.now().getTime() - started >= budgets.maxMs)
      return err(`${options.model.id} used its time budget of ${budgets.maxMs} ms without an answer`);
    let result: GenerateResult;
    try {
      result = await model.generate({
        system: systemPrompt(options.namespace),
        messages,
        tools: toolSpecs,
        maxTokens: Math.max(256, Math.min(4_096, budgets.maxTokens - tokens)),
        temperature: 0,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      return err(`${options.model.id} failed: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
    }
    tokens += result.usage.inputTokens + result.usage.outputTokens;
    if (!result.toolCalls.length) return err(`${options.model.id} answered without a plan`);
    messages.push({ role: 'assistant', content: result.text, toolCalls: result.toolCalls });
    for (const call of result.toolCalls) {
      const tool = TOOLS.find((t) => t.name === call.name);
      const outcome = tool
        ? await invokeTool(tool, ctx, call.arguments)
        : {
            ok: false as const,
            error: `unknown tool ${call.name}; the tools are ${TOOLS.map((t) => t.name).join(', ')}`,
          };
      const content = outcome.ok ? String(outcome.value) : `error: ${outcome.error}`;
      const sent = redactText(content);
      options.onToolResult?.(call, sent);
      messages.push({ role: 'tool', toolCallId: call.id, content: sent });
    }
    if (answer) return ok(answer);
  }
  return err(`${options.model.id} used its budget of ${budgets.maxIterations} model calls without an answer`);
}
