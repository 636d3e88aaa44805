import { configuredModel } from '@opspilot/ai-providers';
import { type ChatService, createChatService, repositoryChatStore } from '@opspilot/chat';
import type { ApiServices } from '../api/apiServices.js';
import { serverToolRegistry } from './serverToolRegistry.js';

/**
 * The chat service of the server: sessions and personas in the store, the server's tool registry, the configured
 * model (offline when `llm.provider` is `offline`), and every stored message announced as `CHAT_MESSAGE` (ids and
 * role only: the text stays with its owner).
 */
export async function chatOf(services: ApiServices): Promise<ChatService> {
  const model = configuredModel(services.config.llm);
  if (!model.ok) throw model.error;
  const chat = createChatService({
    store: repositoryChatStore(services.store),
    registry: await serverToolRegistry(services),
    ...(model.value ? { model: model.value } : {}),
    clock: services.clock,
    published: async (message, session) => {
      await services.bus
        .publish({
          event_type: 'CHAT_MESSAGE',
          ...(session.cluster_context[0] ? { cluster_id: session.cluster_context[0] } : {}),
          timestamp: message.created_at,
          payload: {
            session_id: session.id,
            message_id: message.id,
            user_id: session.user_id,
            role: message.role,
            persona_id: message.persona_id ?? session.persona_id,
            tool_calls: message.tool_calls.map((c) => c.name),
            ...(message.model ? { model: message.model } : {}),
          },
        })
        .catch((error: unknown) => services.logger.warn({ err: error }, 'publishing a chat message failed'));
    },
  });
  return chat;
}
