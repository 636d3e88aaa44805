#!/usr/bin/env node
// Compiles the `opspilot` CLI and the server to JavaScript with esbuild: apps/cli/dist and apps/server/dist (ESM,
// Node 20, source maps). The @opspilot/* workspace packages and a few small libraries are bundled in; every other
// package (native ones above all) stays an import of node_modules. Lazily imported modules (the CLI's commands)
// become chunks of their own. Each output folder gets a build-info.json listing the source files it was built from
// (for the CLI also per command: see startAndCommandInputs); a target whose sources are all older than it is
// skipped, so this is cheap to run from `postinstall` and `prestart`. `--force` rebuilds everything.
//
// Sources find files next to themselves with `import.meta.url` (schemas, scenarios, package.json, the dashboard);
// in a bundle that URL would be the chunk's, so each source's `import.meta.url` is rewritten to its own file's URL,
// relative to the chunk (the build stays inside the repository, and keeps working when the repository moves).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

/** The modification time of a file, or Infinity when it is gone (so a deleted source counts as a change). */
function mtimeOf(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** True when `outdir` holds a build whose every source (and this script) is older than the build. */
export function isFresh(outdir) {
  const infoFile = join(root, outdir, 'build-info.json');
  if (!existsSync(infoFile)) return false;
  const info = JSON.parse(readFileSync(infoFile, 'utf8'));
  const builtAt = mtimeOf(infoFile);
  return [self, ...info.inputs.map((p) => join(root, p))].every((p) => mtimeOf(p) <= builtAt);
}

/**
 * Packages compiled into the bundle: our workspace packages, and the pure-JavaScript libraries loaded at start
 * (one file loads much faster than the hundreds of modules of zod, and the CLI's validator needs the thousands of
 * the Kubernetes schema packages). Everything else, native packages above all, stays an import of node_modules.
 */
// @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20 refuses unbundled.
const BUNDLED =
  /^(@opspilot\/|zod(\/|$)|yaml$|js-yaml$|commander$|picocolors$|@actions\/(workflow-parser|expressions)(\/|$))/;
const CLI_BUNDLED = /^(kysely$|kubernetes-models|@kubernetes-models\/|@kubernetes\/client-node$)/;

/** What is built: an entry file and the folder its JavaScript goes to (paths from the repository root). */
const TARGETS = [
  {
    name: 'cli',
    entry: 'apps/cli/src/main.ts',
    outdir: 'apps/cli/dist',
    bundled: [BUNDLED, CLI_BUNDLED],
    bundleDependencies: true,
    commands: 'apps/cli/src/commandCatalog.ts',
    models: true,
  },
  { name: 'server', entry: 'apps/server/src/main.ts', outdir: 'apps/server/dist', bundled: [BUNDLED] },
];

/**
 * Keeps bare imports external unless one of `bundled` names them. A package that npm installed under a workspace
 * (`packages/x/node_modules/…`, when two workspaces want different versions) cannot be found by its name from the
 * output folder, so such an import names the resolved file by a path relative to the output folder instead.
 * With `withDependencies`, a bundled package's own imports are bundled too (its whole dependency tree: the CLI's
 * Kubernetes client pulls in some 150 small CommonJS files, each resolved, read and compiled on every start when
 * left external); one that cannot be resolved (an optional `require` in a `try`) stays external.
 */
function externalPackages(bundled, outdir, withDependencies = false) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, async (args) => {
        // Our own look-up below (pluginData.lookup) goes to esbuild's resolver.
        if (args.pluginData?.lookup || bundled.some((re) => re.test(args.path))) return undefined;
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const found = await b.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: { lookup: true },
        });
        const inDependency = withDependencies && args.importer.includes(`${sep}node_modules${sep}`);
        if (inDependency && found.errors.length === 0) return found;
        const hoisted = found.errors.length > 0 || found.path.startsWith(join(root, 'node_modules') + sep);
        if (hoisted || !found.path.includes(`${sep}node_modules${sep}`)) return { path: args.path, external: true };
        return { path: relative(join(root, outdir), found.path).split(sep).join('/'), external: true };
      });
    },
  };
}

/** Lets bundled CommonJS code (commander) `require` Node's built-in modules from an ES module. */
const REQUIRE_SHIM =
  "import { createRequire as __opspilotCreateRequire } from 'node:module';\n" +
  'const require = __opspilotCreateRequire(import.meta.url);';

