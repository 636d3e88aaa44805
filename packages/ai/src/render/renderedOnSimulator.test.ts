import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { toolBinary } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimPlannerCluster, startSimPlannerCluster } from '../__fixtures__/simPlannerCluster.js';
import { planRequest } from '../planRequest.js';

let cluster: SimPlannerCluster;
let home: string;

beforeAll(async () => {
  cluster = await startSimPlannerCluster();
  home = mkdtempSync(join(tmpdir(), 'opspilot-rendered-'));
  writeFileSync(join(home, 'kubeconfig'), cluster.sim.kubeconfig, { mode: 0o600 });
});
afterAll(async () => {
  await cluster?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** Plans `request` and runs its bash rendering with the real kubectl against the simulator. */
async function runPlan(request: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const outcome = await planRequest(request, { gateway: cluster.gateway });
  if (outcome.kind !== 'plan') throw new Error(`no plan for ${request}: ${JSON.stringify(outcome)}`);
  const env = {
    PATH: `${dirname(toolBinary('kubectl'))}:${process.env.PATH ?? ''}`,
    HOME: home,
    KUBECONFIG: join(home, 'kubeconfig'),
  };
  return new Promise((done) => {
    execFile('bash', ['-c', outcome.plan.rendered.bash], { env, timeout: 20_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const spec = async (kind: string, name: string, namespace?: string) =>
  (await cluster.gateway.get({ kind, name, ...(namespace ? { namespace } : {}) })) as
    | { spec?: Record<string, unknown>; metadata: { labels?: Record<string, string> }; data?: Record<string, string> }
    | undefined;

describe('rendered bash runs with the real kubectl against the simulated cluster and does what the plan says', () => {
  it('scales', async () => {
    expect(await runPlan('scale frontend to 3')).toMatchObject({ code: 0 });
    expect((await spec('Deployment', 'frontend', 'todo'))?.spec?.replicas).toBe(3);
  });

  it('patches env vars with quotes through a strategic merge patch', async () => {
    expect(await runPlan(`set GREETING="it's on" on backend`)).toMatchObject({ code: 0 });
    const template = (await spec('Deployment', 'backend', 'todo'))?.spec?.template as {
      spec: { containers: { env?: { name: string; value: string }[] }[] };
    };
    expect(template.spec.containers[0]?.env).toContainEqual({ name: 'GREETING', value: "it's on" });
  });

  it('creates from a manifest on stdin through a quoted here-document', async () => {
    expect(await runPlan(`create a configmap notes with MOTD="$HOME isn't expanded" and N=1 in todo`)).toMatchObject({
      code: 0,
    });
    expect((await spec('ConfigMap', 'notes', 'todo'))?.data).toEqual({ MOTD: "$HOME isn't expanded", N: '1' });
  });

  it('labels, and switches a service between blue and green', async () => {
    expect(await runPlan('label deployment backend with team=payments')).toMatchObject({ code: 0 });
    expect((await spec('Deployment', 'backend', 'todo'))?.metadata.labels?.team).toBe('payments');
    expect(await runPlan('switch service web to green')).toMatchObject({ code: 0 });
    expect((await spec('Service', 'web', 'shop'))?.spec?.selector).toEqual({ app: 'web', version: 'green' });
  });

  it('lists with field selectors', async () => {
    const result = await runPlan('pods not running in todo');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('error');
  });
});
