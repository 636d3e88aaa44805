import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanStep } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { quoteBash, renderBash } from './renderBash.js';
import { renderPlanCommands } from './renderPlanCommands.js';
import { quotePowerShell, renderPowerShell } from './renderPowerShell.js';
import type { ShellCommand } from './shellCommand.js';
import { stepCommands } from './stepCommands.js';

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'opspilot-fake-kubectl-'));
  // A kubectl that prints each argument between markers, then its standard input when asked to read it.
  const script = `#!/bin/bash\nfor a in "$@"; do printf '<%s>\\n' "$a"; done\nfor a in "$@"; do if [ "$a" = "-" ]; then echo '--stdin--'; cat; fi; done\n`;
  writeFileSync(join(bin, 'kubectl'), script);
  chmodSync(join(bin, 'kubectl'), 0o755);
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** Runs rendered bash with the fake kubectl first on PATH and returns what it printed. */
function runBash(script: string): string {
  return execFileSync('bash', ['-c', script], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    encoding: 'utf8',
  });
}

function argvOf(output: string): string[] {
  const before = output.split('--stdin--\n')[0] ?? '';
  return [...before.matchAll(/^<([\s\S]*?)>$/gm)].map((m) => m[1] ?? '');
}

/**
 * Reads PowerShell text the way PowerShell does for what the renderer emits: `#` comments, backtick continuations,
 * verbatim strings with `''` for a quote, and a verbatim here-string piped to the command.
 */
function readPowerShell(text: string): { argv: string[]; stdin?: string; pattern?: string } {
  let body = text.replace(/^#.*\n/gm, '');
  let stdin: string | undefined;
  const here = body.match(/^@'\n([\s\S]*?)\n'@ \| /);
  if (here) {
    stdin = here[1];
    body = body.slice(here[0].length);
  }
  body = body.replace(/ `\n {2}/g, ' ');
  let pattern: string | undefined;
  const tokens: string[] = [];
  const re = /'((?:[^']|'')*)'|(\S+)/g;
  const parts: string[] = [];
  for (const m of body.matchAll(re)) parts.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? ''));
  const pipe = parts.indexOf('|');
  if (pipe >= 0) {
    pattern = parts[pipe + 3];
    tokens.push(...parts.slice(0, pipe));
  } else tokens.push(...parts);
  return { argv: tokens, ...(stdin !== undefined ? { stdin } : {}), ...(pattern ? { pattern } : {}) };
}

const target = { kind: 'Deployment', name: 'backend', namespace: 'todo' };
const tricky = `it's "quoted" $HOME \`tick\` {brace} a,b @x ;rm -rf /`;

const cases: [string, PlanStep][] = [
  ['scale', { op: 'scale', target, replicas: 3, description: 'scale backend' }],
  [
    'a JSON patch with quotes',
    {
      op: 'apply',
      mode: 'patch',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'backend', namespace: 'todo' },
        spec: { template: { spec: { containers: [{ name: 'backend', env: [{ name: 'MOTD', value: tricky }] }] } } },
      },
      description: "set MOTD on backend (it's tricky)",
    },
  ],
  [
    'a multi-line manifest',
    {
      op: 'apply',
      mode: 'create',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'notes', namespace: 'todo' },
        data: { 'motd.txt': `line one\n${tricky}\nEOF\n'@ not at start` },
      },
      description: 'create configmap notes',
    },
  ],
  [
    'logs with a filter',
    {
      op: 'logs',
      target,
      labelSelector: 'app=backend',
      sinceSeconds: 600,
      match: "error|can't connect",
      description: 'logs',
    },
  ],
  [
    'a list with a field selector',
    {
      op: 'list',
      kind: 'Pod',
      namespace: 'todo',
      fieldSelector: 'status.phase!=Running,status.phase!=Succeeded',
      show: 'default',
      description: 'list',
    },
  ],
  [
    'a drain',
    {
      op: 'drain',
      target: { kind: 'Node', name: 'sim-worker-1' },
      ignoreDaemonSets: true,
      deleteEmptyDirData: true,
      description: 'drain',
    },
  ],
  ['a rollback to a revision', { op: 'rolloutUndo', target, toRevision: 2, description: 'undo' }],
];

