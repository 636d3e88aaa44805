import { type GeneratedConfig, InputError, type KubeObject, type Plan, systemClock } from '@opspilot/core';
import { diffObjects } from '@opspilot/kube';
import { createOperations } from '@opspilot/ops';
import type { Command } from 'commander';
import { parseAllDocuments } from 'yaml';
import type { CliContext } from '../cliContext.js';
import { openGateway } from '../clusterAccess.js';
import { withStore } from '../openCliStore.js';
import { applyInterruptibly, cliLifecycle, recoverEarlierRuns, registeredClusterId } from './askApply.js';
import { cliPlanGate } from './cliPlanGate.js';
import { ReviewOptions, reviewActor, reviewConfigId } from './reviewActor.js';
import { ChartApplyOptions, chartDeps, reviewApplyChart } from './reviewApplyChart.js';
import { GENERATOR_TOOL, transitionAudited } from './reviewWorkflow.js';

/** What `opspilot review apply` prints. */
export interface ReviewApplyResult {
  config_id: string;
  state: GeneratedConfig['state'];
  operation_id: string;
  operation_state: string;
  diff: string;
  result: string;
  problems: string[];
}

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'IngressClass',
  'PriorityClass',
  'CustomResourceDefinition',
]);

/** The Kubernetes objects of a configuration, namespaced into `namespace` when they name none. */
function objectsOf(config: GeneratedConfig, namespace: string): KubeObject[] {
  const objects = parseAllDocuments(config.content)
    .map((d) => d.toJS() as KubeObject | null)
    .filter(
      (o): o is KubeObject =>
        !!o && typeof o === 'object' && typeof o.kind === 'string' && typeof o.apiVersion === 'string',
    );
  if (objects.length === 0) {
    throw new InputError(`${config.file_path} (${config.resource_type}) holds no Kubernetes objects to apply`, {
      hint: 'Kubernetes manifests and Helm charts are applied; build Dockerfiles with docker',
    });
  }
  return objects.map((o) =>
    CLUSTER_SCOPED.has(o.kind) || o.metadata?.namespace ? o : { ...o, metadata: { ...o.metadata, namespace } },
  );
}

/** The plan applying every object of a configuration with server-side apply. */
function planOf(config: GeneratedConfig, objects: KubeObject[]): Plan {
  const names = objects.map((o) => `${o.kind}/${o.metadata?.name}`);
  const request = `apply generated configuration ${config.id} (${config.file_path})`;
  return {
    request,
    summary: `apply ${names.join(', ')} from ${config.file_path}`,
    steps: objects.map((object) => ({
      op: 'apply' as const,
      mode: 'create' as const,
      object,
      description: `apply ${object.kind}/${object.metadata?.name}`,
    })),
    risk: 'write',
    riskReasons: [`creates or updates ${names.length} object(s) reviewed and approved as ${config.id}`],
    assumptions: [],
    rendered: {
      bash: `kubectl apply --server-side -f ${config.file_path}`,
      powershell: `kubectl apply --server-side -f ${config.file_path}`,
    },
    planner: GENERATOR_TOOL,
  };
}

/**
 * Registers `opspilot review apply <id>`: an APPROVED configuration's Kubernetes objects go through the operation
 * lifecycle of `@opspilot/ops` (server dry-run and diff, approval by the acting user — the configuration's review
 * is the approval —, server-side apply, verification, audit); on success the configuration becomes APPLIED.
 * Exit 1 when the dry-run refused it or the apply failed.
 */