/**
 * zod's error messages in English only: zod exports its ~50 locales (`z.locales`, 260 kB of the 450 kB it adds to
 * a start) on a namespace that tree-shaking keeps; opspilot uses none but the default, English.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";\n',
      loader: 'js',
    }));
  },
};

/** Rewrites each source's `import.meta.url` to that source's own URL, relative to the output folder. */
function rewriteSourceUrls(text, path, outdir) {
  if (!/\bimport\.meta\.(url|dirname|filename)\b/.test(text)) return text;
  const rel = relative(join(root, outdir), path).split(sep).join('/');
  const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
  const contents = text
    .replace(/\bimport\.meta\.url\b/g, url)
    .replace(/\bimport\.meta\.filename\b/g, `__opspilotFileURLToPath(${url})`)
    .replace(/\bimport\.meta\.dirname\b/g, `__opspilotDirname(__opspilotFileURLToPath(${url}))`);
  const helpers = /\bimport\.meta\.(dirname|filename)\b/.test(text)
    ? "import { fileURLToPath as __opspilotFileURLToPath } from 'node:url';\n" +
      "import { dirname as __opspilotDirname } from 'node:path';\n"
    : '';
  return helpers + contents;
}

/**
 * What a package's src/index.ts re-exports by name (`export { a, type B, c as d } from './x.js'`): exported name →
 * the declaring file (absolute) and its name there. `export *` and local exports are not listed.
 */
const reExportsCache = new Map();
function reExportsOf(indexFile) {
  let found = reExportsCache.get(indexFile);
  if (found) return found;
  found = new Map();
  const text = readFileSync(indexFile, 'utf8');
  for (const m of text.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s*from\s*'(\.[^']+)'/gm)) {
    if (m[1]) continue;
    const file = join(dirname(indexFile), m[3].replace(/\.js$/, '.ts'));
    for (const spec of m[2].split(',')) {
      const [name, as] = spec
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (!name || /^type\s/.test(spec.trim())) continue;
      found.set(as ?? name, { file, name });
    }
  }
  reExportsCache.set(indexFile, found);
  return found;
}

/**
 * Imports of our packages' indexes (`import { a, type B } from '@opspilot/x'`) rewritten to import each name from the
 * file that declares it (types dropped: they are erased). With code splitting, esbuild puts into a command's chunks every file the package indexes it
 * imports reach, used or not, once another command uses them: `validate` loaded the manifests package's generators
 * and project detection (60 kB) because `generate` uses them. Names an index does not re-export by name (`export *`,
 * types) stay imports of the index. `indexes` collects, per source, the index files its rewriting read (the bin's
 * staleness check must still look at them).
 */
