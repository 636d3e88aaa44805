import { describe, expect, it } from 'vitest';
import { originAllowed } from './originAllowed.js';

describe('originAllowed', () => {
  it('accepts only the public URL origin when one is configured', () => {
    expect(originAllowed('https://ops.example.com', 'https://ops.example.com/base', 'ops.example.com')).toBe(true);
    expect(originAllowed('http://ops.example.com', 'https://ops.example.com', 'ops.example.com')).toBe(false);
    expect(originAllowed('https://evil.example.net', 'https://ops.example.com', 'ops.example.com')).toBe(false);
  });

  it('falls back to same-origin on the Host header, and lets non-browser clients without Origin through', () => {
    expect(originAllowed('http://127.0.0.1:8080', undefined, '127.0.0.1:8080')).toBe(true);
    expect(originAllowed('http://127.0.0.1:9999', undefined, '127.0.0.1:8080')).toBe(false);
    expect(originAllowed('not a url', undefined, '127.0.0.1:8080')).toBe(false);
    expect(originAllowed(undefined, 'https://ops.example.com', 'x')).toBe(true);
  });
});
