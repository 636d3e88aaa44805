import { describe, expect, it } from 'vitest';
import { ErrorResponse } from './errorResponse.js';

const body = {
  error_code: 'CLUSTER_NOT_FOUND',
  message: 'Cluster with ID xyz not found',
  timestamp: '2026-01-01T00:00:00Z',
};

describe('ErrorResponse', () => {
  it('accepts a minimal body and one with details and a trace id', () => {
    expect(ErrorResponse.parse(body)).toEqual(body);
    const full = { ...body, details: { cluster_id: 'xyz', hint: 'list clusters' }, trace_id: 'req-42' };
    expect(ErrorResponse.parse(full)).toEqual(full);
  });

  it.each(['NOT_FOUND', 'INPUT', 'HTTP_404'])('accepts the code %s', (error_code) => {
    expect(ErrorResponse.safeParse({ ...body, error_code }).success).toBe(true);
  });

  it.each(['cluster-not-found', 'NotFound', '_INPUT', 'INPUT_', 'NOT__FOUND', '404', ''])(
    'refuses the code %j',
    (error_code) => {
      expect(ErrorResponse.safeParse({ ...body, error_code }).success).toBe(false);
    },
  );

  it('requires a message and a timestamp, and object details', () => {
    expect(ErrorResponse.safeParse({ ...body, message: '' }).success).toBe(false);
    expect(ErrorResponse.safeParse({ error_code: 'INPUT', message: 'bad' }).success).toBe(false);
    expect(ErrorResponse.safeParse({ ...body, details: 'oops' }).success).toBe(false);
  });
});
