import type { Operation, PlanStep } from '@opspilot/core';
import type { Colors } from '../cliColors.js';

const GROUPS: Record<string, string> = {
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  DaemonSet: 'daemonset.apps',
  ReplicaSet: 'replicaset.apps',
  HorizontalPodAutoscaler: 'horizontalpodautoscaler.autoscaling',
  Ingress: 'ingress.networking.k8s.io',
  Job: 'job.batch',
  CronJob: 'cronjob.batch',
};
const resource = (kind: string, name: string) => `${GROUPS[kind] ?? kind.toLowerCase()}/${name}`;

/** The line kubectl prints after a step, e.g. `deployment.apps/backend scaled`. */
export function kubectlResult(step: PlanStep): string | undefined {
  switch (step.op) {
    case 'scale':
      return `${resource(step.target.kind, step.target.name)} scaled`;
    case 'rolloutRestart':
      return `${resource(step.target.kind, step.target.name)} restarted`;
    case 'rolloutUndo':
      return `${resource(step.target.kind, step.target.name)} rolled back`;
    case 'delete':
      return `${resource(step.target.kind, step.target.name)} deleted`;
    case 'cordon':
    case 'uncordon':
      return `node/${step.target.name} ${step.op}ed`;
    case 'drain':
      return `node/${step.target.name} drained`;
    case 'apply':
      return `${resource(step.object.kind, step.object.metadata.name)} ${step.mode === 'create' ? 'created' : 'configured'}`;
    default:
      return undefined;
  }
}

/** The JSON shape of `opspilot ask --output json`. */
export interface AskJson {
  intent: string;
  plan: Operation['plan'] | null;
  risk: Operation['risk'] | null;
  commands: { bash: string; powershell: string } | null;
  diff: string;
  status: string;
  result: string;
  auditId: string | null;
  operationId?: string;
  problems?: string[];
  question?: string;
  candidates?: string[];
  suggestions?: string[];
  /** For a fix from the remediation catalogue: how its settle window ended (VERIFIED, or ROLLED_BACK and why). */
  fix?: { status: string; message: string };
}

/** The plan part of the text output: what was understood, risk, steps, commands for both shells and the diff. */
export function renderPlan(operation: Operation, c: Colors): string {
  const riskColour = operation.risk === 'destructive' ? c.red : operation.risk === 'write' ? c.yellow : c.green;
  const lines = [
    `${c.bold('Plan')}: ${operation.plan.summary}`,
    `${c.bold('Risk')}: ${riskColour(operation.risk)}${operation.risk_reasons.length ? ` (${operation.risk_reasons.join('; ')})` : ''}`,
    ...operation.plan.assumptions.map((a) => `${c.dim('assumed')}: ${a}`),
    c.bold('Steps:'),
    ...operation.plan.steps.map((s, i) => `  ${i + 1}. ${s.description}`),
    c.bold('bash:'),
    indent(operation.plan.rendered.bash),
    c.bold('PowerShell:'),
    indent(operation.plan.rendered.powershell),
  ];
  if (operation.diff) lines.push(c.bold('Diff (server dry-run):'), colourDiff(operation.diff, c));
  return `${lines.join('\n')}\n`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

function colourDiff(diff: string, c: Colors): string {
  return diff
    .split('\n')
    .map((l) =>
      l.startsWith('+') && !l.startsWith('+++') ? c.green(l) : l.startsWith('-') && !l.startsWith('---') ? c.red(l) : l,
    )
    .join('\n');
}
