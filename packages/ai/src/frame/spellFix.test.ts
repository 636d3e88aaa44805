import { describe, expect, it } from 'vitest';
import { classifyAction } from './classifyAction.js';
import { digitsForNumberWords, fieldValues, mendTypos, pairsFromWords } from './spellFix.js';

describe('spelling repairs before a request is read', () => {
  it('mends two swapped letters into a known word, never into or out of a cluster name', () => {
    expect(mendTypos('Please scael the backend deploymnet to 4', new Set(['backend']))).toBe(
      'Please scale the backend deployment to 4',
    );
    expect(mendTypos('restart bakcend', new Set(['backend']))).toBe('restart backend');
    expect(mendTypos('restart mialer', new Set(['mialer']))).toBe('restart mialer');
    expect(mendTypos('banana purple elephant', new Set())).toBe('banana purple elephant');
    expect(mendTypos('scale backend to three; restart frontend', new Set(['backend']))).toBe(
      'scale backend to three; restart frontend',
    );
  });

  it('mends a letter left out of or typed twice in an action word or a kind, never in a name', () => {
    expect(mendTypos('pls anotate the backend service', new Set(['backend']))).toBe('pls annotate the backend service');
    expect(mendTypos('restartt backend', new Set(['backend']))).toBe('restart backend');
    expect(mendTypos('cordn sim-worker-1', new Set())).toBe('cordon sim-worker-1');
    expect(mendTypos('delete the secrt creds', new Set())).toBe('delete the secret creds');
    // values are never mended: paths, images, pairs and quoted commands
    expect(mendTypos('a liveness probe on /healthz port 80', new Set())).toBe('a liveness probe on /healthz port 80');
    expect(mendTypos("run 'restat now' in busybox", new Set())).toBe("run 'restat now' in busybox");
    // a new name one letter away from a live one stays as written
    expect(mendTypos('create namespace stagin', new Set(['staging']))).toBe('create namespace stagin');
    expect(mendTypos('todo ought to contain a service account', new Set(['todo']))).toBe(
      'todo ought to contain a service account',
    );
  });

  it('reads a data key given its value in a clause, and an upper-case key anywhere', () => {
    expect(pairsFromWords('there must be a configmap settings1 where MODE is fast')).toBe(
      'there must be a configmap settings1 where MODE=fast',
    );
    expect(pairsFromWords('a secret creds9 whose password is s3cret')).toBe('a secret creds9 whose password=s3cret');
    expect(pairsFromWords('make configmap settings3 in which LEVEL equals high')).toBe(
      'make configmap settings3 in which LEVEL=high',
    );
    expect(pairsFromWords('frontend needs LOG_LEVEL set to debug')).toBe('frontend needs LOG_LEVEL=debug');
    // not a data object and not an upper-case key: left alone
    expect(pairsFromWords('restart backend where the cpu is high')).toBe('restart backend where the cpu is high');
  });

  it('writes spelt-out round numbers as digits', () => {
    expect(digitsForNumberWords('grow web-app by one hundred percent')).toBe('grow web-app by 100 percent');
    expect(digitsForNumberWords('cut it by fifty percent')).toBe('cut it by 50 percent');
  });

  it('writes a key and value said in words as a pair', () => {
    expect(pairsFromWords('add an environment variable LOG_LEVEL with the value debug to frontend')).toBe(
      'add an environment variable LOG_LEVEL=debug to frontend',
    );
    expect(pairsFromWords('a secret with the key password set to s3cret')).toBe(
      'a secret with the key password=s3cret',
    );
    expect(pairsFromWords('label the frontend deployment with team=payments')).toBe(
      'label the frontend deployment with team=payments',
    );
  });

  it('reads a YAML-style pair in a label request, and only there', () => {
    expect(pairsFromWords('tag the frontend deployment with team: payments')).toBe(
      'tag the frontend deployment with team=payments',
    );
    expect(pairsFromWords('create a pod with image: nginx')).toBe('create a pod with image: nginx');
  });

  it('reads a value given to a known field as that field, not as a variable', () => {
    expect(fieldValues('set replicas=4 on deployment/backend')).toBe('set replicas 4 on deployment/backend');
    expect(fieldValues('set frontend memory limit = 768Mi')).toBe('set frontend memory limit 768Mi');
    expect(fieldValues('requests cpu: 100m, memory: 128Mi')).toBe('requests cpu 100m, memory 128Mi');
    expect(fieldValues('set LOG_LEVEL=debug on backend')).toBe('set LOG_LEVEL=debug on backend');
  });

  it('writes the words for nothing as zero before a count noun or after "to"', () => {
    expect(fieldValues('set the number of web-app pods to nil')).toBe('set the number of web-app pods to 0');
    expect(fieldValues('web-app should have no running pods at all')).toBe('web-app should have 0 pods at all');
    expect(fieldValues('no problem with backend')).toBe('no problem with backend');
  });
});

describe('the classifier reads participles and the passive voice as the verb', () => {
  it('reads "should be doubled" as scaling, and never infers a deletion no word asks for', () => {
    expect(classifyAction('the @ deployment should be doubled')[0]?.action).toBe('scale');
    expect(classifyAction('all deployments should be restarted')[0]?.action).toBe('restart');
    expect(classifyAction('the @ deployment should be doubled').find((r) => r.action === 'delete')?.probability).toBe(
      0,
    );
  });
});
