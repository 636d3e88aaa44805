import type { Event } from '@opspilot/core';
import { canSeeCluster, type Principal } from '../auth/principal.js';

/**
 * Whether the caller may receive an event: administrators every event; others the events of their clusters. An
 * event about no cluster (a user created, say) goes to administrators only.
 */
export function canSeeEvent(principal: Principal, event: Event): boolean {
  // A chat message is its session owner's (and administrators').
  if (event.event_type === 'CHAT_MESSAGE' && event.payload.user_id !== principal.user.id) {
    return principal.user.role === 'ADMIN';
  }
  if (principal.clusterIds === 'all') return true;
  return event.cluster_id !== undefined && canSeeCluster(principal, event.cluster_id);
}
