import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadedModules } from '../apps/cli/src/testing/index.js';
import { BUILT_IN_KINDS } from '../packages/manifests/src/kube/builtInKinds.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = 'apps/cli/bin/opspilot.js';
const { version } = JSON.parse(readFileSync(new URL('../apps/cli/package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** A pod with an unknown field: an ERROR finding. */
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      imagePort: 80\n';

/** The sources compiled into the CLI's output files that a run of dist/main.js with `args` imports. */
function sourcesImportedBy(args: string[]): string[] {
  const run = loadedModules(join(ROOT, 'apps/cli/dist/main.js'), args);
  expect(run.status, run.stderr).toBe(0);
  const sources = run.files.flatMap((file) => {
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    // Map sources are relative to the map's folder; name them from the repository root.
    return map.sources.map((source) =>
      relative(ROOT, resolve(dirname(file), source))
        .split(sep)
        .join('/'),
    );
  });
  return [...new Set(sources)];
}

/** Runs `node args…` from the repository root. */
function node(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('scripts/build.mjs', () => {
  beforeAll(() => {
    const build = node(['scripts/build.mjs']);
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it('compiles the CLI: --help and version run from apps/cli/dist', () => {
    const help = node(['apps/cli/dist/main.js', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: opspilot \[options\] \[command\]/);
    expect(help.stdout).toContain('validate [options] [paths...]');
    const info = node(['apps/cli/dist/main.js', 'version', '-o', 'json']);
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ name: 'opspilot', version });
  });

  it('compiles each command into a chunk of its own, loaded only when it runs', () => {
    const main = readFileSync(new URL('../apps/cli/dist/main.js', import.meta.url), 'utf8');
    expect(main).toMatch(/import\("\.\/validateCommand-[A-Z0-9]+\.js"\)/);
    expect(main).not.toMatch(/from "@kubernetes\/client-node"/);
  });

  it('starts --help, --version and version without zod, the configuration or any other command', () => {
    for (const args of [['--help'], ['--version'], ['version']]) {
      const sources = sourcesImportedBy(args);
      expect(sources).toContain('apps/cli/src/commandCatalog.ts');
      const allowed =
        /^apps\/cli\/src\/[^/]+\.ts$|^node_modules\/(commander|picocolors|yaml)\/|^packages\/core\/src\/errors\//;
      const others = sources.filter((source) => !allowed.test(source));
      expect(others, args.join(' ')).toEqual(args[0] === 'version' ? ['apps/cli/src/commands/versionCommand.ts'] : []);
    }
  });

  it('records the sources of the start, the command context and each command for the bin to check', () => {
    const info = JSON.parse(readFileSync(join(ROOT, 'apps/cli/dist/build-info.json'), 'utf8')) as {
      start: string[];
      context: string[];
      commands: Record<string, string[]>;
    };
    expect(info.start).toContain('apps/cli/src/program.ts');
    expect(info.start.filter((p) => !p.startsWith('apps/cli/src/') || p.includes('/commands/'))).toEqual([]);
    expect(info.context).toContain('apps/cli/src/cliContext.ts');
    const catalog = readFileSync(join(ROOT, 'apps/cli/src/commandCatalog.ts'), 'utf8');
    const names = [...catalog.matchAll(/^ {4}name: '([^']+)',$/gm)].map((m) => m[1]);
    expect(Object.keys(info.commands).sort()).toEqual(names.sort());
    expect(info.commands.validate).toContain('apps/cli/src/commands/validateCommand.ts');
    expect(info.commands.validate).not.toContain('apps/cli/src/commands/analyzeCommand.ts');
    // The bin reads each command's list from a small file of its own: the start, the context and the command's.
    const run = JSON.parse(readFileSync(join(ROOT, 'apps/cli/dist/runs/validate.json'), 'utf8')) as string[];
    expect([...run].sort()).toEqual(
      [...new Set([...info.start, ...info.context, ...(info.commands.validate ?? [])])].sort(),
    );
    // A source the rewritten imports of a package index depend on counts too: the index itself.
    expect(run).toContain('packages/manifests/src/index.ts');
  });

  it('validates a manifest with the compiled CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-build-'));
    try {
      writeFileSync(join(dir, 'pod.yaml'), POD);
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'apps/cli/dist/main.js'), 'validate', 'pod.yaml', '-o', 'json'],
        {
          cwd: dir,
          encoding: 'utf8',
        },
      );
      expect(run.status, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout) as { findings: { rule: string; severity: string }[] };
      expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'k8s-unknown-field', severity: 'ERROR' }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps out of validate what only other commands use: the generators and project detection of the manifests package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-build-'));
    try {
      writeFileSync(join(dir, 'pod.yaml'), POD);
      const run = loadedModules(join(ROOT, 'apps/cli/dist/main.js'), ['validate', join(dir, 'pod.yaml')]);
      expect(run.status, run.stderr).toBe(1);
      const sources = run.files
        .filter((file) => file.startsWith(join(ROOT, 'apps/cli/dist/')))
        .flatMap((file) => (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources);
      expect(sources.some((source) => source.includes('packages/manifests/src/validate/'))).toBe(true);
      // detect/projectFiles.ts holds the folders a walk skips (IGNORED_FOLDERS), which validate's walk uses too.
      const others = sources.filter(
        (s) => /manifests\/src\/(generate|detect)\//.test(s) && !s.endsWith('projectFiles.ts'),
      );
      expect(others).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads for validate what the files given need (the Dockerfile parser for a Dockerfile), no adm-zip or picomatch, zod in English', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-build-'));
    try {
      writeFileSync(join(dir, 'pod.yaml'), POD);
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\nFROOM x\n');
      /** The packages `require`d (CommonJS, which module hooks do not see) by `opspilot validate file`. */
      const required = (file: string) => {
        const run = spawnSync(process.execPath, [join(ROOT, BIN), 'validate', file], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NODE_DEBUG: 'module' },
        });
        expect(run.status, run.stderr.slice(-2_000)).toBe(1);
        return new Set([...run.stderr.matchAll(/Module\._load REQUEST (\S+)/g)].map((m) => m[1]));
      };
      const forYaml = required('pod.yaml');
      // The Pod model from its one bundled file (dist/models), not the ~140 schema modules of kubernetes-models.
      expect([...forYaml].some((m) => /[\\/]apps[\\/]cli[\\/]dist[\\/]models[\\/]v1_Pod\.cjs$/.test(m ?? ''))).toBe(
        true,
      );
      expect([...forYaml].filter((m) => /kubernetes-models[\\/](_schemas|v1)[\\/]/.test(m ?? ''))).toEqual([]);
      expect([...forYaml].filter((m) => /^@kubernetes-models\/(base|apimachinery)/.test(m ?? ''))).toEqual([]);
      for (const name of ['dockerfile-ast', 'dockerfile-utils', 'adm-zip', 'picomatch']) {
        expect(forYaml).not.toContain(name);
      }
      const forDockerfile = required('Dockerfile');
      expect(forDockerfile).toContain('dockerfile-ast');
      expect(forDockerfile).toContain('dockerfile-utils');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // zod's locales: English only, in whatever chunks a run loads.
    const chunks = loadedModules(join(ROOT, 'apps/cli/dist/main.js'), ['validate', '--list-rules']).files.filter((f) =>
      f.startsWith(join(ROOT, 'apps/cli/dist')),
    );
    const locales = chunks.flatMap((file) =>
      (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources.filter((source) =>
        source.includes('/zod/v4/locales/'),
      ),
    );
    expect(locales.map((source) => source.replace(/^.*\/zod\//, 'zod/'))).toEqual([
      'zod/v4/locales/index.js',
      'zod/v4/locales/en.js',
    ]);
  });

  it('bundles the Kubernetes client with its dependencies: a command that talks to a cluster requires no package of node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opspilot-build-'));
    try {
      const kubeconfig = join(dir, 'kubeconfig.yaml');
      writeFileSync(
        kubeconfig,
        [
          'apiVersion: v1',
          'kind: Config',
          'clusters: [{ name: gone, cluster: { server: "https://127.0.0.1:1" } }]',
          'users: [{ name: u, user: { token: t } }]',
          'contexts: [{ name: gone, context: { cluster: gone, user: u } }]',
          'current-context: gone',
        ].join('\n'),
      );
      const run = spawnSync(process.execPath, [join(ROOT, BIN), 'get', 'pods', '--kubeconfig', kubeconfig], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NODE_DEBUG: 'module' },
      });
      expect(run.status, run.stderr.slice(-2_000)).toBe(2);
      expect(run.stderr).toContain('cannot reach the Kubernetes API server at https://127.0.0.1:1');
      const requested = new Set([...run.stderr.matchAll(/Module\._load REQUEST (\S+)/g)].map((m) => m[1] ?? ''));
      // Node's built-ins, and the optional native helpers ws and node-fetch try (absent, so they fall back).
      const optional = new Set(['bufferutil', 'utf-8-validate', 'encoding']);
      const builtins = new Set(createRequire(import.meta.url)('node:module').builtinModules as string[]);
      const packages = [...requested].filter((m) => !m.startsWith('node:') && !builtins.has(m) && !optional.has(m));
      expect(packages).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('bundles one schema module per built-in kind for the validator, each exporting its kind’s class', () => {
    const requireModel = createRequire(join(ROOT, 'apps/cli/dist/models/'));
    const kinds = Object.entries(BUILT_IN_KINDS).flatMap(([apiVersion, list]) =>
      list.map((kind) => ({ apiVersion, kind })),
    );
    expect(kinds.length).toBeGreaterThan(100);
    for (const { apiVersion, kind } of kinds) {
      const file = join(ROOT, 'apps/cli/dist/models', `${apiVersion.replaceAll('/', '_')}_${kind}.cjs`);
      const model = (requireModel(file) as Record<string, { apiVersion: string; kind: string }>)[kind];
      expect({ apiVersion: model?.apiVersion, kind: model?.kind }).toEqual({ apiVersion, kind });
    }
  });

  it('answers --help, -h, --version, -V and version from the build, without loading the CLI, as the CLI would', () => {
    for (const args of [['--help'], ['-h'], ['--version'], ['-V'], ['version']]) {
      const run = loadedModules(join(ROOT, BIN), args);
      expect(run.status, run.stderr).toBe(0);
      expect(run.files.filter((file) => file !== join(ROOT, BIN))).toEqual([]);
      expect(run.stdout).toBe(node(['apps/cli/dist/main.js', ...args]).stdout);
    }
    // To a terminal commander wraps the help to its width: a terminal narrower than the help gets the CLI's.
    for (const columns of [100, 200]) {
      const terminal = `data:text/javascript,process.stdout.isTTY=true;Object.defineProperty(process.stdout,'columns',{value:${columns}})`;
      const fromBin = node(['--import', terminal, BIN, '--help']).stdout;
      expect(fromBin).toBe(node(['--import', terminal, 'apps/cli/dist/main.js', '--help']).stdout);
      expect(Math.max(...fromBin.split('\n').map((line) => line.length))).toBeLessThanOrEqual(columns);
    }
    // Anything else runs the CLI.
    expect(node([BIN, 'version', '-o', 'json']).stdout).toContain('"name": "opspilot"');
  });

  it('makes the bin run the build when it is fresh, and the TypeScript when asked to', () => {
    const built = node([BIN, '--version']);
    expect(built.stdout).toBe(`${version}\n`);
    expect(built.stderr).toBe('');
    const source = node([BIN, '--version'], { OPSPILOT_FROM_SOURCE: '1' });
    expect(source.stdout).toBe(`${version}\n`);
    // A changed source of one command sends that command to the TypeScript, and nothing else.
    const command = join(ROOT, 'apps/cli/src/commands/versionCommand.ts');
    const infoFile = join(ROOT, 'apps/cli/dist/build-info.json');
    const builtAt = statSync(infoFile).mtime;
    const later = new Date(builtAt.getTime() + 60_000);
    const before = statSync(command);
    try {
      utimesSync(command, before.atime, later);
      expect(node([BIN, '--help']).stderr).toBe('');
      expect(node([BIN, 'version']).stderr).toContain('running from source');
    } finally {
      utimesSync(command, before.atime, before.mtime);
    }
  });
});
