import { describeConfig, loadConfig } from '@opspilot/config';
import { exitCodeOf, isOpspilotError } from '@opspilot/core';
import { pino } from 'pino';
import { openServerStore } from './openServerStore.js';
import { type RunningServer, startServer } from './startServer.js';

// Entry of `npm start`: configuration, store (opened and migrated first), server; graceful stop on SIGINT/SIGTERM.
const SHUTDOWN_GRACE_MS = 10_000;

function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  let hint = isOpspilotError(error) ? error.hint : undefined;
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    hint = 'Another process uses the port: set PORT or OPSPILOT_SERVER_PORT to a free one.';
  }
  process.stderr.write(`error: ${message}\n${hint === undefined ? '' : `hint: ${hint}\n`}`);
  process.exit(exitCodeOf(error));
}

function stopOnSignals(server: RunningServer, logger: pino.Logger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const cwd = process.cwd();
const config = await loadConfig({ cwd }).catch(fail);
const logger = pino({ level: config.log.level, base: { service: 'opspilot-server' } });
logger.debug({ config: describeConfig(config) }, 'configuration loaded');
const store = await openServerStore(config, cwd).catch(fail);
const server = await startServer({ config, store, logger }).catch(async (error: unknown) => {
  await store.close();
  return fail(error);
});
if (config.server.public_url) logger.info({ public_url: config.server.public_url }, 'public URL');
stopOnSignals(server, logger);
