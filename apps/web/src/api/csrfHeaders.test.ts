import { describe, expect, it } from 'vitest';
import { csrfHeaders } from './csrfHeaders.js';

describe('csrfHeaders', () => {
  it('echoes the CSRF cookie in x-csrf-token', () => {
    expect(csrfHeaders('opspilot_session=s; opspilot_csrf=abc')).toEqual({ 'x-csrf-token': 'abc' });
  });

  it('sends nothing before sign-in', () => {
    expect(csrfHeaders('opspilot_session=s')).toEqual({});
  });
});
