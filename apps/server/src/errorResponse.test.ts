import { ConflictError, NotAllowedError, NotFoundError, UpstreamError } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { ErrorResponse, toHttpError } from './errorResponse.js';

describe('toHttpError', () => {
  const now = new Date('2026-01-25T10:00:00.000Z');

  it('takes the status of each typed error from httpStatusOf', () => {
    const cases = [
      [new NotFoundError('cluster xyz not found'), 404, 'NOT_FOUND'],
      [new NotAllowedError('approval required'), 403, 'NOT_ALLOWED'],
      [new ConflictError('stale resourceVersion'), 409, 'CONFLICT'],
      [new UpstreamError('prometheus unreachable', { source: 'prometheus', retryable: true }), 502, 'UPSTREAM'],
    ] as const;
    for (const [error, status, code] of cases) {
      const out = toHttpError(error, 'req-1', now);
      expect(out.status).toBe(status);
      expect(ErrorResponse.parse(out.body)).toEqual({
        error_code: code,
        message: error.message,
        trace_id: 'req-1',
        timestamp: '2026-01-25T10:00:00.000Z',
      });
    }
  });

  it('treats thrown non-errors as internal', () => {
    expect(toHttpError('oops', 't', now)).toMatchObject({ status: 500, body: { error_code: 'INTERNAL' } });
  });
});
