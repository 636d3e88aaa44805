import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;
const roots: string[] = [];

/** A miniature workspace: each package exports src/index.ts and src/testing/index.ts and is linked by name. */
const PACKAGES: Record<string, string> = {
  'packages/core': '@opspilot/core',
  'packages/store': '@opspilot/store',
  'packages/kube': '@opspilot/kube',
  'packages/kube-sim': '@opspilot/kube-sim',
  'packages/ops': '@opspilot/ops',
  'packages/analyzers': '@opspilot/analyzers',
  'apps/server': '@opspilot/server',
  'apps/cli': '@opspilot/cli',
  'apps/web': '@opspilot/web',
};

function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'opspilot-deprules-'));
  roots.push(root);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  for (const [dir, name] of Object.entries(PACKAGES)) {
    const exports = { '.': './src/index.ts', './testing': './src/testing/index.ts' };
    write(`${dir}/package.json`, JSON.stringify({ name, type: 'module', exports }));
    write(`${dir}/src/index.ts`, 'export const value = 1;\n');
    write(`${dir}/src/testing/index.ts`, 'export const fixture = 1;\n');
    write(`${dir}/src/internal.ts`, 'export const internal = 1;\n');
    mkdirSync(dirname(join(root, 'node_modules', name)), { recursive: true });
    symlinkSync(join(root, dir), join(root, 'node_modules', name), 'dir');
  }
  for (const [path, text] of Object.entries(files)) write(path, text);
  return root;
}

async function violations(files: Record<string, string>): Promise<string[]> {
  const root = makeTree(files);
  const previous = process.cwd();
  process.chdir(root);
  try {
    const { tsConfig: _ignored, ...options } = config.options ?? {};
    const result = await cruise(['packages', 'apps'], {
      ...options,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => v.rule.name);
  } finally {
    process.chdir(previous);
  }
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('dependency rules', () => {
  it('accepts a workspace that follows every rule', async () => {
    const found = await violations({
      'packages/ops/src/plan.ts': "import { value } from '@opspilot/core';\nexport const plan = value;\n",
      'packages/store/src/db.ts': "import { value } from '@opspilot/core';\nexport const db = value;\n",
      'apps/server/src/main.ts':
        "import { value } from '@opspilot/store';\nimport { plan } from '@opspilot/ops';\nexport const x = value + plan;\n",
      'packages/ops/src/plan.test.ts':
        "import { fixture } from '@opspilot/kube-sim/testing';\nexport const t = fixture;\n",
      'apps/web/src/app.ts': "import type { value } from '@opspilot/server';\nexport type T = typeof value;\n",
    });
    expect(found).toEqual([]);
  });

  const cases: [string, Record<string, string>][] = [
    [
      'core-imports-only-zod',
      { 'packages/core/src/io.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n" },
    ],
    [
      'core-imports-only-zod',
      { 'packages/core/src/x.ts': "import { value } from '@opspilot/store';\nexport const x = value;\n" },
    ],
    [
      'no-relative-import-across-packages',
      { 'packages/ops/src/x.ts': "import { value } from '../../core/src/index.js';\nexport const x = value;\n" },
    ],
    [
      'public-api-only',
      {
        'packages/analyzers/package.json': JSON.stringify({ name: '@opspilot/analyzers', exports: { './*': './*' } }),
        'packages/ops/src/x.ts':
          "import { internal } from '@opspilot/analyzers/src/internal.ts';\nexport const x = internal;\n",
      },
    ],
    [
      'adapters-import-core-only',
      { 'packages/store/src/x.ts': "import { value } from '@opspilot/kube';\nexport const x = value;\n" },
    ],
    [
      'engines-use-ports-not-adapters',
      { 'packages/ops/src/x.ts': "import { value } from '@opspilot/store';\nexport const x = value;\n" },
    ],
    [
      'engines-do-no-io',
      { 'packages/analyzers/src/x.ts': "import { createServer } from 'node:http';\nexport const x = createServer;\n" },
    ],
    [
      'packages-never-import-apps',
      { 'packages/ops/src/x.ts': "import { value } from '@opspilot/server';\nexport const x = value;\n" },
    ],
    [
      'simulator-only-in-apps-and-tests',
      { 'packages/kube/src/x.ts': "import { value } from '@opspilot/kube-sim';\nexport const x = value;\n" },
    ],
    [
      'testing-entry-only-in-tests',
      { 'apps/server/src/x.ts': "import { fixture } from '@opspilot/store/testing';\nexport const x = fixture;\n" },
    ],
    [
      'web-imports-types-only',
      { 'apps/web/src/x.ts': "import { value } from '@opspilot/server';\nexport const x = value;\n" },
    ],
    [
      'web-no-deep-server-or-packages',
      { 'apps/web/src/x.ts': "import type { value } from '@opspilot/store';\nexport type T = typeof value;\n" },
    ],
    [
      'apps-do-not-import-each-other',
      { 'apps/cli/src/x.ts': "import { value } from '@opspilot/server';\nexport const x = value;\n" },
    ],
    [
      'no-circular',
      {
        'packages/ops/src/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
        'packages/ops/src/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      },
    ],
  ];

  it.each(cases)('reports %s when the rule is broken', async (rule, files) => {
    expect(await violations(files)).toContain(rule);
  });
});
