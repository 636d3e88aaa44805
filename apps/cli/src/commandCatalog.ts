import type { Command } from 'commander';
import type { CliContext } from './cliContext.js';
import type { CliIo, CliRun } from './cliIo.js';

/** Registers one top-level command (and its subcommands) on `parent`. */
export type CommandRegistrar = (parent: Command, ctx: CliContext) => Command;

/** A command whose module is loaded: registers it on `parent` with a {@link CliContext} over `io` and `run`. */
export type LoadedCommand = (parent: Command, io: CliIo, run: CliRun) => Command;

/**
 * A top-level command as `opspilot --help` lists it, and how to load the module that implements it. The CLI
 * imports a command's module only when that command runs (its modules pull in the cluster client, the store,
 * the validators…), so `--help` and `version` start in a fraction of the time.
 */
export interface CommandEntry {
  name: string;
  /** The help line's left column: name, `[options]` and arguments, exactly as commander prints them. */
  term: string;
  description: string;
  load(): Promise<CommandRegistrar>;
}

/**
 * Every top-level command, in help order. A new command is one file under `commands/`, listed here; the test
 * `commandCatalog.test.ts` checks each entry's term and description against the loaded command.
 */
export const COMMAND_CATALOG: readonly CommandEntry[] = [
  {
    name: 'ask',
    term: 'ask [options] <request...>',
    description: 'turn a plain-English request into a reviewed, dry-run, audited cluster operation',
    load: async () => (await import('./commands/askCommand.js')).askCommand,
  },
  {
    name: 'analyze',
    term: 'analyze [options]',
    description:
      'diagnose the cluster: run the analyzers over a snapshot and group findings by root cause (exit 1 on problems)',
    load: async () => (await import('./commands/analyzeCommand.js')).analyzeCommand,
  },
  {
    name: 'alerts',
    term: 'alerts',
    description: 'alerts from Alertmanager: list, show and silence them',
    load: async () => (await import('./commands/alertsCommand.js')).alertsCommand,
  },
  {
    name: 'anomalies',
    term: 'anomalies',
    description: 'anomalies found on metric series (spikes, drops, trend changes): list and show them',
    load: async () => (await import('./commands/anomaliesCommand.js')).anomaliesCommand,
  },
  {
    name: 'audit',
    term: 'audit',
    description: 'inspect and verify the tamper-evident audit log',
    load: async () => (await import('./commands/auditCommand.js')).auditCommand,
  },
  {
    name: 'chat',
    term: 'chat [options]',
    description:
      'chat with opspilot about the cluster: personas, tools, changes proposed for approval (--once for one question)',
    load: async () => (await import('./commands/chatCommand.js')).chatCommand,
  },
  {
    name: 'clusters',
    term: 'clusters',
    description: 'the registered clusters and their health',
    load: async () => (await import('./commands/clustersCommand.js')).clustersCommand,
  },
  {
    name: 'config',
    term: 'config',
    description: 'inspect and check the opspilot configuration',
    load: async () => (await import('./commands/configCommand.js')).configCommand,
  },
  {
    name: 'cost',
    term: 'cost',
    description: 'cost allocation, savings, budgets and forecast of the cluster',
    load: async () => (await import('./commands/costCommand.js')).costCommand,
  },
  {
    name: 'db',
    term: 'db',
    description: 'manage the opspilot database',
    load: async () => (await import('./commands/dbCommand.js')).dbCommand,
  },
  {
    name: 'docs',
    term: 'docs',
    description: 'generated documentation: architecture diagrams, service catalogue, runbooks, API reference',
    load: async () => (await import('./commands/docsCommand.js')).docsCommand,
  },
  {
    name: 'fix',
    term: 'fix [options] <finding>',
    description: 'fix a finding: ranked remediation plans with evidence, applied after approval and verified',
    load: async () => (await import('./commands/fixCommand.js')).fixCommand,
  },
  {
    name: 'generate',
    term: 'generate [options] <what> [description...]',
    description: 'generate Kubernetes manifests, Dockerfiles or a Helm chart, validated and stored for review',
    load: async () => (await import('./commands/generateCommand.js')).generateCommand,
  },
  {
    name: 'pipeline',
    term: 'pipeline',
    description: 'CI pipelines generated from a project folder, reviewed like other configuration',
    load: async () => (await import('./commands/pipelineCommand.js')).pipelineCommand,
  },
  {
    name: 'release',
    term: 'release',
    description: 'helm releases installed from generated charts: history and roll back',
    load: async () => (await import('./commands/releaseCommand.js')).releaseCommand,
  },
  {
    name: 'release-notes',
    term: 'release-notes [options] [dir]',
    description:
      'release notes from git history: conventional commits by type and scope, breaking changes, issues, contributors',
    load: async () => (await import('./commands/releaseNotesCommand.js')).releaseNotesCommand,
  },
  {
    name: 'runs',
    term: 'runs',
    description: 'pipeline runs from GitHub and GitLab webhooks, linked to deployments',
    load: async () => (await import('./commands/runsCommand.js')).runsCommand,
  },
  {
    name: 'dora',
    term: 'dora [options]',
    description: 'DORA metrics per service: deployment frequency, lead time, change failure rate, time to restore',
    load: async () => (await import('./commands/doraCommand.js')).doraCommand,
  },
  {
    name: 'tests',
    term: 'tests',
    description: 'test intelligence: JUnit reports, flaky tests, failure prediction',
    load: async () => (await import('./commands/testsCommand.js')).testsCommand,
  },
  {
    name: 'get',
    term: 'get [options] <kind>',
    description: 'list objects of a kind with the columns kubectl prints (-A, -l, -o wide|json|yaml)',
    load: async () => (await import('./commands/getCommand.js')).getCommand,
  },
  {
    name: 'gpus',
    term: 'gpus [options]',
    description: 'GPU nodes and their GPUs: utilisation, memory, temperature, power, XID errors, pods',
    load: async () => (await import('./commands/gpusCommand.js')).gpusCommand,
  },
  {
    name: 'healing',
    term: 'healing',
    description: 'self-healing rules, their actions, and what they learned',
    load: async () => (await import('./commands/healingCommand.js')).healingCommand,
  },
  {
    name: 'incidents',
    term: 'incidents',
    description: 'incidents: list, show, acknowledge and resolve them',
    load: async () => (await import('./commands/incidentsCommand.js')).incidentsCommand,
  },
  {
    name: 'jobs',
    term: 'jobs',
    description: 'background jobs: those parked after failing, and which server watches which cluster',
    load: async () => (await import('./commands/jobsCommand.js')).jobsCommand,
  },
  {
    name: 'logs',
    term: 'logs [options] <query>',
    description: 'search pod logs across clusters with LogQL ({namespace="todo"} |= "error"), or follow them',
    load: async () => (await import('./commands/logsCommand.js')).logsCommand,
  },
  {
    name: 'mcp',
    term: 'mcp [options]',
    description: 'serve opspilot’s tools to MCP clients over stdio (read tools; changes only proposed for approval)',
    load: async () => (await import('./commands/mcpCommand.js')).mcpCommand,
  },
  {
    name: 'metrics',
    term: 'metrics',
    description: 'query metrics: PromQL against Prometheus, or the named queries',
    load: async () => (await import('./commands/metricsCommand.js')).metricsCommand,
  },
  {
    name: 'policy',
    term: 'policy',
    description: 'audit the cluster or manifests against policies',
    load: async () => (await import('./commands/policyCommand.js')).policyCommand,
  },
  {
    name: 'postmortem',
    term: 'postmortem [options] <incident>',
    description: "an incident's post-mortem: generated from its timeline, causes and runbooks (Markdown or HTML)",
    load: async () => (await import('./commands/postmortemCommand.js')).postmortemCommand,
  },
  {
    name: 'report',
    term: 'report',
    description: 'reports: executive summary, detailed analysis, incidents, capacity plan (Markdown, HTML, PDF, JSON)',
    load: async () => (await import('./commands/reportCommand.js')).reportCommand,
  },
  {
    name: 'review',
    term: 'review',
    description: 'review generated configurations (approve, reject, request changes)',
    load: async () => (await import('./commands/reviewCommand.js')).reviewCommand,
  },
  {
    name: 'runbooks',
    term: 'runbooks',
    description: 'runbooks: list, show, save and run them',
    load: async () => (await import('./commands/runbooksCommand.js')).runbooksCommand,
  },
  {
    name: 'security',
    term: 'security',
    description: 'security posture of the cluster or of manifests: scan, findings, policies, compliance',
    load: async () => (await import('./commands/securityCommand.js')).securityCommand,
  },
  {
    name: 'sim',
    term: 'sim',
    description: 'the simulated Kubernetes cluster',
    load: async () => (await import('./commands/simCommand.js')).simCommand,
  },
  {
    name: 'top',
    term: 'top',
    description: 'CPU and memory in use by pods or nodes (as kubectl top)',
    load: async () => (await import('./commands/topCommand.js')).topCommand,
  },
  {
    name: 'traces',
    term: 'traces',
    description: 'distributed traces: search them, show one as a waterfall',
    load: async () => (await import('./commands/tracesCommand.js')).tracesCommand,
  },
  {
    name: 'users',
    term: 'users',
    description: "recover accounts through the server's store: reset a password, lift a sign-in lock",
    load: async () => (await import('./commands/usersCommand.js')).usersCommand,
  },
  {
    name: 'validate',
    term: 'validate [options] [paths...]',
    description: 'validate Kubernetes manifests, Helm charts and Dockerfiles (schema, best practices, security)',
    load: async () => (await import('./commands/validateCommand.js')).validateCommand,
  },
  {
    name: 'version',
    term: 'version',
    description: 'print the version of opspilot and its runtime',
    load: async () => (await import('./commands/versionCommand.js')).versionCommand,
  },
];

