import type { Event, EventBus, EventFilter } from '@opspilot/core';
import type { Principal } from '../auth/principal.js';
import { canSeeEvent } from './canSeeEvent.js';
import type { FrameWriter } from './createFrameFlusher.js';

/** Most events in one batched message; a window that fills up is sent at once, so a message stays bounded. */
export const MAX_BATCH_EVENTS = 1_000;

/** One connection's place in batched delivery. */
export interface BatchMembership {
  /** Applies re-checked credentials: the connection moves to another group when the clusters it may see changed. */
  setPrincipal(principal: Principal): void;
  /** Stops delivery; the events already collected for this connection are sent first. */
  leave(): void;
}

/** Delivers events to connections as arrays, one message per connection and flush window. */
export interface BatchedDelivery {
  /**
   * Sends the events matching `filter` that `principal` may see to `writer`, as one array per window of at most
   * `maxDelayMs` (counted from the window's first event), in publish order.
   */
  join(filter: EventFilter, principal: Principal, maxDelayMs: number, writer: FrameWriter): BatchMembership;
  /** How many groups (distinct filter, visibility and delay) are live. */
  readonly groups: number;
}

interface Member {
  writer: FrameWriter;
  /** Where this member's events start in the group's current window (it may have joined mid-window). */
  from: number;
}

interface Group {
  key: string;
  members: Set<Member>;
  window: Event[];
  timer: ReturnType<typeof setTimeout> | undefined;
  unsubscribe: () => void;
}

const distinctSorted = (values: readonly string[] | undefined) => [...new Set(values ?? [])].sort();
const visibilityOf = (principal: Principal) =>
  principal.clusterIds === 'all' ? 'all' : [...principal.clusterIds].sort().join(',');

/**
 * Builds the batched delivery of the event stream. Connections with the same filter, the same visible clusters and
 * the same delay form a group: the group subscribes to the bus once, collects its events for the window, and hands
 * the same array object to each member's writer, so the array is serialised and framed once per group and window
 * and each connection gets one message (one TCP write) per window, whatever the event rate.
 */
export function createBatchedDelivery(bus: EventBus): BatchedDelivery {
  const groups = new Map<string, Group>();

  const flush = (group: Group) => {
    clearTimeout(group.timer);
    group.timer = undefined;
    const events = group.window;
    group.window = [];
    for (const member of group.members) {
      if (member.from < events.length) member.writer.send(member.from === 0 ? events : events.slice(member.from));
      member.from = 0;
    }
  };

  const groupFor = (filter: EventFilter, principal: Principal, maxDelayMs: number): Group => {
    const normalised = {
      event_types: distinctSorted(filter.event_types) as EventFilter['event_types'],
      cluster_filter: distinctSorted(filter.cluster_filter),
      namespace_filter: distinctSorted(filter.namespace_filter),
    };
    const key = JSON.stringify([normalised, visibilityOf(principal), maxDelayMs]);
    const existing = groups.get(key);
    if (existing) return existing;
    const group: Group = { key, members: new Set(), window: [], timer: undefined, unsubscribe: () => {} };
    group.unsubscribe = bus.subscribe(normalised, (event) => {
      if (!canSeeEvent(principal, event)) return;
      group.window.push(event);
      if (group.window.length >= MAX_BATCH_EVENTS) flush(group);
      else group.timer ??= setTimeout(() => flush(group), maxDelayMs);
    });
    groups.set(key, group);
    return group;
  };

  const remove = (group: Group, member: Member) => {
    if (!group.members.delete(member)) return;
    if (member.from < group.window.length) member.writer.send(group.window.slice(member.from));
    if (group.members.size > 0) return;
    clearTimeout(group.timer);
    group.unsubscribe();
    groups.delete(group.key);
  };

  return {
    join(filter, principal, maxDelayMs, writer) {
      let visibility = visibilityOf(principal);
      let group = groupFor(filter, principal, maxDelayMs);
      const member: Member = { writer, from: group.window.length };
      group.members.add(member);
      return {
        setPrincipal(next) {
          if (visibilityOf(next) === visibility || !group.members.has(member)) return;
          remove(group, member);
          visibility = visibilityOf(next);
          group = groupFor(filter, next, maxDelayMs);
          member.from = group.window.length;
          group.members.add(member);
        },
        leave: () => remove(group, member),
      };
    },
    get groups() {
      return groups.size;
    },
  };
}
