/** The event socket's URL on the page's own origin (`ws:` or `wss:` to match the page). */
export function eventSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
}
