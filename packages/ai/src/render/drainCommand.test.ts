import type { PlanStep } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { renderPlanCommands } from './renderPlanCommands.js';
import { stepCommands } from './stepCommands.js';

const drain = (ignoreDaemonSets: boolean, deleteEmptyDirData: boolean): PlanStep => ({
  op: 'drain',
  target: { kind: 'Node', name: 'sim-worker-1' },
  ignoreDaemonSets,
  deleteEmptyDirData,
  description: 'drain node sim-worker-1',
});

describe('the drain command', () => {
  it('passes exactly the flags the drain acts on, and never --force or --disable-eviction', () => {
    expect(stepCommands(drain(true, true)).map((c) => c.args)).toEqual([
      ['kubectl', 'drain', 'sim-worker-1', '--ignore-daemonsets', '--delete-emptydir-data'],
    ]);
    expect(stepCommands(drain(true, false)).map((c) => c.args)).toEqual([
      ['kubectl', 'drain', 'sim-worker-1', '--ignore-daemonsets'],
    ]);
    expect(stepCommands(drain(false, false)).map((c) => c.args)).toEqual([['kubectl', 'drain', 'sim-worker-1']]);
  });

  it('renders the same command for bash and PowerShell', () => {
    const { bash, powershell } = renderPlanCommands([drain(true, true)]);
    const line = 'kubectl drain sim-worker-1 --ignore-daemonsets --delete-emptydir-data';
    expect(bash).toBe(`# drain node sim-worker-1\n${line}`);
    expect(powershell).toBe(`# drain node sim-worker-1\n${line}`);
  });
});
