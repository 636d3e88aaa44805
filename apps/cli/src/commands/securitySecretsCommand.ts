import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, NotFoundError, systemClock } from '@opspilot/core';
import { liveSecretAges, secretRotation } from '@opspilot/security';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { renderColumns } from '../renderOutput.js';
import { reviewActor } from './reviewActor.js';
import { runSecurityPlan } from './securityOperation.js';

const DEFAULT_MAX_AGE_DAYS = 90;

/** The maximum age in force: `--max-age-days`, else the stored policy (`security_gates`), else 90 days. */
async function maxAgeOf(store: Store, flag: number | undefined): Promise<number> {
  if (flag) return flag;
  const [row] = (await store.securityGates.list({ kind: 'SECRET_MAX_AGE', scope: 'all' }, { page_size: 1 })).items;
  const days = Number((row?.enabled ? row.settings : {}).max_age_days);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_MAX_AGE_DAYS;
}

const ListOptions = z.object({
  maxAgeDays: z.coerce.number().int().min(1).max(3650).optional(),
  overdue: z.boolean().default(false),
});

const RotateOptions = z.object({
  generate: z.array(z.string().min(1)).optional(),
  fromLiteral: z.array(z.string()).default([]),
  fromFile: z.array(z.string()).default([]),
  length: z.coerce.number().int().min(16).max(512).default(32),
  restart: z.boolean().default(true),
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  user: z.string().optional(),
});

function pairs(values: string[], flag: string, read: (v: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of values) {
    const at = item.indexOf('=');
    if (at <= 0)
      throw new InputError(`--${flag} ${item.split('=')[0]}…: expected KEY=VALUE`, {
        hint: `e.g. --${flag} password=…`,
      });
    out[item.slice(0, at)] = read(item.slice(at + 1));
  }
  return out;
}

/**
 * Registers `opspilot security secrets` (each Secret's age against the maximum-age policy and who consumes it; values
 * are never read into the output) and `opspilot security rotate NAMESPACE/NAME` (new random values — or values from
 * `--from-literal`/`--from-file` — set through review, the consuming Deployments, StatefulSets and DaemonSets restarted;
 * audited as `security.secret.rotation.proposed`; the values are never printed).
 */
export function securitySecretsCommand(parent: Command, ctx: CliContext): void {
  parent
    .command('secrets')
    .description('Secrets by age against the maximum-age policy, with the workloads that use them')
    .option('--max-age-days <days>', 'the maximum age (default: the stored policy, else 90)')
    .option('--overdue', 'only Secrets past their maximum age')
    .action(async (raw: unknown, command: Command) => {
      const options = ListOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const gateway = openGateway(config, ctx.io);
      try {
        const maxAgeDays = await withStore(config, ctx.io.cwd, (store) => maxAgeOf(store, options.maxAgeDays));
        const all = await liveSecretAges(gateway, {
          now: (ctx.io.clock ?? systemClock).now(),
          maxAgeDays,
          ...(config.kube.namespace ? { namespace: config.kube.namespace } : {}),
        });
        const items = options.overdue ? all.filter((s) => s.overdue) : all;
        if (items.some((s) => s.overdue)) ctx.run.exitCode = 1;
        ctx.print(command, { apiVersion: 'v1', kind: 'SecretAgeList', max_age_days: maxAgeDays, items }, (l) =>
          l.items.length === 0
            ? 'No Secrets to rotate.\n'
            : `${renderColumns([
                ['NAMESPACE', 'NAME', 'TYPE', 'AGE', 'MAX', 'STATUS', 'USED BY'],
                ...l.items.map((s) => [
                  s.namespace,
                  s.name,
                  s.type,
                  `${s.age_days}d`,
                  `${s.max_age_days}d`,
                  s.overdue ? 'OVERDUE' : 'ok',
                  s.consumers.map((c) => `${c.kind.toLowerCase()}/${c.name}`).join(',') || '-',
                ]),
              ])}\n`,
        );
      } finally {
        gateway.close();
      }
    });

  parent
    .command('rotate')
    .description('rotate a Secret through review: new values, its consumers restarted')
    .argument('<secret>', 'NAMESPACE/NAME (or NAME in the current namespace)')
    .option('--generate <key...>', 'keys to give new random values (default: every key, unless values are given)')
    .option('--from-literal <key=value...>', 'a new value given on the command line')
    .option('--from-file <key=path...>', 'a new value read from a file')
    .option('--length <bytes>', 'random bytes per generated value', '32')
    .option('--no-restart', 'do not restart the workloads that use the Secret')
    .option('-y, --yes', 'approve the rotation without asking')
    .option('--dry-run', 'show the plan and diff (values redacted), change nothing')
    .option('--user <name>', 'who rotates, for the audit log (default OPSPILOT_USER or the OS user)')
    .action(async (target: string, raw: unknown, command: Command) => {
      const options = RotateOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const [namespace, name] = target.includes('/')
        ? (target.split('/', 2) as [string, string])
        : [config.kube.namespace ?? 'default', target];
      const values = {
        ...pairs(options.fromLiteral, 'from-literal', (v) => v),
        ...pairs(options.fromFile, 'from-file', (p) => {
          try {
            return readFileSync(resolve(ctx.io.cwd, p), 'utf8');
          } catch {
            throw new NotFoundError(`--from-file: ${p} cannot be read`, { hint: 'check the path' });
          }
        }),
      };
      const gateway = openGateway(config, ctx.io);
      const user = reviewActor(options.user, ctx.io.env);
      try {
        await withStore(config, ctx.io.cwd, async (store) => {
          const now = (ctx.io.clock ?? systemClock).now();
          const ages = await liveSecretAges(gateway, { now, maxAgeDays: await maxAgeOf(store, undefined), namespace });
          const secret = ages.find((a) => a.name === name);
          if (!secret)
            throw new NotFoundError(`no rotatable Secret ${namespace}/${name}`, {
              hint: 'list them with `opspilot security secrets` (service-account tokens and Helm releases are not rotated)',
            });
          const rotation = secretRotation(
            secret,
            {
              ...(options.generate ? { generate: options.generate } : {}),
              ...(Object.keys(values).length ? { values } : {}),
              length: options.length,
              restart: options.restart,
            },
            { now },
          );
          await runSecurityPlan(
            ctx,
            command,
            store,
            gateway,
            {
              request: `rotate secret ${namespace}/${name}`,
              summary: rotation.summary,
              steps: rotation.steps,
              assumptions: [`${secret.age_days} days since the last rotation (maximum ${secret.max_age_days})`],
              planner: 'security:rotate-secret',
            },
            {
              yes: options.yes,
              dryRun: options.dryRun,
              user,
              audit: {
                action: 'security.secret.rotation.proposed',
                target: `secret/${namespace}/${name}`,
                details: {
                  keys: rotation.keys,
                  restarts: rotation.restarted,
                  supplied: Object.keys(values).length > 0,
                },
              },
            },
          );
        });
      } finally {
        gateway.close();
      }
    });
}
