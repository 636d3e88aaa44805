/**
 * Reads one cookie from a `document.cookie` string (`a=1; b=2`). Used for the CSRF cookie, which the server makes
 * readable by the page so it can be echoed in the `x-csrf-token` header.
 */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}
