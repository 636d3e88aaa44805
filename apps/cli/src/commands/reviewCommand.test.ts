import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@opspilot/store';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-review-'));
const env = { OPSPILOT_DATA_DIR: join(cwd, 'data'), OPSPILOT_USER: 'carol' };
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const io = memoryIo(env, cwd);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err(), json: () => JSON.parse(io.out()) };
}

async function generated(description: string): Promise<string> {
  const r = await cli('-o', 'json', 'generate', 'deployment', description);
  expect(r.code, r.err).toBe(0);
  return r.json().files[0].id;
}

async function auditOf(id: string) {
  const store = await openStore({ sqlitePath: join(cwd, 'data', 'opspilot.db') });
  try {
    const page = await store.audit.list({ target: `generated_config/${id}` });
    const reviews = await store.reviews.list({ generated_config_id: id });
    return { actions: page.items.map((e) => `${e.user_id}:${e.action}`).reverse(), reviews: reviews.items };
  } finally {
    await store.close();
  }
}

describe('opspilot review', () => {
  it('lists and shows configurations awaiting review with their next steps', async () => {
    const id = await generated('web image nginx:1.27 port 8080');
    const list = await cli('-o', 'json', 'review', 'list', '--state', 'needs-review');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(id);
    const text = await cli('review', 'list');
    expect(text.out).toMatch(/ID\s+STATE\s+TYPE\s+FILE/);
    const show = await cli('review', 'show', id);
    expect(show.out).toContain('state:     NEEDS_REVIEW');
    expect(show.out).toContain('next:      APPROVED, REJECTED, NEEDS_CHANGES');
    expect(show.out).toContain('kind: Deployment');
  });

  it('approves, recording the review and auditing every transition with the acting user', async () => {
    const id = await generated('api image nginx:1.27 port 80');
    const approved = await cli('review', 'approve', id, '--notes', 'looks good', '--user', 'dave');
    expect(approved.code, approved.err).toBe(0);
    expect(approved.out).toContain(`${id} is now APPROVED (notes: looks good)`);
    const { actions, reviews } = await auditOf(id);
    expect(actions).toEqual([
      'carol:generated_config.generated',
      'carol:generated_config.validation',
      'carol:generated_config.needs_review',
      'dave:generated_config.approved',
    ]);
    expect(reviews).toMatchObject([{ reviewer_id: 'dave', approval_status: 'APPROVED', feedback_notes: 'looks good' }]);
    const again = await cli('review', 'approve', id);
    expect(again.code).toBe(2);
    expect(again.err).toContain('from APPROVED it may move to APPLIED');
  });

  it('requests changes, takes a revision, validates it again and approves the second round', async () => {
    const id = await generated('worker image nginx:1.27');
    expect((await cli('review', 'request-changes', id)).code).toBe(2);
    const asked = await cli('review', 'request-changes', id, '--notes', 'add a port');
    expect(asked.out).toContain('is now NEEDS_CHANGES (notes: add a port)');
    const shown = await cli('-o', 'json', 'review', 'show', id);
    const revised = shown.json().content.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Always');
    writeFileSync(join(cwd, 'revised.yaml'), revised);
    const revise = await cli('review', 'revise', id, '--file', 'revised.yaml', '--notes', 'pull always');
    expect(revise.code, revise.err).toBe(0);
    expect(revise.out).toContain('is now REVIEW_AGAIN');
    const after = (await cli('-o', 'json', 'review', 'show', id)).json();
    expect(after.content).toContain('imagePullPolicy: Always');
    expect(after.next).toEqual(['APPROVED', 'REJECTED', 'NEEDS_CHANGES']);
    expect((await cli('review', 'approve', id)).code).toBe(0);
    const { actions, reviews } = await auditOf(id);
    expect(actions.slice(3)).toEqual([
      'carol:generated_config.needs_changes',
      'carol:generated_config.revised',
      'carol:generated_config.review_again',
      'carol:generated_config.approved',
    ]);
    expect(reviews).toMatchObject([{ approval_status: 'APPROVED', reviewer_id: 'carol', feedback_notes: '' }]);
  });

  it('rejects for good, and refuses to revise what nobody asked to change', async () => {
    const id = await generated('batch image nginx:1.27');
    writeFileSync(join(cwd, 'x.yaml'), 'kind: ConfigMap\n');
    const early = await cli('review', 'revise', id, '--file', 'x.yaml');
    expect(early.code).toBe(2);
    expect(early.err).toContain('cannot move from NEEDS_REVIEW to REVISED');
    expect((await cli('review', 'reject', id, '--notes', 'not needed')).code).toBe(0);
    const after = await cli('review', 'approve', id);
    expect(after.err).toContain('REJECTED is final');
  });

  it('refuses an id that is not one, with a hint', async () => {
    const r = await cli('review', 'approve', 'abc');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"abc" is not a configuration id');
    expect(r.err).toContain('opspilot review list');
  });

  it('says which id is unknown', async () => {
    const r = await cli('review', 'show', '00000000-0000-4000-8000-000000000000');
    expect(r.code).toBe(2);
    expect(r.err).toContain('not found');
  });
});
