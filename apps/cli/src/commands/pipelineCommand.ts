import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ConflictError, InputError } from '@opspilot/core';
import { generatePipeline, validatePipeline } from '@opspilot/delivery';
import type { ValidationReport } from '@opspilot/manifests';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { withStore } from '../openCliStore.js';
import { generateReadProject } from './generateReadProject.js';
import { reviewActor } from './reviewActor.js';
import { storeGenerated } from './reviewWorkflow.js';

const Options = z.object({
  ci: z.enum(['github', 'gitlab'], { message: 'choose --ci github or --ci gitlab' }),
  deploy: z.enum(['helm', 'kubectl']).default('helm'),
  registry: z.string().min(1).optional(),
  chart: z.string().min(1).optional(),
  release: z.string().min(1).optional(),
  branch: z.string().min(1).default('main'),
  timeout: z.coerce.number().int().min(30).max(3600).default(300),
  name: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
  user: z.string().min(1).optional(),
});

/** What `opspilot pipeline generate` prints. */
export interface PipelineGenerateResult {
  ci: 'github' | 'gitlab';
  path: string;
  id: string;
  state: string;
  valid: boolean;
  problems: { path: string; message: string }[];
  apps: { name: string; path: string; stack: string }[];
  missing_dockerfiles: string[];
  content?: string;
}

/**
 * Registers `opspilot pipeline generate [DIR] --ci github|gitlab`: detects the project's apps (as `generate --from`
 * does), writes its CI pipeline (test, build, scan, push, deploy, verify, roll back), validates it against the CI
 * system's published schema and stores it as a generated configuration for review (REJECTED when invalid). Prints
 * it, or writes it into the project with `--out DIR`. Exit 1 when the pipeline is invalid.
 */
export function pipelineCommand(parent: Command, ctx: CliContext): Command {
  const group = parent
    .command('pipeline')
    .description('CI pipelines generated from a project folder, reviewed like other configuration');
  group
    .command('generate')
    .description(
      'generate a GitHub Actions or GitLab CI pipeline for a project, validated against its schema and stored for review',
    )
    .argument('[dir]', 'project folder', '.')
    .option('--ci <system>', 'github or gitlab')
    .option('--deploy <tool>', 'helm (the generated chart) or kubectl', 'helm')
    .option('--registry <prefix>', 'image repository prefix (default the CI system’s registry for the project)')
    .option('--chart <dir>', 'chart folder in the project (default charts/<project>)')
    .option('--release <name>', 'helm release name (default the project name)')
    .option('--branch <name>', 'branch that deploys', 'main')
    .option('--timeout <seconds>', 'how long a rollout may take before it is rolled back', '300')
    .option('--name <name>', 'project name (default the folder name)')
    .option('--out <dir>', 'write the pipeline into this folder instead of printing it')
    .option('--force', 'overwrite an existing pipeline file in --out')
    .option('--user <name>', 'acting user for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (dir: string, raw: unknown, command: Command) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) {
        throw new InputError(`invalid option: ${parsed.error.issues[0]?.message}`, {
          hint: 'e.g. opspilot pipeline generate . --ci github',
        });
      }
      const o = parsed.data;
      const root = resolve(ctx.io.cwd, dir);
      const generated = generatePipeline(generateReadProject(root), {
        ci: o.ci,
        deploy: o.deploy,
        registry: o.registry,
        chart: o.chart,
        release: o.release,
        branch: o.branch,
        timeoutSeconds: o.timeout,
        namespace: ctx.options(command).namespace ?? 'default',
        name: o.name ?? basename(root),
      });
      if (!generated.ok) throw generated.error;
      const { file, project, missingDockerfiles } = generated.value;
      const target = o.out ? resolve(ctx.io.cwd, o.out, file.path) : undefined;
      if (target && existsSync(target) && !o.force) {
        throw new ConflictError(`${target} already exists`, { hint: 'pass --force to overwrite it' });
      }
      const problems = await validatePipeline(o.ci, file.content, file.path);
      const report: ValidationReport = {
        version: 1,
        valid: problems.length === 0,
        files: [{ path: file.path, kind: 'yaml', resources: 0 }],
        findings: problems.map((p) => ({
          file: file.path,
          rule: o.ci === 'github' ? 'github-workflow-schema' : 'gitlab-ci-schema',
          severity: 'ERROR' as const,
          category: 'schema' as const,
          message: `${p.path}: ${p.message}`,
        })),
        summary: { files: 1, resources: 0, errors: problems.length, warnings: 0, infos: 0 },
      };
      const config = await ctx.loadConfig(command);
      const user = reviewActor(o.user, ctx.io.env);
      const request = `pipeline generate ${dir} --ci ${o.ci} --deploy ${o.deploy}`;
      const [stored] = await withStore(config, ctx.io.cwd, (store) =>
        storeGenerated(store, [file], report, { user, prompt: request }),
      );
      if (target) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
      if (problems.length > 0) ctx.run.exitCode = 1;
      const result: PipelineGenerateResult = {
        ci: o.ci,
        path: file.path,
        id: stored!.id,
        state: stored!.state,
        valid: problems.length === 0,
        problems,
        apps: project.apps.map((a) => ({ name: a.name, path: a.path, stack: a.stack })),
        missing_dockerfiles: missingDockerfiles,
        ...(target ? {} : { content: file.content }),
      };
      ctx.print(command, result, (r) =>
        [
          ...(r.content ? [r.content.trimEnd(), ''] : [`wrote ${target}`]),
          `${r.path}: ${r.valid ? 'valid' : `${r.problems.length} schema problem(s)`} — stored as ${r.id} (${r.state})`,
          ...r.problems.map((p) => `problem: ${p.path}: ${p.message}`),
          ...(r.missing_dockerfiles.length > 0
            ? [`no Dockerfile for ${r.missing_dockerfiles.join(', ')}: opspilot generate dockerfile --from ${dir}`]
            : []),
          r.valid ? `review it: opspilot review approve ${r.id}` : '',
        ]
          .filter(Boolean)
          .join('\n')
          .concat('\n'),
      );
    });
  return group;
}
