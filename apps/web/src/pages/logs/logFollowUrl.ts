/** The live log socket's URL on the page's own origin for `query` (`ws:` or `wss:` to match the page). */
export function logFollowUrl(location: { protocol: string; host: string }, query: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api/logs/follow?query=${encodeURIComponent(query)}`;
}
