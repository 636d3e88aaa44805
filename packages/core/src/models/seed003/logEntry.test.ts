import { describe, expect, it } from 'vitest';
import { LogEntry } from './logEntry.js';

const entry = { timestamp: '2026-01-01T00:00:00.123Z', message: 'GET /healthz 200' };

describe('LogEntry', () => {
  it('accepts a line and defaults to no stream labels', () => {
    expect(LogEntry.parse(entry)).toEqual({ ...entry, stream: {} });
    const stream = { namespace: 'default', pod: 'nginx-abc123', container: 'nginx' };
    expect(LogEntry.parse({ ...entry, stream }).stream).toEqual(stream);
  });

  it('keeps an empty line', () => {
    expect(LogEntry.safeParse({ ...entry, message: '' }).success).toBe(true);
  });

  it('refuses a missing message, a non-UTC timestamp and non-string labels', () => {
    expect(LogEntry.safeParse({ timestamp: entry.timestamp }).success).toBe(false);
    expect(LogEntry.safeParse({ ...entry, timestamp: '2026-01-01T00:00:00+02:00' }).success).toBe(false);
    expect(LogEntry.safeParse({ ...entry, stream: { restarts: 3 } }).success).toBe(false);
  });
});
