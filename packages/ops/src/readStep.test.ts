import { memoryGateway, pod } from '@opspilot/ai/testing';
import { InputError, type PlanStep, systemClock } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { readStep } from './readStep.js';

// A plan's `logs` step carries a pattern that a model or a user wrote. It is matched in linear time and in slices,
// so a pattern built to backtrack forever neither pins a core nor keeps the server from answering meanwhile.
const LOG = Array.from({ length: 64 }, (_, i) => (i === 7 ? 'boom X' : 'a'.repeat(20_000))).join('\n');
const deps = {
  gateway: memoryGateway([pod('web-1', 'todo', 'web', 'Running', 'nginx:1.27')], { 'web-1': LOG }),
  clock: systemClock,
};
const logsStep = (match: string): Extract<PlanStep, { op: 'logs' }> => ({
  op: 'logs',
  description: `logs of web-1 matching ${match}`,
  target: { kind: 'Pod', name: 'web-1', namespace: 'todo' },
  match,
});

describe('readStep logs match', () => {
  it('runs ^(.+)+X$ over long lines to the end while the event loop keeps turning', async () => {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const text = await readStep(deps, logsStep('^(.+)+X$'));
    expect(text).toBe('web-1: boom X');
    expect(turned).toBe(true);
  });

  it('refuses an invalid pattern with an InputError and a hint', async () => {
    const failure = readStep(deps, logsStep('(?<=a)b'));
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toMatchObject({ hint: expect.stringMatching(/RE2 syntax/) });
  });
});
