import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Global setup of the web vitest project (see the root vitest.config.ts): builds the dashboard when its sources
 * changed, as `npm start` does, once and before any end-to-end file starts a server — so files running side by side,
 * in any order, never serve an `apps/web/dist` that another one is rewriting.
 */
export function setup(): void {
  spawnSync(process.execPath, ['apps/web/scripts/buildIfStale.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}
