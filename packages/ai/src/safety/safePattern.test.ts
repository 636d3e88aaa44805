import { InputError, unwrap } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { matchingLines, SAFE_PATTERN_LIMITS, safePattern } from './safePattern.js';

/** Resolves when a callback queued now with setImmediate has run: only if the event loop turned. */
function loopTurned(): { fired: () => boolean } {
  let fired = false;
  setImmediate(() => {
    fired = true;
  });
  return { fired: () => fired };
}

describe('safePattern', () => {
  it('matches case-insensitively anywhere in the line, as grep -iE does', () => {
    const pattern = unwrap(safePattern('error|time(d )?out', { ignoreCase: true }));
    expect(pattern.test('GET /api 500 ERROR db down')).toBe(true);
    expect(pattern.test('request timed out')).toBe(true);
    expect(pattern.test('GET /api 200 ok')).toBe(false);
    expect(unwrap(safePattern('Error')).test('error')).toBe(false);
  });

  it('runs a catastrophic-backtracking pattern over a long line in linear time', () => {
    const pattern = unwrap(safePattern('^(.+)+X$', { ignoreCase: true }));
    expect(pattern.test('a'.repeat(100_000))).toBe(false);
    expect(pattern.test(`${'a'.repeat(1_000)}x`)).toBe(true);
  });

  it('scans at most maxLineLength characters of a line', () => {
    const pattern = unwrap(safePattern('needle'));
    expect(pattern.test(`${'a'.repeat(SAFE_PATTERN_LIMITS.maxLineLength - 6)}needle`)).toBe(true);
    expect(pattern.test(`${'a'.repeat(SAFE_PATTERN_LIMITS.maxLineLength)}needle`)).toBe(false);
  });

  it.each([
    ['(a', /missing closing \)/],
    ['(?<=a)b', /invalid named capture|lookbehind|invalid/],
    ['(a)\\1', /invalid escape/],
    ['a'.repeat(SAFE_PATTERN_LIMITS.maxPatternLength + 1), /at most 512/],
  ])('refuses %s with an InputError and a hint', (source, message) => {
    const result = safePattern(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(InputError);
    expect(result.error.message).toMatch(message);
    expect(result.error.hint).toMatch(/RE2 syntax.*no lookaround, no backreferences/);
  });
});

describe('matchingLines', () => {
  it('filters a long log with a hostile pattern without holding the event loop', async () => {
    const log = Array.from({ length: 64 }, (_, i) => (i === 7 ? 'boom X' : 'a'.repeat(20_000))).join('\n');
    const turn = loopTurned();
    const lines = await matchingLines(log, unwrap(safePattern('^(.+)+X$', { ignoreCase: true })));
    expect(lines).toEqual(['boom X']);
    expect(turn.fired()).toBe(true);
  });

  it('keeps every non-empty line without a pattern', async () => {
    expect(await matchingLines('one\n\ntwo\n', undefined)).toEqual(['one', 'two']);
  });
});
