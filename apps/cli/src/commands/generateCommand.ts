import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConflictError, InputError } from '@opspilot/core';
import { createHelmChartRenderer, locateHelm } from '@opspilot/helm';
import {
  type DescriptionIssue,
  type GeneratedFile,
  type GenerationRecords,
  generateFromProject,
  generateManifest,
  listProjectServices,
  ManifestKind,
  type ProjectFile,
  type ProjectGeneration,
  projectRecords,
  resourcesOfFiles,
  summarizeProject,
  validateFiles,
} from '@opspilot/manifests';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { askServices } from './askServices.js';
import { type GenerateResult, renderGenerateText } from './generateOutput.js';
import { generateReadProject } from './generateReadProject.js';
import { generateRecords, nextRevision } from './generateRecords.js';
import { reviewActor } from './reviewActor.js';
import { storeGenerated } from './reviewWorkflow.js';

const PROJECT_TARGETS = ['dockerfile', 'k8s', 'helm-chart'] as const;

const Options = z.object({
  from: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
  name: z.string().min(1).optional(),
  registry: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  user: z.string().min(1).optional(),
  service: z.array(z.string().min(1)).optional(),
});

/** `--service a --service b,c` → `['a', 'b', 'c']`. */
function collectServices(value: string, previous: string[] = []): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

type GenerateFinding = Awaited<ReturnType<typeof validateFiles>>['findings'][number];

/** A validation finding as `generate -o json` prints it (for the generated files and a service's own Dockerfile). */
function findingOf(f: GenerateFinding) {
  return {
    file: f.file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.line ? { line: f.line } : {}),
  };
}

/** Refuses to overwrite files in `out` unless forced (checked before anything is stored). */
function checkWritable(out: string, files: readonly GeneratedFile[], force: boolean): void {
  const existing = files.map((f) => resolve(out, f.path)).filter((t) => existsSync(t));
  if (existing.length > 0 && !force) {
    throw new ConflictError(`${existing.length} file(s) already exist in ${out}, e.g. ${existing[0]}`, {
      hint: 'choose another --out folder or pass --force to overwrite',
    });
  }
}

