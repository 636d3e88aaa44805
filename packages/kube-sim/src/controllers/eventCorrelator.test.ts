import { describe, expect, it } from 'vitest';
import { type EventCorrelation, EventCorrelator, type EventDraft } from './eventCorrelator.js';

const MINUTE = 60_000;
const draft = (message: string, object = 'Pod/broken/web-1/uid-1/v1'): EventDraft => ({
  object,
  source: 'kubelet',
  type: 'Warning',
  reason: 'BackOff',
  message,
});
const written = (c: EventCorrelation) => {
  if (c.skip) throw new Error('expected the event to be written');
  return c;
};

describe('EventCorrelator', () => {
  it('counts repeats of one event on one key, keeping the first time seen', () => {
    const correlator = new EventCorrelator();
    const first = written(correlator.correlate(draft('Back-off restarting failed container'), 0));
    const again = written(correlator.correlate(draft('Back-off restarting failed container'), MINUTE));
    expect(again).toEqual({ ...first, count: 2 });
    expect(first.first).toBe(0);
  });

  it('combines the tenth message differing only in text within ten minutes, and counts on from there', () => {
    const correlator = new EventCorrelator();
    const keys = new Set<string>();
    for (let i = 1; i <= 9; i++) keys.add(written(correlator.correlate(draft(`message ${i}`), i * 1000)).key);
    expect(keys.size).toBe(9);
    const tenth = written(correlator.correlate(draft('message 10'), 10_000));
    expect(tenth.message).toBe('(combined from similar events): message 10');
    const eleventh = written(correlator.correlate(draft('message 11'), 11_000));
    expect(eleventh).toMatchObject({ key: tenth.key, count: 2, message: '(combined from similar events): message 11' });
  });

  it('starts over when similar events are more than ten minutes apart', () => {
    const correlator = new EventCorrelator();
    for (let i = 1; i <= 9; i++) correlator.correlate(draft(`message ${i}`), 0);
    expect(written(correlator.correlate(draft('message 10'), 11 * MINUTE)).message).toBe('message 10');
  });

  it('lets a source write 25 events about one object at once, then one every five minutes', () => {
    const correlator = new EventCorrelator();
    const verdicts = Array.from({ length: 30 }, () => correlator.correlate(draft('Back-off'), 0));
    expect(verdicts.filter((v) => !v.skip)).toHaveLength(25);
    expect(correlator.correlate(draft('Back-off'), 4 * MINUTE).skip).toBe(true);
    const refilled = written(correlator.correlate(draft('Back-off'), 5 * MINUTE));
    expect(refilled.count).toBe(32);
    expect(correlator.correlate(draft('Back-off'), 5 * MINUTE + 1).skip).toBe(true);
    expect(correlator.correlate(draft('Back-off', 'Pod/broken/web-2/uid-2/v1'), 0).skip).toBe(false);
  });
});
