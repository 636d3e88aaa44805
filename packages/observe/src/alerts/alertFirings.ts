/** One transition of an alert, as the store's firing history keeps it. */
export interface AlertTransition {
  state: 'FIRING' | 'RESOLVED' | 'PENDING';
  starts_at: string;
  ends_at?: string | undefined;
  recorded_at: string;
}

/** One firing of an alert: from its start to its resolution (open while it still fires). */
export interface AlertFiring {
  /** 1 for the first firing, 2 for the first re-fire, … */
  number: number;
  started_at: string;
  ended_at?: string;
  /** Seconds from start to end; absent while it fires. */
  duration_seconds?: number;
  state: 'FIRING' | 'RESOLVED';
}

/**
 * The firings of an alert from its transitions (oldest first): a FIRING transition with a start not seen before opens
 * a firing (closing an open one at the new start, when Alertmanager never said it resolved), a RESOLVED one closes
 * the open firing at its `ends_at` (or when it was recorded). PENDING transitions are not firings.
 */
export function alertFirings(transitions: readonly AlertTransition[]): AlertFiring[] {
  const firings: AlertFiring[] = [];
  const close = (firing: AlertFiring | undefined, at: string) => {
    if (firing?.state !== 'FIRING') return;
    firing.state = 'RESOLVED';
    firing.ended_at = at;
    firing.duration_seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(firing.started_at)) / 1000));
  };
  for (const t of transitions) {
    const open = firings.at(-1);
    if (t.state === 'FIRING') {
      if (open?.started_at === t.starts_at) continue;
      close(open, t.starts_at);
      firings.push({ number: firings.length + 1, started_at: t.starts_at, state: 'FIRING' });
    } else if (t.state === 'RESOLVED') {
      if (!open || open.state === 'RESOLVED') {
        // Resolved without a firing seen (first heard of once over): one closed firing.
        if (open?.started_at === t.starts_at) continue;
        firings.push({ number: firings.length + 1, started_at: t.starts_at, state: 'FIRING' });
      }
      close(firings.at(-1), t.ends_at ?? t.recorded_at);
    }
  }
  return firings;
}
