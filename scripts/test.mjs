#!/usr/bin/env node
// The project's test command (`npm test`): static checks, then every vitest project, then one closing
// line `N passed, N failed[, N skipped]`. Under CI=true a skipped test is a failure: a missing service must fail.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const ci = process.env.CI === 'true';
let passed = 0;
let failed = 0;
let skipped = 0;

function check(name, cmd, args) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  process.stdout.write(`== ${name}: ${Math.round((Date.now() - started) / 1000)} s\n`);
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`!! ${name} failed (exit ${r.status ?? r.signal})\n`);
  }
}

check('dependency rules', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', 'packages', 'apps']);
check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('typecheck (web)', 'npx', ['tsc', '-p', 'apps/web/tsconfig.json', '--noEmit']);
check('lint', 'npx', ['biome', 'check', '.']);

const out = '.vitest-results.json';
rmSync(out, { force: true });
const extra = process.argv.slice(2);
process.stdout.write('\n== vitest\n');
const vitestStarted = Date.now();
const v = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...extra],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
process.stdout.write(`== vitest: ${Math.round((Date.now() - vitestStarted) / 1000)} s\n`);
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that failed to load has no tests counted: count it as a failure.
  for (const suite of report.testResults)
    if (suite.status === 'failed' && suite.assertionResults.length === 0) failed += 1;
} else {
  failed += 1;
  process.stdout.write(`!! vitest produced no report (exit ${v.status})\n`);
}
if (v.status !== 0 && failed === 0) failed += 1;
if (ci && skipped > 0) {
  process.stdout.write(`!! CI=true: ${skipped} skipped test(s) count as failures (a missing service must fail)\n`);
  failed += skipped;
}
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