function writeFiles(out: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const target = resolve(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
}

/** What one `generate` run produced, before it is validated and stored. */
interface Generated {
  files: GeneratedFile[];
  issues: DescriptionIssue[];
  request: string;
  project?: ProjectGeneration['project'];
  /** The project's own Dockerfiles its services are built from: validated, never stored or written. */
  existing: GeneratedFile[];
  records: GenerationRecords;
}

function generateFiles(
  what: string,
  words: string[],
  options: z.infer<typeof Options>,
  cwd: string,
  namespace: string | undefined,
  read?: ProjectFile[],
): Generated {
  if ((PROJECT_TARGETS as readonly string[]).includes(what)) {
    if (!options.from)
      throw new InputError(`generate ${what} needs --from DIR`, { hint: `e.g. opspilot generate ${what} --from .` });
    if (words.length > 0)
      throw new InputError(`generate ${what} takes no description`, { hint: `drop "${words.join(' ')}"` });
    const dir = resolve(cwd, options.from);
    const projectOptions = {
      name: options.name ?? basename(dir),
      registry: options.registry,
      host: options.host,
      namespace,
      services: options.service,
    };
    const result = generateFromProject(
      what as (typeof PROJECT_TARGETS)[number],
      read ?? generateReadProject(dir),
      projectOptions,
    );
    if (!result.ok) throw result.error;
    const { target, project, files, existing } = result.value;
    return {
      files,
      existing,
      issues: [],
      request: `generate ${what} --from ${options.from}`,
      project,
      records: projectRecords(target, project, files, projectOptions, existing),
    };
  }
  const kind = ManifestKind.safeParse(what);
  if (!kind.success) {
    throw new InputError(`cannot generate "${what}"`, {
      hint: `choose one of ${[...ManifestKind.options, ...PROJECT_TARGETS].join(', ')}`,
    });
  }
  if (options.from || options.service)
    throw new InputError(`--from and --service are for dockerfile, k8s and helm-chart, not ${what}`, {
      hint: `describe the ${what} instead`,
    });
  const description = words.join(' ').trim();
  if (!description) {
    throw new InputError(`generate ${what} needs a description`, {
      hint: `e.g. opspilot generate deployment "api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi"`,
    });
  }
  const result = generateManifest(kind.data, description);
  if (!result.ok) throw result.error;
  const { files, issues } = result.value;
  return {
    files,
    existing: [],
    issues,
    request: `generate ${what} "${description}"`,
    records: { dockerImages: [], kubernetesResources: resourcesOfFiles(files) },
  };
}

/**
 * On a terminal, for a project target without `--service` and text output: reads the project and, when it has several
 * services, asks which to generate for (all checked; Enter keeps them all). Undefined — nothing asked — off a terminal
 * (piped, CI), with `-o json|yaml`, with `--service`, or for a project of one service: then every service is
 * generated, as `helm template` or `kubectl apply -k` would never stop a script to ask.
 */
async function askWhenSeveral(
  ctx: CliContext,
  command: Command,
  what: string,
  options: z.infer<typeof Options>,
): Promise<{ files: ProjectFile[]; services?: string[] } | undefined> {
  const asking =
    (PROJECT_TARGETS as readonly string[]).includes(what) &&
    options.from !== undefined &&
    options.service === undefined &&
    ctx.io.terminal?.isTTY === true &&
    ctx.options(command).output === 'text';
  if (!asking) return undefined;
  const files = generateReadProject(resolve(ctx.io.cwd, options.from!));
  const listed = listProjectServices(files, { name: options.name ?? basename(resolve(ctx.io.cwd, options.from!)) });
  if (!listed.ok || listed.value.apps.length < 2) return { files };
  return { files, services: await askServices(ctx.io, listed.value) };
}

/**
 * Registers `opspilot generate <kind> "<description>"` (deployment, service, ingress, configmap, secret, hpa, pdb,
 * networkpolicy, job, cronjob) and `opspilot generate dockerfile|k8s|helm-chart --from DIR [--service NAME]…`
 * (every deployable service of the project, or those chosen — on a terminal, asked for when there are several; a
 * service's own Dockerfile is used and validated, not regenerated): generates the files,
 * validates them, stores each as a Generated Configuration awaiting review (or rejected when invalid), and prints
 * them (or writes them with `--out DIR`) with the validation summary and the stored ids. Generating the same thing
 * again stores a new revision of its records and files (the earlier ones are kept), which starts the review workflow
 * anew. Exit 1 when a file is invalid (generated, or a service's own Dockerfile with an ERROR finding) or part of the
 * description was not used.
 */
export function generateCommand(parent: Command, ctx: CliContext): Command {
  return parent
    .command('generate')
    .description('generate Kubernetes manifests, Dockerfiles or a Helm chart, validated and stored for review')
    .argument('<what>', `${ManifestKind.options.join('|')}|${PROJECT_TARGETS.join('|')}`)
    .argument(
      '[description...]',
      'plain-English description, e.g. "api image ghcr.io/acme/api:1.4 3 replicas port 8080"',
    )
    .option('--from <dir>', 'project folder to detect apps in (dockerfile, k8s, helm-chart)')
    .option('--out <dir>', 'write the files into this folder instead of printing them')
    .option('--force', 'overwrite existing files in --out')
    .option('--name <name>', 'project name for --from (default the folder name)')
    .option('--registry <prefix>', 'image repository prefix for --from (default the project name)')
    .option('--host <host>', 'Ingress host for --from (default <project>.local)')
    .option(
      '--service <name>',
      'for --from: only this service, by name or folder (repeat, or separate with commas); without it a terminal asks which when there are several, a script gets every service',
      collectServices,
    )
    .option('--user <name>', 'acting user for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (what: string, words: string[], raw: unknown, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success)
        throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, {
          hint: 'see opspilot generate --help',
        });
      const options = parsed.data;
      const asked = await askWhenSeveral(ctx, command, what, options);
      const generated = generateFiles(
        what,
        words,
        { ...options, service: options.service ?? asked?.services },
        ctx.io.cwd,
        ctx.options(command).namespace,
        asked?.files,
      );
      if (options.out) checkWritable(resolve(ctx.io.cwd, options.out), generated.files, options.force);
      const config = await ctx.loadConfig(command);
      const helm = locateHelm(ctx.io.env);
      const report = await validateFiles(generated.files, {
        settings: config.validate,
        chartRenderer: helm ? createHelmChartRenderer({ binary: helm }) : undefined,
      });
      // The project's own Dockerfiles are used as they are: their findings are reported, not stored as generated.
      const own =
        generated.existing.length > 0
          ? await validateFiles(generated.existing, { settings: config.validate })
          : undefined;
      const user = reviewActor(options.user, ctx.io.env);
      const { stored, records } = await withStore(config, ctx.io.cwd, async (store) => {
        const revision = await nextRevision(store, generated.records);
        return {
          stored: await storeGenerated(store, generated.files, report, { user, prompt: generated.request }, revision),
          records: await generateRecords(store, generated.records, revision),
        };
      });
      if (options.out) writeFiles(resolve(ctx.io.cwd, options.out), generated.files);
      const result: GenerateResult = {
        what,
        request: generated.request,
        files: stored.map((s, i) => ({ ...s, ...(options.out ? {} : { content: generated.files[i]!.content }) })),
        issues: generated.issues,
        records,
        validation: { valid: report.valid, ...report.summary },
        findings: report.findings.map(findingOf),
        ...(generated.project ? { project: summarizeProject(generated.project) } : {}),
        ...(own
          ? {
              own_dockerfiles: {
                files: generated.existing.map((f) => f.path),
                valid: own.valid,
                errors: own.summary.errors,
                warnings: own.summary.warnings,
                findings: own.findings.map(findingOf),
              },
            }
          : {}),
        ...(options.out ? { written_to: resolve(ctx.io.cwd, options.out) } : {}),
      };
      // An ERROR in a service's own Dockerfile fails the run as `validate` would: the image it builds is the one deployed.
      if (!report.valid || (own && !own.valid) || generated.issues.length > 0) ctx.run.exitCode = 1;
      ctx.print(command, result, renderGenerateText);
    });
}
