import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configKeys, knownKeysUnder } from './configKeys.js';

describe('configKeys', () => {
  it('derives OPSPILOT_<SECTION>_<KEY> variables and value kinds from the schema', () => {
    const byKey = new Map(configKeys.map((k) => [k.key, k]));
    expect(byKey.get('server.port')).toMatchObject({ env: 'OPSPILOT_SERVER_PORT', kind: 'number' });
    expect(byKey.get('server.port')?.aliases.map((a) => a.name)).toEqual(['PORT']);
    expect(byKey.get('data_dir')).toMatchObject({ env: 'OPSPILOT_DATA_DIR', kind: 'string', path: ['data_dir'] });
    expect(byKey.get('llm.base_url')?.env).toBe('OPSPILOT_LLM_BASE_URL');
    expect(byKey.get('database.url')?.env).toBe('OPSPILOT_DATABASE_URL');
    expect(byKey.get('auth.login_max_failures')).toMatchObject({
      env: 'OPSPILOT_AUTH_LOGIN_MAX_FAILURES',
      kind: 'number',
    });
    expect(byKey.get('auth.cookie_secure')?.kind).toBe('boolean');
    expect(configKeys).toHaveLength(63);
  });

  it('lists the keys of a section', () => {
    expect(knownKeysUnder('log')).toEqual(['level']);
    expect(knownKeysUnder('')).toContain('data_dir');
  });

  it('is documented in README.md with every key and variable', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const rows = readme
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    for (const key of configKeys) {
      const row = rows.find((cells) => cells[1] === `\`${key.key}\``);
      expect(row?.[2], key.key).toMatch(new RegExp(`^\`${key.env}\``));
      for (const alias of key.aliases) expect(row?.[2], key.key).toContain(`\`${alias.name}\``);
    }
  });
});