/**
 * Loads the commands that `argv` may run: every catalog command whose name appears among the arguments (a
 * global option's value that happens to be a command name only loads one module too many). The context the
 * commands receive is loaded with them: with no command named (`--help`, `--version`), nothing but this catalog,
 * commander and the program itself is loaded (no zod, no configuration, no command module).
 */
export async function loadCommands(argv: readonly string[]): Promise<Map<string, LoadedCommand>> {
  const named = COMMAND_CATALOG.filter((entry) => argv.includes(entry.name));
  if (named.length === 0) return new Map();
  const [{ createCliContext }, registrars] = await Promise.all([
    import('./cliContext.js'),
    Promise.all(named.map((entry) => entry.load())),
  ]);
  // One context per program run, shared by its commands.
  const contexts = new WeakMap<CliRun, CliContext>();
  const contextFor = (io: CliIo, run: CliRun): CliContext => {
    const ctx = contexts.get(run) ?? createCliContext(io, run);
    contexts.set(run, ctx);
    return ctx;
  };
  return new Map(
    named.map((entry, i) => {
      const register = registrars[i] as CommandRegistrar;
      const loaded: LoadedCommand = (parent, io, run) => register(parent, contextFor(io, run));
      return [entry.name, loaded] as const;
    }),
  );
}
