import { ConflictError } from '@opspilot/core';
import type { ChatTool } from './chatTool.js';

/** Which tools of a registry a caller may see and call. */
export interface ToolFilter {
  /** Only `read` tools (MCP `--read-only`, a read-only token, a VIEWER). */
  readOnly?: boolean;
  /** Tool names allowed (a persona's capabilities; `cost_*` allows a prefix); missing or empty allows every tool. */
  allowed?: readonly string[];
}

/** The one set of tools offered to models, chat and MCP clients. */
export interface ToolRegistry {
  /** Adds tools; throws ConflictError when a name is taken (a second definition is a mistake, never an override). */
  register(...tools: ChatTool[]): ToolRegistry;
  get(name: string): ChatTool | undefined;
  /** The tools passing `filter`, in registration order. */
  list(filter?: ToolFilter): ChatTool[];
}

/** Whether `tool` passes `filter`. */
export function toolAllowed(tool: ChatTool, filter: ToolFilter = {}): boolean {
  if (filter.readOnly && tool.effect !== 'read') return false;
  if (!filter.allowed?.length) return true;
  return filter.allowed.some((name) =>
    name.endsWith('*') ? tool.name.startsWith(name.slice(0, -1)) : name === tool.name,
  );
}

/**
 * A registry of tools. The composition root registers the built-ins and whatever other modules export (security,
 * cost, tools mounted from external MCP servers), so modules add tools without touching this package.
 * @example
 * const registry = createToolRegistry(BUILTIN_TOOLS).register(...SECURITY_TOOLS);
 * registry.list({ readOnly: true });
 */
export function createToolRegistry(initial: readonly ChatTool[] = []): ToolRegistry {
  const tools = new Map<string, ChatTool>();
  const registry: ToolRegistry = {
    register(...added) {
      for (const tool of added) {
        if (tools.has(tool.name)) {
          throw new ConflictError(`tool "${tool.name}" is already registered`, {
            hint: 'give the new tool a different name, or remove the duplicate registration',
          });
        }
        tools.set(tool.name, tool);
      }
      return registry;
    },
    get: (name) => tools.get(name),
    list: (filter) => [...tools.values()].filter((tool) => toolAllowed(tool, filter)),
  };
  return registry.register(...initial);
}
