import { InputError } from '@opspilot/core';
import type { SilenceMatcher } from './alertmanagerSchemas.js';

const MATCHER = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?$/;

/**
 * Parses silence matchers as amtool writes them (`name=value`, `name!=value`, `name=~regex`, `name!~regex`, the
 * value optionally in double quotes); an InputError names the first one that is not.
 */
export function parseMatchers(matchers: string[]): SilenceMatcher[] {
  return matchers.map((text) => {
    const m = MATCHER.exec(text.trim());
    if (!m) {
      throw new InputError(`matcher "${text}" is not name=value, name!=value, name=~regex or name!~regex`, {
        hint: 'e.g. alertname=HighCPU or namespace=~"todo|shop"',
      });
    }
    const op = m[2] as string;
    return { name: m[1] as string, value: m[3] as string, isRegex: op.includes('~'), isEqual: !op.startsWith('!') };
  });
}
