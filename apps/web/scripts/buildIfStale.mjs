#!/usr/bin/env node
// Builds the dashboard (vite build -> apps/web/dist) when dist is missing or older than any source file, so
// `npm install && npm start` serves it and later starts stay fast. Run from the root `postinstall` and `prestart`.
// Never fails the caller: without a build the server still serves the API, and this says why.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtAt = (() => {
  const index = join(webDir, 'dist', 'index.html');
  return existsSync(index) ? statSync(index).mtimeMs : 0;
})();

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => newest(join(webDir, p)));
if (builtAt > 0 && Math.max(...sources) <= builtAt) process.exit(0);

process.stderr.write('opspilot: building the web dashboard (apps/web/dist)…\n');
const started = Date.now();
const vite = join(dirname(createRequire(join(webDir, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
  cwd: webDir,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status === 0) {
  process.stderr.write(`opspilot: dashboard built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} else {
  process.stderr.write('opspilot: the dashboard build failed; the server will serve the API only (see above)\n');
}
