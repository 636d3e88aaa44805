import { describe, expect, it } from 'vitest';
import { cleanRequest } from './cleanRequest.js';
import { parseWindow } from './numbers.js';
import { parseIntent } from './parseIntent.js';

const NS = ['todo', 'monitoring'];

describe('parseIntent', () => {
  it('takes the namespace from -n, "in namespace x", "in the x namespace" and a bare known name', () => {
    expect(cleanRequest('restart backend -n todo', NS)).toMatchObject({ text: 'restart backend', namespace: 'todo' });
    expect(cleanRequest('restart backend in namespace staging', NS).namespace).toBe('staging');
    expect(cleanRequest('restart backend in the staging namespace', NS).namespace).toBe('staging');
    expect(cleanRequest('restart backend in todo', NS).namespace).toBe('todo');
  });

  it('never takes a time window or an unknown word for a namespace', () => {
    expect(cleanRequest('errors in backend logs in the last 10 minutes', NS).namespace).toBeUndefined();
    expect(cleanRequest('show pods in crashloop', NS).namespace).toBeUndefined();
  });

  it('strips politeness and trailing punctuation', () => {
    expect(cleanRequest('Hey opspilot, could you please restart backend?', NS).text).toBe('restart backend');
  });

  it('reads number words and relative amounts', () => {
    expect(parseIntent('scale backend to five replicas')).toMatchObject({
      ok: true,
      value: { amount: { mode: 'absolute', replicas: 5 } },
    });
    expect(parseIntent('scale down backend by 1')).toMatchObject({
      value: { amount: { mode: 'relative', delta: -1 } },
    });
    expect(parseIntent('reduce backend by 25%')).toMatchObject({
      value: { amount: { mode: 'percent', percent: -25 } },
    });
  });

  it('reads time windows in words and in kubectl shorthand', () => {
    expect(parseWindow('in the last 10 minutes')).toBe(600);
    expect(parseWindow('over the past hour')).toBe(3_600);
    expect(parseWindow('since 30m')).toBe(1_800);
    expect(parseWindow('for 2 days')).toBe(172_800);
    expect(parseWindow('backend logs')).toBeUndefined();
  });

  it('tells an image tag from a full image reference', () => {
    expect(parseIntent('update backend to v1.2')).toMatchObject({ value: { action: 'setImage', tag: 'v1.2' } });
    expect(parseIntent('update backend to ghcr.io/acme/backend@sha256:abcdef0123')).toMatchObject({
      value: { image: 'ghcr.io/acme/backend@sha256:abcdef0123' },
    });
  });

  it('keeps the case of environment variable names and values', () => {
    expect(parseIntent('set Feature_Flag="On Now" on backend')).toMatchObject({
      value: { env: { Feature_Flag: 'On Now' } },
    });
  });

  it('says what it understood and offers the closest supported requests', () => {
    const result = parseIntent('exec into the backend pod');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.understood).toContain('run commands inside a container');
      expect(result.error.suggestions).toHaveLength(3);
    }
  });
});
