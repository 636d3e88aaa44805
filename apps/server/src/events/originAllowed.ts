/**
 * Whether a WebSocket handshake's `Origin` may connect: the origin of `server.public_url` when configured, else the
 * request's own host (same origin). Clients that send no Origin (CLIs, servers) are not browsers and pass; they
 * still need credentials.
 */
export function originAllowed(
  origin: string | undefined,
  publicUrl: string | undefined,
  host: string | undefined,
): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  return host !== undefined && parsed.host === host;
}
