import { describe, expect, it } from 'vitest';
import { classifyAction, crossValidate } from './classifyAction.js';

describe('the action classifier (naive Bayes on the paraphrase corpus plus the action lexicon)', () => {
  it('is at least 80 % accurate on corpus examples it never saw (5-fold cross-validation)', () => {
    const { accuracy, total } = crossValidate(5);
    expect(total).toBeGreaterThanOrEqual(400);
    expect(accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['please reboot @', 'restart'],
    ['enlarge the @ claim to q', 'resizeVolume'],
    ['give @ a cpu request of q', 'setResources'],
    ['scale @ up by pct', 'scale'],
    ['what changed in the last hour', 'changes'],
    ['fix the error in deployment @', 'fix'],
    ['make me a sandwich', 'unsupported'],
    ['purple monkey dishwasher', 'unsupported'],
  ])('%s → %s', (text, action) => {
    expect(classifyAction(text)[0]?.action).toBe(action);
  });
});