export function reviewApplyCommand(group: Command, ctx: CliContext): Command {
  return group
    .command('apply')
    .description('apply an APPROVED configuration to the cluster through the reviewed, audited operation lifecycle')
    .argument('<id>', 'configuration id')
    .option('--user <name>', 'acting user (default OPSPILOT_USER or the OS user)')
    .option('--release <name>', 'helm release name of a chart (default the chart name)')
    .option('--values <file>', 'YAML values over the chart values.yaml')
    .option('--timeout <seconds>', 'how long a chart may take to become ready before it is rolled back', '300')
    .action(async (rawId: string, raw: unknown, command: Command) => {
      const id = reviewConfigId(rawId);
      const options = ReviewOptions.parse(raw);
      const chartOptions = ChartApplyOptions.parse(raw);
      const config = await ctx.loadConfig(command);
      const user = reviewActor(options.user, ctx.io.env);
      const result = await withStore(config, ctx.io.cwd, async (store) => {
        const generated = await store.generatedConfigs.get(id);
        if (generated.state !== 'APPROVED') {
          throw new InputError(`configuration ${id} is ${generated.state}, not APPROVED`, {
            hint:
              generated.state === 'NEEDS_REVIEW' || generated.state === 'REVIEW_AGAIN'
                ? `approve it first: opspilot review approve ${id}`
                : 'only approved configurations can be applied',
          });
        }
        if (generated.resource_type.startsWith('Helm')) {
          const gateway = openGateway(config, ctx.io);
          const clusterId = await registeredClusterId(store, gateway.config.server);
          const r = await reviewApplyChart(store, generated, chartDeps(store, gateway, ctx.io.env, clusterId), {
            user,
            namespace: config.kube.namespace ?? 'default',
            cwd: ctx.io.cwd,
            options: chartOptions,
          });
          if (r.operation_state !== 'APPLIED') ctx.run.exitCode = 1;
          return r;
        }
        const objects = objectsOf(generated, config.kube.namespace ?? 'default');
        const plan = planOf(generated, objects);
        const gateway = openGateway(config, ctx.io);
        const clusterId = await registeredClusterId(store, gateway.config.server);
        const ops = createOperations({
          gateway,
          operations: store.operations,
          audit: store.audit,
          commands: store.aiCommands,
          clock: systemClock,
          planner: async () => ({ kind: 'plan', plan, notices: [] }),
          diff: diffObjects,
          clusterId,
          planGate: cliPlanGate(store, clusterId, user),
          ...cliLifecycle((text) => ctx.io.stderr.write(`${text}\n`)),
        });
        await recoverEarlierRuns(ops, user, (text) => ctx.io.stderr.write(`${text}\n`));
        const proposed = await ops.propose(plan.request, { user, namespace: config.kube.namespace });
        if (proposed.kind !== 'operation') throw new InputError('the operation lifecycle did not accept the plan');
        let operation = proposed.operation;
        if (operation.state === 'NEEDS_REVIEW') {
          operation = await ops.approve(operation.id, { user, allowSelfApproval: true });
          operation = await applyInterruptibly(ops, operation.id, user);
        }
        let state: GeneratedConfig['state'] = generated.state;
        if (operation.state === 'APPLIED') {
          state = (
            await transitionAudited(store, id, 'APPLIED', {
              user,
              prompt: plan.request,
              notes: `operation ${operation.id}`,
            })
          ).state;
          const reviews = await store.reviews.list({ generated_config_id: id, approval_status: 'APPROVED' });
          for (const review of reviews.items)
            await store.reviews.update(review.review_id, { applied_to_production: true });
        } else {
          ctx.run.exitCode = 1;
        }
        return {
          config_id: id,
          state,
          operation_id: operation.id,
          operation_state: operation.state,
          diff: operation.diff,
          result: operation.result,
          problems: operation.problems,
        } satisfies ReviewApplyResult;
      });
      ctx.print(
        command,
        result,
        (r) =>
          `${[
            r.diff.trimEnd(),
            `operation ${r.operation_id}: ${r.operation_state}${r.result ? ` — ${r.result}` : ''}`,
            ...r.problems.map((p) => `problem: ${p}`),
            `${r.config_id} is now ${r.state}`,
          ]
            .filter(Boolean)
            .join('\n')}\n`,
      );
    });
}
