import {
  type ChatMessage,
  type ChatSession,
  type Clock,
  ConflictError,
  InputError,
  type LanguageModel,
  NotFoundError,
  type Persona,
  systemClock,
} from '@opspilot/core';
import { BUILTIN_PERSONAS, DEFAULT_PERSONA_ID } from '../personas/builtinPersonas.js';
import { ChatPersona, type PersonaPatch } from '../personas/chatPersona.js';
import type { ToolContext } from '../tools/toolContext.js';
import type { ToolRegistry } from '../tools/toolRegistry.js';
import type { ChatBudgets, ChatStreamEvent, TurnMessage, TurnOutcome } from './chatTypes.js';
import { historyMessages } from './historyMessages.js';
import { runModelTurn } from './runModelTurn.js';
import { runOfflineTurn } from './runOfflineTurn.js';

/** Where sessions and messages are kept (the store's chat repository, adapted by the composition root). */
export interface ChatStore {
  createSession(input: {
    user_id: string;
    title: string;
    persona_id: string;
    cluster_context: string[];
  }): Promise<ChatSession>;
  getSession(id: string): Promise<ChatSession | undefined>;
  listSessions(userId: string): Promise<ChatSession[]>;
  renameSession(id: string, title: string): Promise<ChatSession>;
  /** Adds a message, counting it on the session and extending its expiry. */
  addMessage(sessionId: string, message: TurnMessage): Promise<ChatMessage>;
  listMessages(sessionId: string): Promise<ChatMessage[]>;
  /** Custom personas of the organisation. */
  listPersonas(): Promise<Persona[]>;
  createPersona(persona: Persona): Promise<Persona>;
  updatePersona(id: string, patch: Partial<Persona>): Promise<Persona>;
}

/** What {@link createChatService} works with. */
export interface ChatServiceDeps {
  store: ChatStore;
  registry: ToolRegistry;
  /** The configured language model; offline (planner and analyzers) when missing. */
  model?: LanguageModel;
  clock?: Clock;
  budgets?: Partial<ChatBudgets>;
  /** Announces each stored message (the server publishes CHAT_MESSAGE on the bus). */
  published?(message: ChatMessage, session: ChatSession): void | Promise<void>;
}

/** Options of one `send`. */
export interface SendOptions {
  context: ToolContext;
  readOnly?: boolean;
  emit?(event: ChatStreamEvent): void;
}

/**
 * The clusters a new session is scoped to: those the user chose; with none, the persona's default scope — `session`
 * personas (SRE, developer, custom ones) work on the caller's default cluster, `all-clusters` personas (security,
 * FinOps, executive) on every cluster the caller may see (an empty context).
 */
export function sessionClusters(persona: ChatPersona, chosen: string[], defaultCluster?: string): string[] {
  if (chosen.length) return chosen;
  return persona.scope === 'session' && defaultCluster ? [defaultCluster] : [];
}

const titleOf = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Chat sessions with personas over the tool registry: a user's sessions (title, persona, cluster context, expiry),
 * their messages with the model, tokens and latency of each answer and the tool calls and results, and one turn per
 * message — with the configured model, or offline. Which clusters a turn may reach is the caller's `context`.
 */
export function createChatService(deps: ChatServiceDeps) {
  const clock = deps.clock ?? systemClock;

  async function personas(): Promise<ChatPersona[]> {
    const custom = (await deps.store.listPersonas()).map((p) => ChatPersona.parse({ ...p, is_builtin: false }));
    return [...BUILTIN_PERSONAS, ...custom];
  }

  async function persona(id: string): Promise<ChatPersona> {
    const found = (await personas()).find((p) => p.id === id);
    if (!found)
      throw new NotFoundError(`no persona ${id}`, {
        hint: `personas: ${(await personas()).map((p) => p.id).join(', ')}`,
      });
    return found;
  }

  return {
    personas,
    persona,

    /** Adds a custom persona of the organisation; built-in ids are taken. */
    async createPersona(input: Omit<Persona, 'is_builtin' | 'created_by'>, createdBy: string): Promise<ChatPersona> {
      if ((await personas()).some((p) => p.id === input.id)) {
        throw new ConflictError(`persona ${input.id} exists`, { hint: 'choose another id' });
      }
      const stored = await deps.store.createPersona({ ...input, is_builtin: false, created_by: createdBy });
      return ChatPersona.parse(stored);
    },

    /** Changes a custom persona (tone, scope, tools…); built-in ones are fixed. Sessions started later follow it. */
    async updatePersona(id: string, patch: PersonaPatch): Promise<ChatPersona> {
      const current = await persona(id);
      if (Object.keys(patch).length === 0) {
        throw new InputError(`nothing to change in persona ${id}`, { hint: 'give a tone, scope, prompt or tools' });
      }
      if (current.is_builtin) {
        throw new ConflictError(`persona ${id} is built in and cannot be changed`, {
          hint: 'create a custom persona from it instead',
        });
      }
      return ChatPersona.parse({ ...(await deps.store.updatePersona(id, patch)), is_builtin: false });
    },

    async startSession(
      userId: string,
      input: { title?: string; persona_id?: string; cluster_context?: string[]; default_cluster?: string } = {},
    ): Promise<ChatSession> {
      const chosen = await persona(input.persona_id ?? DEFAULT_PERSONA_ID);
      return deps.store.createSession({
        user_id: userId,
        title: input.title ?? '',
        persona_id: chosen.id,
        cluster_context: sessionClusters(chosen, input.cluster_context ?? [], input.default_cluster),
      });
    },

    /** The session if it exists and belongs to `userId` (another user's reads as missing). */
    async session(userId: string, id: string): Promise<ChatSession> {
      const found = await deps.store.getSession(id);
      if (!found || found.user_id !== userId) {
        throw new NotFoundError(`chat session ${id} not found`, { hint: 'list your sessions to see their ids' });
      }
      return found;
    },

    sessions: (userId: string) => deps.store.listSessions(userId),
    messages: (sessionId: string) => deps.store.listMessages(sessionId),

    /**
     * Answers `text` in `session`: stores the user's message, runs one turn (model or offline) and stores every
     * message it produces; an expired session refuses with a ConflictError.
     */
    async send(session: ChatSession, text: string, options: SendOptions): Promise<TurnOutcome & { model: string }> {
      if (Date.parse(session.expires_at) <= clock.now().getTime()) {
        throw new ConflictError(`chat session ${session.id} expired at ${session.expires_at}`, {
          hint: 'start a new session',
        });
      }
      const chosen = await persona(session.persona_id);
      const history = historyMessages(await deps.store.listMessages(session.id));
      const record = async (message: TurnMessage) => {
        const stored = await deps.store.addMessage(session.id, message);
        await deps.published?.(stored, session);
      };
      await record({ role: 'USER', content: text, persona_id: chosen.id, tool_calls: [], tool_results: [] });
      if (!session.title) await deps.store.renameSession(session.id, titleOf(text));
      const turn = {
        text,
        history,
        persona: chosen,
        registry: deps.registry,
        context: options.context,
        ...(options.readOnly ? { readOnly: true } : {}),
        ...(deps.budgets ? { budgets: deps.budgets } : {}),
        record,
        emit: options.emit ?? (() => undefined),
      };
      const outcome = deps.model ? await runModelTurn(deps.model, turn) : await runOfflineTurn(turn);
      return { ...outcome, model: deps.model?.id ?? 'offline' };
    },
  };
}

/** The chat service of {@link createChatService}. */
export type ChatService = ReturnType<typeof createChatService>;
