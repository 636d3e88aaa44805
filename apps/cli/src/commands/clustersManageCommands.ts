import {
  type Cluster,
  ClusterEndpoints,
  ClusterEnvironment,
  InputError,
  NotAllowedError,
  NotFoundError,
  UpstreamError,
} from '@opspilot/core';
import { type ConnectionTestResult, testConnection } from '@opspilot/kube';
import type { Store } from '@opspilot/store';
import type { Command } from 'commander';
import type { CliContext } from '../cliContext.js';
import { EXIT_CODES } from '../exitCodes.js';
import { withStore } from '../openCliStore.js';
import { type CredentialFlags, credentialOptions, credentialsFromFlags } from './clusterCredentialFlags.js';

interface ManageFlags extends CredentialFlags {
  displayName?: string;
  environment?: string;
  region?: string;
  label?: string[];
  prometheusUrl?: string;
  alertmanagerUrl?: string;
  lokiUrl?: string;
  tempoUrl?: string;
  test?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

async function clusterNamed(store: Store, name: string): Promise<Cluster> {
  const found = await store.clusters.findByName(name);
  if (!found) throw new NotFoundError(`no cluster named ${name}`, { hint: 'list them with `opspilot clusters list`' });
  return found;
}

/** `key=value` sets a label, `key-` removes it (as `kubectl label`). */
function applyLabels(current: Record<string, string>, flags: string[]): Record<string, string> {
  const next = { ...current };
  for (const flag of flags) {
    const match = /^([A-Za-z0-9./_-]+)(?:=(.*)|-)$/.exec(flag);
    if (!match?.[1])
      throw new InputError(`--label ${flag}: expected key=value or key-`, { hint: 'e.g. --label team=platform' });
    if (match[2] === undefined) delete next[match[1]];
    else next[match[1]] = match[2];
  }
  return next;
}

function environmentOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const parsed = ClusterEnvironment.safeParse(text.toUpperCase());
  if (!parsed.success) {
    throw new InputError(`--environment ${text}: expected one of ${ClusterEnvironment.options.join(', ')}`);
  }
  return parsed.data;
}

