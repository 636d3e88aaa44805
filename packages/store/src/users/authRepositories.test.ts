import { ConflictError, NotFoundError } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../openStore.js';
import { DIALECTS, openTestStore, type TestStore } from '../testing/index.js';

const T0 = '2026-03-01T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

describe.each(DIALECTS)('users, sessions, tokens and login attempts on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  it('creates users without exposing the password hash, refuses a taken name and updates roles', async () => {
    const alice = await store.users.create({ username: 'alice', role: 'VIEWER', password_hash: 'scrypt$x' });
    expect(alice).not.toHaveProperty('password_hash');
    expect(alice.disabled).toBe(false);
    await expect(store.users.create({ username: 'alice', role: 'ADMIN', password_hash: 'h' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await store.users.findCredentials('alice'))?.password_hash).toBe('scrypt$x');
    expect(await store.users.findCredentials('nobody')).toBeUndefined();
    const changed = await store.users.update(alice.id, { role: 'OPERATOR', disabled: true });
    expect(changed).toMatchObject({ role: 'OPERATOR', disabled: true });
    expect((await store.users.get(alice.id)).disabled).toBe(true);
    const page = await store.users.list({ role: 'OPERATOR' });
    expect(page.items.map((u) => u.username)).toEqual(['alice']);
    expect(await store.users.count()).toBeGreaterThanOrEqual(1);
  });

  it('grants clusters idempotently and forgets grants of a removed cluster', async () => {
    const bob = await store.users.create({ username: 'bob', role: 'OPERATOR', password_hash: 'h' });
    const cluster = await store.clusters.create({ name: 'grant-test', api_server_url: 'https://10.0.0.1:6443' });
    await store.users.grantCluster(bob.id, cluster.id);
    await store.users.grantCluster(bob.id, cluster.id);
    expect(await store.users.clusterIdsOf(bob.id)).toEqual([cluster.id]);
    await expect(store.users.grantCluster(bob.id, '7c9e6679-7425-40de-944b-e07fc1f90ae7')).rejects.toBeInstanceOf(
      ConflictError,
    );
    await store.clusters.delete(cluster.id);
    expect(await store.users.clusterIdsOf(bob.id)).toEqual([]);
  });

  it('finds sessions by their hash, touches and ends them', async () => {
    const carol = await store.users.create({ username: 'carol', role: 'VIEWER', password_hash: 'h' });
    const session = await store.sessions.create({
      token_hash: 'hash-1',
      user_id: carol.id,
      csrf_token: 'csrf',
      created_at: T0,
    });
    expect(session.last_seen_at).toBe(T0);
    await store.sessions.touch(session.id, at(5));
    expect((await store.sessions.findByTokenHash('hash-1'))?.last_seen_at).toBe(at(5));
    await store.sessions.create({ token_hash: 'hash-2', user_id: carol.id, csrf_token: 'c', created_at: T0 });
    expect(await store.sessions.deleteForUser(carol.id)).toBe(2);
    expect(await store.sessions.findByTokenHash('hash-1')).toBeUndefined();
  });

  it('stores tokens hashed, lists them newest first and revokes them once', async () => {
    const dave = await store.users.create({ username: 'dave', role: 'ADMIN', password_hash: 'h' });
    const first = await store.apiTokens.create({
      user_id: dave.id,
      name: 'ci',
      prefix: 'ops_abcd',
      token_hash: 'th-1',
      created_at: T0,
    });
    await store.apiTokens.create({
      user_id: dave.id,
      name: 'cli',
      prefix: 'ops_efgh',
      token_hash: 'th-2',
      created_at: at(1),
    });
    expect(first).not.toHaveProperty('token_hash');
    expect((await store.apiTokens.listForUser(dave.id)).map((x) => x.name)).toEqual(['cli', 'ci']);
    expect((await store.apiTokens.findByTokenHash('th-1'))?.id).toBe(first.id);
    const revoked = await store.apiTokens.revoke(first.id, at(2));
    expect(revoked.revoked_at).toBe(at(2));
    expect((await store.apiTokens.revoke(first.id, at(3))).revoked_at).toBe(at(2));
    await store.apiTokens.touch(first.id, at(4));
    expect((await store.apiTokens.get(first.id)).last_used_at).toBe(at(4));
    await expect(store.apiTokens.get('7c9e6679-7425-40de-944b-e07fc1f90ae7')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts failures in the window per user and per address, reset by a success', async () => {
    const fail = (username: string, ip: string, minute: number) =>
      store.loginAttempts.record({ username, ip, succeeded: false, attempted_at: at(minute) });
    await fail('erin', '10.0.0.1', 0);
    await fail('erin', '10.0.0.2', 1);
    await fail('erin', '10.0.0.1', 2);
    await fail('frank', '10.0.0.1', 3);
    expect(await store.loginAttempts.failuresSince({ username: 'erin' }, at(0))).toEqual([at(0), at(1), at(2)]);
    expect(await store.loginAttempts.failuresSince({ username: 'erin' }, at(1))).toEqual([at(1), at(2)]);
    expect(await store.loginAttempts.failuresSince({ ip: '10.0.0.1' }, at(0))).toEqual([at(0), at(2), at(3)]);
    await store.loginAttempts.record({ username: 'erin', ip: '10.0.0.3', succeeded: true, attempted_at: at(4) });
    await fail('erin', '10.0.0.3', 5);
    expect(await store.loginAttempts.failuresSince({ username: 'erin' }, at(0))).toEqual([at(5)]);
    expect(await store.loginAttempts.prune(at(3))).toBe(3);
  });

  it('counts parallel attempts atomically: each gets its own count', async () => {
    const counts = await Promise.all(
      Array.from({ length: 40 }, () => store.loginAttempts.count({ username: 'gina' }, at(0), at(-15))),
    );
    expect(counts.map((c) => c.failures).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(counts.every((c) => c.window_started_at === at(0))).toBe(true);
  });

  it('takes back attempts, resets one key only, and starts a new window after the old one', async () => {
    const key = { ip: '10.9.9.9' };
    for (let i = 0; i < 3; i++) await store.loginAttempts.count(key, at(1), at(-14));
    await store.loginAttempts.count({ username: 'hal' }, at(1), at(-14));
    await store.loginAttempts.uncount(key);
    expect((await store.loginAttempts.count(key, at(2), at(-13))).failures).toBe(3);
    await store.loginAttempts.resetCount({ username: 'hal' });
    expect((await store.loginAttempts.count({ username: 'hal' }, at(3), at(-12))).failures).toBe(1);
    expect((await store.loginAttempts.count(key, at(3), at(-12))).failures).toBe(4);
    const fresh = await store.loginAttempts.count(key, at(20), at(5));
    expect(fresh).toEqual({ id: 'ip:10.9.9.9', failures: 1, window_started_at: at(20) });
  });
});