describe('rendering plans as kubectl commands', () => {
  it.each(cases)('bash passes exactly the planned arguments and input for %s', (_name, step) => {
    for (const command of stepCommands(step)) {
      // The filter is checked on its own below: here it would drop the fake kubectl's output.
      const { grep: _grep, ...unfiltered } = command;
      const output = runBash(renderBash(unfiltered));
      expect(argvOf(output)).toEqual(command.args.slice(1));
      if (command.stdin !== undefined)
        expect(output.split('--stdin--\n')[1]).toBe(
          command.stdin.endsWith('\n') ? command.stdin : `${command.stdin}\n`,
        );
    }
  });

  it.each(cases)('PowerShell reads back exactly the planned arguments and input for %s', (_name, step) => {
    for (const command of stepCommands(step)) {
      const read = readPowerShell(renderPowerShell(command));
      expect(read.argv).toEqual(command.args);
      if (command.stdin !== undefined) expect(read.stdin).toBe(command.stdin.replace(/\n$/, ''));
      if (command.grep) expect(read.pattern).toBe(command.grep);
    }
  });

  it('bash keeps only matching lines through grep', () => {
    const command: ShellCommand = { args: ['kubectl', 'logs', 'x'], grep: "ERROR|can't" };
    const script = renderBash(command).replace('kubectl logs x', "printf 'ok\\nan error here\\ncan'\\''t connect\\n'");
    expect(runBash(script)).toBe("an error here\ncan't connect\n");
  });

  it('quotes for bash with close-reopen and for PowerShell by doubling', () => {
    expect(quoteBash('backend')).toBe('backend');
    expect(quoteBash("it's")).toBe(`'it'\\''s'`);
    expect(quotePowerShell("it's")).toBe("'it''s'");
    expect(quotePowerShell('a,b')).toBe("'a,b'");
    expect(quotePowerShell('$env:HOME')).toBe("'$env:HOME'");
    expect(quotePowerShell('--replicas=3')).toBe('--replicas=3');
  });

  it('continues long commands with a backslash in bash and a backtick in PowerShell', () => {
    const { bash, powershell } = renderPlanCommands([cases[1]?.[1] as PlanStep]);
    expect(bash).toMatch(/ \\\n {2}--type=strategic/);
    expect(powershell).toMatch(/ `\n {2}--type=strategic/);
    expect(powershell.split('\n').every((line) => !line.endsWith('` '))).toBe(true);
  });

  it('feeds manifests through a quoted here-document and a verbatim here-string', () => {
    const { bash, powershell } = renderPlanCommands([cases[2]?.[1] as PlanStep]);
    expect(bash).toContain("-f - <<'EOF'\n");
    expect(powershell).toMatch(/^# create configmap notes\n@'\n/);
    expect(powershell).toContain("\n'@ | kubectl apply --server-side --field-manager=opspilot -f -");
    expect(parse(readPowerShell(powershell).stdin ?? '')).toMatchObject({
      data: { 'motd.txt': expect.stringContaining(tricky) },
    });
  });

  it("picks a here-document delimiter absent from the document, and sends a document with a line starting '@ as JSON", () => {
    const command: ShellCommand = {
      args: ['kubectl', 'apply', '-f', '-'],
      stdin: "a: 1\nEOF\n'@ | Remove-Item C:\\\nb: 2\n",
    };
    const bash = renderBash(command);
    expect(bash).toContain("<<'EOF_1'\n");
    expect(runBash(bash).split('--stdin--\n')[1]).toBe(command.stdin);
    const json = JSON.stringify({ a: 1 }, null, 2);
    const stdin = readPowerShell(renderPowerShell(command, () => json)).stdin ?? '';
    expect(stdin).toBe(json);
  });

  it('writes Secret values as <redacted> in both shells, keys kept, for a manifest and for a patch', () => {
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db-creds', namespace: 'todo' },
      type: 'Opaque',
      stringData: { password: 'changeme' },
      data: { token: 'czNjcjN0' },
    };
    const steps: PlanStep[] = [
      { op: 'apply', mode: 'create', object: secret, description: 'create secret db-creds' },
      { op: 'apply', mode: 'patch', object: secret, description: 'change secret db-creds' },
    ];
    const { bash, powershell } = renderPlanCommands(steps);
    for (const text of [bash, powershell]) {
      expect(text).not.toContain('changeme');
      expect(text).not.toContain('czNjcjN0');
    }
    const redacted = { stringData: { password: '<redacted>' }, data: { token: '<redacted>' } };
    const [createBash, patchBash] = bash.split('\n\n');
    expect(parse(runBash(createBash ?? '').split('--stdin--\n')[1] ?? '')).toMatchObject(redacted);
    expect(JSON.parse(argvOf(runBash(patchBash ?? '')).at(-1) ?? '')).toEqual({ type: 'Opaque', ...redacted });
    const [createPs, patchPs] = powershell.split('\n\n');
    expect(parse(readPowerShell(createPs ?? '').stdin ?? '')).toMatchObject(redacted);
    expect(JSON.parse(readPowerShell(patchPs ?? '').argv.at(-1) ?? '')).toEqual({ type: 'Opaque', ...redacted });
    // The steps themselves keep the values: only what is shown is redacted.
    expect(stepCommands(steps[0] as PlanStep)[0]?.stdin).toContain('changeme');
  });

  it('keeps a step description that contains a newline on its comment line', () => {
    const { bash } = renderPlanCommands([{ op: 'scale', target, replicas: 1, description: 'scale\nrm -rf /' }]);
    expect(bash.split('\n')[0]).toBe('# scale rm -rf /');
    expect(argvOf(runBash(bash))).toEqual(['scale', 'deployment/backend', '-n', 'todo', '--replicas=1']);
  });
});