function endpointsOf(flags: ManageFlags, current: Cluster['endpoints']) {
  const given = {
    ...(flags.prometheusUrl ? { prometheus_url: flags.prometheusUrl } : {}),
    ...(flags.alertmanagerUrl ? { alertmanager_url: flags.alertmanagerUrl } : {}),
    ...(flags.lokiUrl ? { loki_url: flags.lokiUrl } : {}),
    ...(flags.tempoUrl ? { tempo_url: flags.tempoUrl } : {}),
  };
  if (Object.keys(given).length === 0) return undefined;
  const parsed = ClusterEndpoints.safeParse({ ...current, ...given });
  if (!parsed.success) throw new InputError(`invalid endpoint: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The typed error of a failed test: 401/403 NotAllowed (exit 1), unreachable, TLS or other Upstream (exit 2). */
function testError(result: ConnectionTestResult): Error {
  const f = result.failure ?? { type: 'ERROR', message: 'the connection test failed' };
  const options = { ...(f.hint ? { hint: f.hint } : {}), details: { failure: f.type } };
  const message = `connection test failed (${f.type}): ${f.message}`;
  if (f.type === 'UNAUTHORIZED' || f.type === 'FORBIDDEN') return new NotAllowedError(message, options);
  if (f.type === 'CONFIG') return new InputError(message, options);
  return new UpstreamError(message, { ...options, source: 'kubernetes' });
}

function testText(name: string, r: ConnectionTestResult): string {
  const mark = (ok: boolean) => (ok ? 'yes' : 'no');
  return [
    `Cluster:        ${name}`,
    `Server:         ${r.server ?? '<unknown>'}`,
    `Reachable:      ${mark(r.reachable)}${r.latency_ms === undefined ? '' : ` (${r.latency_ms}ms)`}`,
    `Version:        ${r.version ?? '<unknown>'}`,
    `Authenticated:  ${mark(r.authenticated)}`,
    `Can list pods:  ${mark(r.can_list_pods)}`,
    ...(r.failure ? [`Failure:        ${r.failure.type}: ${r.failure.message}`] : []),
    ...(r.failure?.hint ? [`Hint:           ${r.failure.hint}`] : []),
    r.ok ? 'Connection OK' : 'Connection FAILED',
  ].join('\n');
}

function manageOptions(command: Command): Command {
  return credentialOptions(command)
    .option('--display-name <text>', 'name shown in the dashboard')
    .option('--environment <env>', 'PRODUCTION, STAGING, DEVELOPMENT or LAB')
    .option('--region <region>', 'region or zone')
    .option('-L, --label <key=value>', 'a label (repeatable; key- removes it on update)', collect)
    .option('--prometheus-url <url>', 'Prometheus/Thanos query endpoint (overrides the discovered one)')
    .option('--alertmanager-url <url>', 'Alertmanager API endpoint')
    .option('--loki-url <url>', 'Loki query endpoint')
    .option('--tempo-url <url>', 'Tempo query endpoint')
    .option('--no-test', 'save without testing the connection first');
}

/**
 * Adds `add`, `update`, `remove` and `test` to `opspilot clusters`. They change the store the server reads (the
 * server's watchers pick a change up within 15 s), audited as the API's changes are (`via: cli`); credentials are
 * sealed at rest and tested before they are saved unless `--no-test`.
 */
export function clustersManageCommands(clusters: Command, ctx: CliContext): void {
  const kubeconfigGiven = (command: Command) => {
    const global = ctx.options(command);
    return global.kubeconfig !== undefined || global.context !== undefined;
  };
  const audit = (store: Store, action: string, cluster: Cluster, details: Record<string, unknown> = {}) =>
    store.audit.append({
      user_id: 'system',
      action,
      target: `cluster:${cluster.name}`,
      cluster_id: cluster.id,
      details: { via: 'cli', ...details },
    });
  const mustPass = async (kubeconfigYaml: string, config: { clusters: { allowed_exec_commands: string[] } }) => {
    const result = await testConnection({ kubeconfigYaml, allowedExecCommands: config.clusters.allowed_exec_commands });
    if (!result.ok) throw testError(result);
  };

  manageOptions(
    clusters
      .command('add')
      .description('register a cluster from a kubeconfig context or a service-account token (tested first)')
      .argument('<name>', 'DNS-style name, e.g. prod-east-1'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot clusters add staging --kubeconfig ~/.kube/config --context kind-staging\n  opspilot clusters add prod-eu --server https://api.prod-eu:6443 --token-file sa.token --ca-file ca.crt -L team=platform',
    )
    .action(async (name: string, flags: ManageFlags, command: Command) => {
      const config = await ctx.loadConfig(command);
      const access = credentialsFromFlags(flags, config, ctx.io, {
        name,
        required: true,
        kubeconfigGiven: kubeconfigGiven(command),
      });
      if (!access) throw new InputError('no credentials given');
      if (flags.test !== false) await mustPass(access.kubeconfig, config);
      const cluster = await withStore(config, ctx.io.cwd, async (store) => {
        const created = await store.transaction(async (tx) => {
          const c = await tx.clusters.create({
            name,
            api_server_url: access.server,
            ...(flags.displayName ? { display_name: flags.displayName } : {}),
            ...(flags.environment ? { environment: environmentOf(flags.environment) } : {}),
            ...(flags.region ? { region: flags.region } : {}),
            labels: applyLabels({}, flags.label ?? []),
            ...(endpointsOf(flags, undefined) ? { endpoints: endpointsOf(flags, undefined) } : {}),
          });
          await tx.clusters.setCredentials(c.id, { auth_type: access.auth_type, kubeconfig: access.kubeconfig });
          return c;
        });
        await audit(store, 'cluster.register', created, { auth_type: access.auth_type });
        return created;
      });
      ctx.print(command, cluster, (c) => `cluster ${c.name} added (${access.auth_type}, ${c.api_server_url})\n`);
    });

  manageOptions(
    clusters
      .command('update')
      .description("change a registered cluster's name, labels, environment, endpoints or credentials")
      .argument('<name>', 'a registered cluster'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot clusters update staging --display-name "Staging EU" -L tier=2 -L old-\n  opspilot clusters update prod-eu --token-file new.token',
    )
    .action(async (name: string, flags: ManageFlags, command: Command) => {
      const config = await ctx.loadConfig(command);
      const result = await withStore(config, ctx.io.cwd, async (store) => {
        const cluster = await clusterNamed(store, name);
        const access = credentialsFromFlags(flags, config, ctx.io, {
          name,
          required: false,
          kubeconfigGiven: kubeconfigGiven(command),
          currentServer: cluster.api_server_url,
        });
        if (flags.server && !access) {
          throw new InputError('a new --server needs the credentials for it', { hint: 'add --token-file FILE' });
        }
        const patch: Partial<Cluster> = {
          ...(flags.displayName !== undefined ? { display_name: flags.displayName || undefined } : {}),
          ...(flags.environment ? { environment: environmentOf(flags.environment) } : {}),
          ...(flags.region ? { region: flags.region } : {}),
          ...(flags.label ? { labels: applyLabels(cluster.labels, flags.label) } : {}),
          ...(endpointsOf(flags, cluster.endpoints) ? { endpoints: endpointsOf(flags, cluster.endpoints) } : {}),
          ...(access ? { api_server_url: access.server } : {}),
        };
        const changed = [...Object.keys(patch), ...(access ? ['credentials'] : [])];
        if (changed.length === 0)
          throw new InputError('nothing to update', { hint: 'see opspilot clusters update --help' });
        if (access && flags.test !== false) await mustPass(access.kubeconfig, config);
        const updated = await store.transaction(async (tx) => {
          const next = await tx.clusters.update(cluster.id, patch);
          if (access)
            await tx.clusters.setCredentials(cluster.id, {
              auth_type: access.auth_type,
              kubeconfig: access.kubeconfig,
            });
          return next;
        });
        await audit(store, 'cluster.update', updated, { changed });
        return { cluster: updated, changed };
      });
      ctx.print(command, result.cluster, (c) => `cluster ${c.name} updated (${result.changed.join(', ')})\n`);
    });

  clusters
    .command('remove')
    .alias('rm')
    .description('remove a registered cluster and forget its credentials (the server stops watching it)')
    .argument('<name>', 'a registered cluster')
    .action(async (name: string, _flags: unknown, command: Command) => {
      const config = await ctx.loadConfig(command);
      const removed = await withStore(config, ctx.io.cwd, async (store) => {
        const cluster = await clusterNamed(store, name);
        await store.clusters.delete(cluster.id);
        await audit(store, 'cluster.remove', cluster);
        return { name: cluster.name, id: cluster.id, removed: true };
      });
      ctx.print(command, removed, (r) => `cluster ${r.name} removed\n`);
    });

  credentialOptions(
    clusters
      .command('test')
      .description('test a connection: reachable, version, credentials accepted, may list pods (exit 2 when not)')
      .argument('[name]', "a registered cluster's stored credentials; else the flags' or the kubeconfig context's"),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  opspilot clusters test sim-demo\n  opspilot clusters test --server https://10.0.0.1:6443 --token-file sa.token --ca-file ca.crt',
    )
    .action(async (name: string | undefined, flags: CredentialFlags, command: Command) => {
      const config = await ctx.loadConfig(command);
      const fromFlags = credentialsFromFlags(flags, config, ctx.io, {
        name: name ?? 'cluster',
        required: !name,
        kubeconfigGiven: kubeconfigGiven(command),
      });
      const kubeconfigYaml =
        fromFlags?.kubeconfig ??
        (await withStore(config, ctx.io.cwd, async (store) =>
          store.clusters.getKubeconfig((await clusterNamed(store, name ?? '')).id),
        ));
      const result = await testConnection({
        kubeconfigYaml,
        allowedExecCommands: config.clusters.allowed_exec_commands,
      });
      if (!result.ok) ctx.run.exitCode = EXIT_CODES.error;
      ctx.print(
        command,
        { cluster: name ?? fromFlags?.server, ...result },
        (r) => `${testText(String(r.cluster), r)}\n`,
      );
    });
}
