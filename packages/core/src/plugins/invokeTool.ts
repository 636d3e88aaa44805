import { isOpspilotError } from '../errors/index.js';
import type { Tool, ToolOutcome } from './tool.js';

/**
 * Runs a tool on the raw arguments a model or MCP client sent. Arguments are parsed with the tool's schema first;
 * bad ones come back as `{ ok: false, error }` naming each problem, so the model can correct its call. An opspilot
 * error thrown by the tool (object not found, forbidden, upstream down) also comes back as an error outcome, with
 * its hint; anything else is a bug and is rethrown.
 * @example
 * const outcome = await invokeTool(listPods, ctx, call.arguments);
 */
export async function invokeTool<I, O, C>(tool: Tool<I, O, C>, ctx: C, rawInput: unknown): Promise<ToolOutcome<O>> {
  const parsed = tool.input.safeParse(rawInput);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
    return { ok: false, error: `invalid input for ${tool.name}: ${problems.join('; ')}` };
  }
  try {
    return await tool.run(ctx, parsed.data);
  } catch (error) {
    if (!isOpspilotError(error)) throw error;
    return { ok: false, error: error.hint ? `${error.message} (${error.hint})` : error.message };
  }
}
