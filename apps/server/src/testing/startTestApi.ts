import { OpspilotConfig, type OpspilotConfigInput } from '@opspilot/config';
import { type EventBus, ManualClock, type User, type UserRole } from '@opspilot/core';
import { type Dialect, hashPassword, type Store } from '@opspilot/store';
import { openTestStore } from '@opspilot/store/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import type { ApiServices } from '../api/apiServices.js';
import { createApiServices } from '../api/createApiServices.js';
import { buildServer } from '../buildServer.js';

/** A signed-up test user and an API token of theirs. */
export interface TestUser {
  user: User;
  token: string;
  password: string;
}

/** A built (not listening) server over a fresh migrated store, with one user per role. */
export interface TestApi {
  app: FastifyInstance;
  store: Store;
  services: ApiServices;
  clock: ManualClock;
  users: Record<'admin' | 'viewer' | 'operator' | 'approver', TestUser>;
  /** Creates another user with a token. */
  addUser(username: string, role: UserRole): Promise<TestUser>;
  /** Calls the REST mapping (`/api/v1…`) with a bearer token. */
  rest(method: string, path: string, token?: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Options of {@link startTestApi}. */
export interface StartTestApiOptions {
  dialect?: Dialect;
  config?: OpspilotConfigInput;
  bus?: EventBus;
  busNamespace?: string;
}

const PASSWORD = 'correct-horse-battery';

/** Builds a server for tests: SQLite (or PostgreSQL), a ManualClock at 2026-03-01T10:00Z, users of every role. */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const { store, cleanup } = await openTestStore(options.dialect ?? 'sqlite');
  const parsed = OpspilotConfig.parse(options.config ?? {});
  const config = { ...parsed, server: { ...parsed.server, port: 0 } };
  const clock = new ManualClock(new Date('2026-03-01T10:00:00.000Z'));
  const logger = pino({ level: 'silent' });
  const services = await createApiServices({
    config,
    store,
    logger,
    clock,
    bus: options.bus,
    busNamespace: options.busNamespace,
  });
  const app = buildServer({ config, store, logger, services });
  await app.ready();
  const passwordHash = await hashPassword(PASSWORD);
  const addUser = async (username: string, role: UserRole): Promise<TestUser> => {
    const user = await store.users.create({ username, role, password_hash: passwordHash });
    const { secret } = await services.auth.createToken(user.id, 'test');
    return { user, token: secret, password: PASSWORD };
  };
  const users = {
    admin: await addUser('admin', 'ADMIN'),
    viewer: await addUser('viewer', 'VIEWER'),
    operator: await addUser('operator', 'OPERATOR'),
    approver: await addUser('approver', 'APPROVER'),
  };
  return {
    app,
    store,
    services,
    clock,
    users,
    addUser,
    rest: (method, path, token, body) =>
      app.inject({
        method: method as never,
        url: `/api/v1${path}`,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(body === undefined ? {} : { payload: body as never }),
      }),
    async close() {
      await app.close();
      await services.close();
      await cleanup();
    },
  };
}