function importsFromDeclaringFiles(text, path, indexes) {
  return text.replace(/^import\s+\{([^}]*)\}\s*from\s*'(@opspilot\/[a-z0-9-]+)';?$/gm, (whole, specs, pkg) => {
    const indexFile = join(root, 'packages', pkg.slice('@opspilot/'.length), 'src/index.ts');
    if (!existsSync(indexFile)) return whole;
    const table = reExportsOf(indexFile);
    const kept = [];
    const byFile = new Map();
    for (const raw of specs.split(',')) {
      const spec = raw.trim();
      if (!spec) continue;
      // A type is erased; kept, it would leave `import '@opspilot/x'` behind (verbatimModuleSyntax).
      if (/^type\s/.test(spec)) continue;
      const [name, local] = spec.split(/\s+as\s+/);
      const target = table.get(name);
      if (!target) {
        kept.push(spec);
        continue;
      }
      const list = byFile.get(target.file) ?? [];
      list.push(target.name === (local ?? name) ? target.name : `${target.name} as ${local ?? name}`);
      byFile.set(target.file, list);
    }
    if (byFile.size === 0 && kept.length > 0) return whole;
    const source = relative(root, path).split(sep).join('/');
    indexes.set(source, [...(indexes.get(source) ?? []), relative(root, indexFile).split(sep).join('/')]);
    const lines = [...byFile].map(([file, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(file)};`);
    if (kept.length > 0) lines.push(`import { ${kept.join(', ')} } from '${pkg}';`);
    // As many lines as the import had, so the source map still points at the right lines.
    return lines.join(' ') + '\n'.repeat(whole.split('\n').length - 1);
  });
}

/** Loads each TypeScript source: its imports of our packages' indexes made direct, its `import.meta` URLs its own. */
function sources(outdir, indexes) {
  return {
    name: 'sources',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const text = await readFile(args.path, 'utf8');
        const contents = rewriteSourceUrls(importsFromDeclaringFiles(text, args.path, indexes), args.path, outdir);
        return contents === text ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}

/** The top-level commands of the CLI's catalog: the module each one's `load()` imports, mapped to its name. */
function catalogCommands(catalogFile) {
  const text = readFileSync(join(root, catalogFile), 'utf8');
  const commands = new Map();
  for (const m of text.matchAll(/name: '([^']+)',[\s\S]*?import\('\.\/(commands\/[^']+)\.js'\)/g)) {
    commands.set(join(dirname(catalogFile), `${m[2]}.ts`).split(sep).join('/'), m[1]);
  }
  return commands;
}

/**
 * The sources each run of the CLI executes, for `bin/opspilot.js` to check only those for changes (a stat per
 * source costs ~50 µs, the whole tree ~40 ms: most of the start of `--help`). `start`: what the entry imports
 * statically (all that `--help` and `--version` run); `context`: what it imports lazily short of a command module
 * (the context every command gets, the configuration, error reporting); `commands[name]`: everything a command's
 * module imports. Followed over the import graph of the sources (re-exporting index files included), not the
 * chunks, so a change anywhere on the way counts.
 */
function startAndCommandInputs(metafile, target, indexes) {
  const byCommandModule = catalogCommands(target.commands);
  const inputs = metafile.inputs;
  /** `from` and every source it imports (lazily too unless `staticOnly`), transitively, short of command modules. */
  const closure = (from, staticOnly = false) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path) || !inputs[path] || (path !== from && byCommandModule.has(path))) return;
      seen.add(path);
      // The package indexes its imports were rewritten from (see importsFromDeclaringFiles).
      for (const index of indexes.get(path) ?? []) {
        if (inputs[index]) visit(index);
        else seen.add(index);
      }
      for (const i of inputs[path].imports) {
        if (!i.external && !(staticOnly && i.kind === 'dynamic-import')) visit(i.path);
      }
    };
    visit(from);
    return [...seen].filter((p) => !p.includes('node_modules/')).sort();
  };
  const start = closure(target.entry, true);
  const context = closure(target.entry).filter((p) => !start.includes(p));
  const commands = {};
  for (const [module, name] of byCommandModule) commands[name] = closure(module);
  return { start, context, commands };
}

/** Makes the process's stdout look like a terminal `columns` wide (for commander, which wraps help to it). */
const TERMINAL = (columns) =>
  `data:text/javascript,process.stdout.isTTY=true;Object.defineProperty(process.stdout,'columns',{value:${columns}})`;

/**
 * What `opspilot --help` prints, rendered by the CLI just built: `text` to a pipe (as commander lays it out for a
 * pipe), `wide` to a terminal wide enough that nothing wraps, and `width`, its widest line. `bin/opspilot.js` prints
 * one of them without loading the CLI: `text` to a pipe, `wide` to a terminal at least `width` columns wide
 * (commander would wrap it to a narrower one, so that start loads the CLI).
 */
function renderedHelp(main) {
  const help = (args) => {
    const run = spawnSync(process.execPath, [...args, main, '--help'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the built CLI's --help failed: ${run.stderr}`);
    return run.stdout;
  };
  const wide = help(['--import', TERMINAL(100_000)]);
  return { text: help([]), wide, width: Math.max(...wide.split('\n').map((line) => line.length)) };
}

/** The built-in kinds the validator has schemas for (`apps/v1` → Deployment, …), read from builtInKinds.ts. */
function builtInKinds() {
  const text = readFileSync(join(root, 'packages/manifests/src/kube/builtInKinds.ts'), 'utf8');
  const kinds = [];
  for (const m of text.matchAll(/^ {2}'?([a-z0-9./-]+)'?: \[([^\]]*)\]/gm)) {
    for (const k of m[2].matchAll(/'([A-Za-z0-9]+)'/g)) kinds.push({ apiVersion: m[1], kind: k[1] });
  }
  return kinds;
}

/** The file name of one kind's bundled schema module (see buildModels); modelRegistry.ts names it the same way. */
const modelFileName = ({ apiVersion, kind }) => `${apiVersion.replaceAll('/', '_')}_${kind}.cjs`;

/**
 * One CommonJS file per built-in kind (`models/apps_v1_Deployment.cjs`): its kubernetes-models class with every
 * compiled schema it reaches. Loading a kind from node_modules resolved, read and compiled ~140 modules (~60 ms of
 * `opspilot validate` of one Deployment); one file costs a third of it. `@kubernetes-models/validate` stays a
 * require of node_modules (by a relative path), so the validator's lean stand-ins (leanModelValidation.ts) apply.
 * The chunks find the folder through `__opspilotModels`, defined by the banner.
 */
