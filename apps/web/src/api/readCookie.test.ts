import { describe, expect, it } from 'vitest';
import { readCookie } from './readCookie.js';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; opspilot_csrf=x%2By; b=2', 'opspilot_csrf')).toBe('x+y');
  });

  it('does not match a cookie whose name only ends with the wanted one', () => {
    expect(readCookie('not_opspilot_csrf=1', 'opspilot_csrf')).toBeUndefined();
  });

  it('answers undefined for an empty cookie string', () => {
    expect(readCookie('', 'opspilot_csrf')).toBeUndefined();
  });
});
