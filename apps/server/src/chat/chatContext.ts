import type { ToolContext } from '@opspilot/chat';
import type { ChatSession } from '@opspilot/core';
import type { ApiServices } from '../api/apiServices.js';
import type { Principal } from '../auth/principal.js';
import { serverToolBackend } from './serverToolBackend.js';

/** The tool context of a chat turn: the session's clusters (all the user may see when it names none), as the user. */
export function chatToolContext(services: ApiServices, principal: Principal, session: ChatSession): ToolContext {
  return {
    backend: serverToolBackend(services, principal, { clusterIds: session.cluster_context }),
    user: principal.user.username,
    now: services.clock.now(),
  };
}
