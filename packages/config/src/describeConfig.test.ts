import { describe, expect, it } from 'vitest';
import { describeConfig } from './describeConfig.js';
import { maskUrlPassword } from './maskSecret.js';
import { OpspilotConfig } from './opspilotConfig.js';

describe('describeConfig', () => {
  const config = OpspilotConfig.parse({
    database: { url: 'postgres://opspilot:db-pass@pg.internal:5432/opspilot' },
    llm: { provider: 'openai', api_key: 'sk-live-123', model: 'gpt-4o-mini' },
    events: { bus: 'redis', redis_url: 'redis://:redis-pass@cache:6379/0' },
    secrets: { encryption_key: Buffer.alloc(32, 1).toString('base64') },
  });

  it('masks API keys, the encryption key and URL passwords', () => {
    const shown = describeConfig(config);
    expect(shown.llm.api_key).toBe('****');
    expect(shown.secrets.encryption_key).toBe('****');
    expect(shown.database.url).toBe('postgres://opspilot:****@pg.internal:5432/opspilot');
    expect(shown.events.redis_url).toBe('redis://:****@cache:6379/0');
    expect(JSON.stringify(shown)).not.toMatch(/sk-live|db-pass|redis-pass|AQEB/);
  });

  it('keeps everything else and leaves the original untouched', () => {
    const shown = describeConfig(config);
    expect(shown.llm.model).toBe('gpt-4o-mini');
    expect(shown.server).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(config.llm.api_key).toBe('sk-live-123');
  });

  it('does not touch URLs without a password', () => {
    expect(maskUrlPassword('postgres://pg.internal:5432/opspilot')).toBe('postgres://pg.internal:5432/opspilot');
    expect(maskUrlPassword('postgres://user@pg/db')).toBe('postgres://user@pg/db');
  });
});