async function buildModels(staging, outdir) {
  const manifests = join(root, 'packages/manifests');
  const requireFrom = createRequire(join(manifests, 'package.json'));
  const entryPoints = {};
  for (const k of builtInKinds()) {
    entryPoints[modelFileName(k).slice(0, -'.cjs'.length)] = requireFrom.resolve(
      `kubernetes-models/${k.apiVersion}/${k.kind}`,
    );
  }
  const validateFile = createRequire(Object.values(entryPoints)[0]).resolve('@kubernetes-models/validate');
  const validatePath = relative(join(root, outdir, 'models'), validateFile)
    .split(sep)
    .join('/');
  await build({
    entryPoints,
    outdir: join(staging, 'models'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    outExtension: { '.js': '.cjs' },
    logLevel: 'warning',
    plugins: [
      {
        name: 'models-validate-external',
        setup(b) {
          b.onResolve({ filter: /^@kubernetes-models\/validate$/ }, () => ({ path: validatePath, external: true }));
        },
      },
    ],
  });
  return Object.keys(entryPoints).length;
}

/** Names the folder of the bundled kind schemas for the chunks (read by packages/manifests/src/kube/modelRegistry.ts). */
const MODELS_BANNER = "\nconst __opspilotModels = new URL('./models/', import.meta.url).href;";

/** Builds one target and records its sources; returns the seconds it took. */
async function buildTarget(target) {
  const started = Date.now();
  // Built beside the final folder (same depth, so the rewritten URLs hold), then swapped in whole: a CLI started
  // meanwhile, or a second build running at once, never sees half a folder.
  const final = join(root, target.outdir);
  const staging = `${final}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  /** Per source, the package indexes its imports were rewritten from (see importsFromDeclaringFiles). */
  const indexes = new Map();
  const result = await build({
    absWorkingDir: root,
    entryPoints: [target.entry],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    minify: true,
    keepNames: true, // class and function names stay readable (errors and logs print them)
    chunkNames: '[name]-[hash]', // beside the entry: one folder, so the rewritten URLs hold in every chunk
    metafile: true,
    banner: { js: target.models ? REQUIRE_SHIM + MODELS_BANNER : REQUIRE_SHIM },
    logLevel: 'warning',
    plugins: [
      externalPackages(target.bundled, target.outdir, target.bundleDependencies),
      sources(target.outdir, indexes),
      zodEnglishOnly,
    ],
  });
  if (target.models) await buildModels(staging, target.outdir);
  const rewrittenFrom = [...indexes.values()].flat();
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...rewrittenFrom])].filter(
    (p) => !p.includes('node_modules/'),
  );
  const info = { inputs, ...(target.commands ? startAndCommandInputs(result.metafile, target, indexes) : {}) };
  if (target.commands) {
    // What bin/opspilot.js needs to answer --help, --version and version by itself: small, to be read at once.
    const start = { start: info.start, versionCommand: info.commands.version ?? [] };
    const help = renderedHelp(join(staging, 'main.js'));
    writeFileSync(join(staging, 'start-info.json'), `${JSON.stringify({ ...start, help })}\n`);
  }
  if (target.commands) {
    // Per command, every source a run of it executes (what bin/opspilot.js checks for changes): a few kB to read
    // rather than build-info.json (about 700 kB, which took a start ~5 ms to read and parse).
    mkdirSync(join(staging, 'runs'));
    for (const [name, sources] of Object.entries(info.commands)) {
      const run = [...new Set([...info.start, ...info.context, ...sources])];
      writeFileSync(join(staging, 'runs', `${name}.json`), `${JSON.stringify(run)}\n`);
    }
  }
  writeFileSync(join(staging, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  rmSync(final, { recursive: true, force: true });
  try {
    renameSync(staging, final);
  } catch (error) {
    // Another build swapped its folder in first: it was built from the same sources.
    rmSync(staging, { recursive: true, force: true });
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
  return (Date.now() - started) / 1000;
}

/** Builds every stale target (or all with `force`); never throws, returns false when a build failed. */
export async function buildAll({ force = false } = {}) {
  let ok = true;
  for (const target of TARGETS) {
    if (!force && isFresh(target.outdir)) continue;
    try {
      const seconds = await buildTarget(target);
      process.stderr.write(`opspilot: built ${target.outdir} in ${seconds.toFixed(1)} s\n`);
    } catch (error) {
      ok = false;
      process.stderr.write(`opspilot: building ${target.outdir} failed: ${error.message}\n`);
    }
  }
  return ok;
}

if (process.argv[1] === self) {
  const ok = await buildAll({ force: process.argv.includes('--force') });
  process.exitCode = ok ? 0 : 1;
}
