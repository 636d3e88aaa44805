import { useEffect, useState } from 'react';
import { logFollowUrl } from './logFollowUrl.js';

/** A line as the follow socket sends it. */
export interface FollowedLine {
  timestamp: string;
  cluster_name?: string;
  stream: Record<string, string>;
  message: string;
}

const KEEP = 1000;

/**
 * Follows `query` over the server's log socket while `enabled`: the newest {@link KEEP} lines, oldest first, and the
 * last warning or error the server sent. Closes the socket when disabled or unmounted.
 */
export function useLogFollow(query: string, enabled: boolean) {
  const [lines, setLines] = useState<FollowedLine[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    if (!enabled) return;
    setLines([]);
    setProblem(undefined);
    const socket = new WebSocket(logFollowUrl(window.location, query));
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { entries?: FollowedLine[]; warning?: string; error?: string };
      if (data.entries) setLines((old) => [...old, ...(data.entries ?? [])].slice(-KEEP));
      if (data.warning || data.error) setProblem(data.error ?? data.warning);
    };
    return () => socket.close();
  }, [query, enabled]);
  return { lines, problem };
}
