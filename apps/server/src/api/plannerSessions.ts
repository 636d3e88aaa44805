import { createPlannerSession, type PlannerSession } from '@opspilot/ai';

/** How many conversations are remembered; the least recently used one is forgotten beyond it. */
const MAX_SESSIONS = 1000;
const sessions = new Map<string, PlannerSession>();

/**
 * The planner's conversation of one user on one cluster, so that `ask "fix it"` after `ask "why is api crashing"`
 * reaches api (the objects the last request named). Kept in memory per server process: a restart, or another
 * replica, starts a new conversation, and "it" is then asked back as a question.
 */
export function plannerSessionOf(userId: string, clusterId: string): PlannerSession {
  const key = `${userId}\u0000${clusterId}`;
  const session = sessions.get(key) ?? createPlannerSession();
  sessions.delete(key);
  sessions.set(key, session);
  if (sessions.size > MAX_SESSIONS) {
    const oldest = sessions.keys().next().value;
    if (oldest !== undefined) sessions.delete(oldest);
  }
  return session;
}
