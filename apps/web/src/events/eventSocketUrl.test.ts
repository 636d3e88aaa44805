import { describe, expect, it } from 'vitest';
import { eventSocketUrl } from './eventSocketUrl.js';

describe('eventSocketUrl', () => {
  it('uses wss behind https and ws otherwise', () => {
    expect(eventSocketUrl({ protocol: 'https:', host: 'ops.example.com' })).toBe('wss://ops.example.com/api/events');
    expect(eventSocketUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/events');
  });
});
