import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from '@opspilot/core';
import { startSimCluster } from '@opspilot/kube-sim';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from '../cliContext.js';

const ServeOptions = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  kubeconfigOut: z.string().min(1),
  scenario: z.string().optional(),
  nodes: z.coerce.number().int().min(1).max(500),
  tls: z.boolean(),
  insecureAnonymous: z.boolean().default(false),
  otlpEndpoint: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
  otlpHeader: z.array(z.string().regex(/^[^=]+=.*$/, 'expected name=value')).default([]),
  clusterName: z.string().min(1).default('kube-sim'),
});

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Resolves when the process is asked to stop (SIGINT or SIGTERM). */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
}

/**
 * Registers `opspilot sim serve`: runs the simulated cluster in the foreground, writes its kubeconfig (with the
 * bearer token generated for this run) and prints the `export KUBECONFIG=...` line, until Ctrl-C. With
 * `--otlp-endpoint` its applications send their traces there.
 */
export function simCommand(parent: Command, ctx: CliContext): Command {
  const group = parent.command('sim').description('the simulated Kubernetes cluster');
  group
    .command('serve')
    .description('run the simulated cluster in the foreground (real kubectl and client libraries work against it)')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '6443')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--kubeconfig-out <file>', 'where to write its kubeconfig', './.opspilot/sim-kubeconfig.yaml')
    .option('--scenario <name|file>', 'load a scenario at start: demo, broken, gpu or a YAML file')
    .option('--nodes <n>', 'number of nodes', '3')
    .option('--no-tls', 'serve plain HTTP (the kubeconfig then skips TLS verification)')
    .option(
      '--otlp-endpoint <url>',
      "send the applications' traces (OTLP/HTTP JSON) here, e.g. http://opspilot:8080/v1/traces",
    )
    .option(
      '--otlp-header <name=value>',
      'a header of each trace export (repeatable), e.g. "authorization=Bearer ops_…"',
      collect,
    )
    .option('--cluster-name <name>', 'the k8s.cluster.name attribute of the traces', 'kube-sim')
    .option(
      '--insecure-anonymous',
      'serve requests without credentials as the admin (by default every request needs the token in the kubeconfig)',
    )
    .addHelpText(
      'after',
      '\nEvery request needs the bearer token generated at start and written into the kubeconfig (401 Unauthorized\notherwise), except /healthz, /readyz and /livez. --insecure-anonymous lets anyone who can reach the port in\nas the admin. kubectl sends no credentials over plain HTTP, so with --no-tls it needs --insecure-anonymous.',
    )
    .action(async (raw: unknown, command: Command) => {
      const parsed = ServeOptions.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new InputError(
          `--${String(issue.path[0]).replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}: ${issue.message}`,
          {
            hint: 'see opspilot sim serve --help',
          },
        );
      }
      const o = parsed.data;
      const kubeconfigPath = resolve(ctx.io.cwd, o.kubeconfigOut);
      mkdirSync(dirname(kubeconfigPath), { recursive: true });
      const sim = await startSimCluster({
        port: o.port,
        host: o.host,
        tls: o.tls,
        nodes: o.nodes,
        scenario: o.scenario,
        kubeconfigPath,
        insecureAnonymous: o.insecureAnonymous,
        ...(o.otlpEndpoint
          ? {
              traces: {
                endpoint: o.otlpEndpoint,
                headers: Object.fromEntries(
                  o.otlpHeader.map((h) => [h.slice(0, h.indexOf('=')), h.slice(h.indexOf('=') + 1)]),
                ),
                clusterName: o.clusterName,
              },
            }
          : {}),
      });
      const info = {
        url: sim.url,
        kubeconfig: kubeconfigPath,
        scenario: o.scenario ?? null,
        insecure_anonymous: o.insecureAnonymous,
        traces_endpoint: o.otlpEndpoint ?? null,
      };
      ctx.print(command, info, (shown) =>
        [
          `simulated cluster listening on ${shown.url}${shown.scenario ? ` (scenario ${shown.scenario})` : ''}`,
          shown.insecure_anonymous
            ? 'WARNING: --insecure-anonymous: requests without credentials run as the cluster admin'
            : `requests need the bearer token in the kubeconfig${o.tls ? '' : ' (kubectl sends none over plain HTTP: serve HTTPS or add --insecure-anonymous for kubectl)'}`,
          ...(shown.traces_endpoint ? [`sending traces to ${shown.traces_endpoint} every 5 s`] : []),
          `kubeconfig: ${shown.kubeconfig}`,
          `export KUBECONFIG=${shown.kubeconfig}`,
          'press Ctrl-C to stop',
          '',
        ].join('\n'),
      );
      const signal = await untilStopped();
      ctx.io.stderr.write(`received ${signal}, stopping\n`);
      await sim.stop();
    });
  return group;
}
