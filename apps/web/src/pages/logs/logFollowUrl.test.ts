import { describe, expect, it } from 'vitest';
import { logFollowUrl } from './logFollowUrl.js';

describe('logFollowUrl', () => {
  it('uses the page origin and encodes the query', () => {
    expect(logFollowUrl({ protocol: 'https:', host: 'ops.example.com' }, '{app="x"} |= "a b"')).toBe(
      'wss://ops.example.com/api/logs/follow?query=%7Bapp%3D%22x%22%7D%20%7C%3D%20%22a%20b%22',
    );
    expect(logFollowUrl({ protocol: 'http:', host: '127.0.0.1:8080' }, '{a="b"}')).toMatch(
      /^ws:\/\/127\.0\.0\.1:8080\//,
    );
  });
});
