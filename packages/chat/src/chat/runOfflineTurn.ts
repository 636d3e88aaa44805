import type { ToolCall } from '@opspilot/core';
import { personaToolFilter } from '../personas/personaTools.js';
import { callTool, type ToolInvocation } from '../tools/callTool.js';
import { toolAllowed } from '../tools/toolRegistry.js';
import { type TurnOutcome, toToolResult } from './chatTypes.js';
import type { TurnOptions } from './runModelTurn.js';

/** The model id recorded on offline answers. */
export const OFFLINE_MODEL = 'offline';

const DIAGNOSIS =
  /\b(what'?s wrong|what is wrong|why|diagnos\w*|problems?|broken|health\w*|failing|issues?|unhealthy|crash\w*|errors?)\b/i;

/** Why offline could not answer, and what it can do. */
export const NEEDS_MODEL =
  'This question needs a language model, and none is configured (set llm.provider, e.g. OPSPILOT_LLM_PROVIDER=openai-compatible). ' +
  'Without one I can diagnose ("what is wrong in namespace shop?"), answer what the built-in planner understands ("list pods in todo", "top pods by memory") and propose changes it understands ("scale backend to 3 replicas").';

interface ProposedData {
  kind?: string;
  operation_id?: string;
  state?: string;
  summary?: string;
  message?: string;
  result?: string;
}

function describeProposal(data: ProposedData): string {
  if (data.kind !== 'operation') return data.kind === 'unsupported' || !data.message ? NEEDS_MODEL : data.message;
  if (data.state === 'NEEDS_REVIEW') {
    return `I proposed operation ${data.operation_id}: ${data.summary ?? ''}. It waits for approval — nothing has been changed yet.`;
  }
  if (data.state === 'APPLIED' && data.result) return data.result;
  return `Operation ${data.operation_id} is ${data.state}${data.message ? `: ${data.message}` : ''}.`;
}

function describeAnalysis(data: { cluster?: string; problems?: { severity: string; root_cause: string }[] }): string {
  const problems = data.problems ?? [];
  if (!problems.length) return `The analyzers found no problems in ${data.cluster ?? 'the cluster'}.`;
  const lines = problems.slice(0, 10).map((p) => `- ${p.severity}: ${p.root_cause}`);
  return [`The analyzers found ${problems.length} problem(s) in ${data.cluster ?? 'the cluster'}:`, ...lines].join(
    '\n',
  );
}

/** `in namespace shop`, `in shop` — the namespace a question names. */
function namedNamespace(text: string): string | undefined {
  return /\bin (?:the )?(?:namespace )?([a-z0-9][a-z0-9-]{0,62})\b/i.exec(text)?.[1];
}

/**
 * A turn without a language model: deterministic. Questions about what is wrong run the analyzers; anything else
 * goes to the offline planner through `propose_operation` (reads are answered at once, changes become operations
 * waiting for approval); what neither understands is answered with {@link NEEDS_MODEL}. Tool calls are recorded
 * like a model's.
 */
export async function runOfflineTurn(options: TurnOptions): Promise<TurnOutcome> {
  const filter = personaToolFilter(options.persona, options.readOnly);
  const allowed = (name: string) => {
    const tool = options.registry.get(name);
    return tool !== undefined && toolAllowed(tool, filter);
  };
  let call: ToolCall | undefined;
  if (DIAGNOSIS.test(options.text) && allowed('analyze')) {
    const namespace = namedNamespace(options.text);
    call = { id: `offline-${crypto.randomUUID()}`, name: 'analyze', arguments: namespace ? { namespace } : {} };
  } else if (allowed('propose_operation')) {
    call = { id: `offline-${crypto.randomUUID()}`, name: 'propose_operation', arguments: { request: options.text } };
  }
  let invocation: ToolInvocation | undefined;
  if (call) {
    options.emit({ type: 'tool_call', call });
    await options.record({
      role: 'ASSISTANT',
      content: '',
      persona_id: options.persona.id,
      tool_calls: [call],
      tool_results: [],
      model: OFFLINE_MODEL,
      tokens_used: 0,
    });
    invocation = await callTool(options.registry, call, options.context, { filter });
    options.emit({ type: 'tool_result', invocation });
    await options.record({
      role: 'TOOL',
      content: '',
      persona_id: options.persona.id,
      tool_calls: [],
      tool_results: [toToolResult(invocation)],
    });
  }
  const answer = !invocation
    ? NEEDS_MODEL
    : invocation.status !== 'SUCCESS'
      ? `${invocation.error ?? 'the tool failed'}`
      : call?.name === 'analyze'
        ? describeAnalysis(invocation.data as Parameters<typeof describeAnalysis>[0])
        : describeProposal((invocation.data ?? {}) as ProposedData);
  for (const piece of answer.match(/.{1,40}/gs) ?? []) options.emit({ type: 'text', delta: piece });
  await options.record({
    role: 'ASSISTANT',
    content: answer,
    persona_id: options.persona.id,
    tool_calls: [],
    tool_results: [],
    model: OFFLINE_MODEL,
    tokens_used: 0,
    latency_ms: 0,
  });
  return { answer, tokens: 0, steps: 0 };
}
