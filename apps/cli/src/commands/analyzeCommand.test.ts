import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisReport } from '@opspilot/analyzers';
import { ManualClock } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

interface Started {
  sim: SimCluster;
  clock: ManualClock;
  dir: string;
  kubeconfig: string;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  await new Promise((r) => setTimeout(r, 2));
}

async function start(scenario: 'demo' | 'broken'): Promise<Started> {
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  const sim = await startSimCluster({ scenario, clock });
  const dir = mkdtempSync(join(tmpdir(), `opspilot-analyze-${scenario}-`));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(kubeconfig, sim.kubeconfig);
  // Ten minutes of cluster time: pods schedule, pull, start, crash and back off (the crash loops are in back-off
  // then). The controllers react on the event loop, so it turns between steps.
  for (let t = 0; t < 600_000; t += t < 10_000 ? 500 : 5_000) {
    await settle();
    await clock.advance(t < 10_000 ? 500 : 5_000);
  }
  await settle();
  return { sim, clock, dir, kubeconfig };
}

async function analyze(s: Started, ...args: string[]) {
  const io = memoryIo({}, s.dir);
  io.clock = s.clock;
  const code = await runCli(['analyze', '--kubeconfig', s.kubeconfig, ...args], io);
  return { code, out: io.out(), err: io.err() };
}

let broken: Started;
let demo: Started;
beforeAll(async () => {
  [broken, demo] = await Promise.all([start('broken'), start('demo')]);
});
afterAll(async () => {
  await Promise.all([broken?.sim.stop(), demo?.sim.stop()]);
});

describe('opspilot analyze against the simulated cluster', () => {
  it('finds nothing wrong with the demo scenario (exit 0)', async () => {
    const { code, out, err } = await analyze(demo, '-o', 'json');
    const report = AnalysisReport.parse(JSON.parse(out));
    expect(report.problems.map((p) => p.root_cause.id)).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(code).toBe(0);
    expect(err).toContain('0 problems, 0 findings');
  });

  it('reports every planted failure of the broken scenario with the right analyzer and root cause (exit 1)', async () => {
    const { code, out } = await analyze(broken, '-o', 'json');
    expect(code).toBe(1);
    const report = AnalysisReport.parse(JSON.parse(out));
    expect(report.failures).toEqual([]);
    const planted: [string, string][] = [
      ['bad-image', 'pod-image-pull'],
      ['crashloop', 'pod-crash-loop'],
      ['oom', 'pod-oom-killed'],
      ['unschedulable', 'pod-unschedulable'],
      ['not-ready', 'pod-readiness-probe'],
      ['liveness', 'pod-liveness-probe'],
    ];
    for (const [deployment, analyzer] of planted) {
      const problem = report.problems.find(
        (p) => p.root_cause.resource.kind === 'Pod' && p.root_cause.resource.name.startsWith(`${deployment}-`),
      );
      expect(problem?.root_cause.analyzer, deployment).toBe(analyzer);
      expect(problem?.root_cause.resource.namespace).toBe('broken');
      expect(
        problem?.symptoms.map((s) => s.id),
        deployment,
      ).toContain(`deployment-unavailable:deployment/broken/${deployment}`);
      expect(problem?.root_cause.rootCauseOf).toContain(`deployment-unavailable:deployment/broken/${deployment}`);
    }
    const notReady = report.problems.find((p) => p.root_cause.analyzer === 'pod-readiness-probe');
    expect(notReady?.symptoms.map((s) => s.id)).toContain('service-no-endpoints:service/broken/not-ready');
    const orphan = report.problems.find((p) => p.root_cause.resource.name === 'orphan-service');
    expect(orphan?.root_cause.analyzer).toBe('service-selector-no-match');
    expect(report.problems).toHaveLength(planted.length + 1);
    expect(report.problems.every((p) => p.root_cause.resource.namespace === 'broken')).toBe(true);
    const unschedulable = report.problems.find((p) => p.root_cause.analyzer === 'pod-unschedulable');
    expect(unschedulable?.root_cause.message).toMatch(/Insufficient cpu/);
    const oom = report.problems.find((p) => p.root_cause.analyzer === 'pod-oom-killed');
    // The remediation catalogue knows how to fix an OOM kill: its fix replaces the analyzer's own.
    expect(oom?.fix_source).toBe('remediate:oom:raise-memory-limit');
    expect(oom?.root_cause.proposedFix?.description).toMatch(
      /^Raise the memory limit of app in deployment oom from 128Mi/,
    );
    expect(oom?.root_cause.proposedFix?.command).toBe(
      `opspilot fix ${oom?.root_cause.id} --remediation oom:raise-memory-limit`,
    );
    // One problem per cause, with its identity (class + workload), affected objects and count.
    expect(oom).toMatchObject({ identity: 'pod-oom-killed:deployment/broken/oom', class: 'pod-oom-killed', count: 1 });
  });

  it('prints grouped text, scoped to a namespace and filtered by kind, with progress on stderr', async () => {
    const { code, out, err } = await analyze(broken, '-n', 'broken', '--filter', 'Service');
    expect(code).toBe(1);
    expect(out).toMatch(/^1\. HIGH Service\/broken\/orphan-service \(service-selector-no-match\)$/m);
    expect(out).toMatch(/^2\. HIGH Service\/broken\/not-ready \(service-no-endpoints\)$/m);
    expect(out).toMatch(/2 problems \(2 high\) from 2 findings in .* \(namespace broken\)/);
    expect(out).not.toContain('\x1b[');
    expect(err).toContain('listing 11 kinds in namespace broken');
    const todo = await analyze(broken, '-n', 'todo');
    expect(todo.code).toBe(0);
    expect(todo.out).toMatch(/^✓ no problems found/);
  });

  it('colours the text on a terminal (and updates progress in place)', async () => {
    const io = memoryIo({}, broken.dir, true);
    io.clock = broken.clock;
    const code = await runCli(['analyze', '--kubeconfig', broken.kubeconfig, '-n', 'broken'], io);
    expect(code).toBe(1);
    expect(io.out()).toContain('\x1b[1m\x1b[31mCRITICAL');
    expect(io.err()).toContain('\r\x1b[2K');
    if (process.env.PRINT_ANALYZE) console.log(io.out());
  });

  it('explains each problem offline with --explain', async () => {
    const { code, out } = await analyze(broken, '-n', 'broken', '--filter', 'Pod', '--explain', '-o', 'json');
    expect(code).toBe(1);
    const report = AnalysisReport.parse(JSON.parse(out));
    const oom = report.problems.find((p) => p.root_cause.analyzer === 'pod-oom-killed');
    expect(oom?.explanation?.source).toBe('offline');
    expect(oom?.explanation?.text).toContain('Why: The container used more memory than its limit');
    expect(oom?.root_cause.proposedFix?.command).toMatch(/^opspilot fix pod-oom-killed:pod\/broken\/oom-/);
    expect(oom?.explanation?.text).toContain('Raise the memory limit of app');
  });

  it('explains with the configured model, which only ever sees masked data', async () => {
    const bodies: string[] = [];
    // A loopback server speaking the OpenAI chat-completions wire format, answering with a placeholder it was sent.
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        bodies.push(body);
        const placeholder = /<name-\d+>/.exec(body)?.[0] ?? 'it';
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'chatcmpl-1',
            object: 'chat.completion',
            created: 0,
            model: 'test-model',
            choices: [
              { index: 0, message: { role: 'assistant', content: `Restart ${placeholder}.` }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 10, completion_tokens: 3, total_tokens: 13 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const io = memoryIo(
        {
          OPSPILOT_LLM_PROVIDER: 'openai-compatible',
          OPSPILOT_LLM_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
          OPSPILOT_LLM_MODEL: 'test-model',
        },
        broken.dir,
      );
      io.clock = broken.clock;
      const code = await runCli(['analyze', '--kubeconfig', broken.kubeconfig, '--explain', '-o', 'json'], io);
      expect(code).toBe(1);
      const report = AnalysisReport.parse(JSON.parse(io.out()));
      expect(bodies).toHaveLength(report.problems.length);
      const sent = bodies.join('\n');
      for (const leak of ['change-me', 'crashloop-', 'orphan-service', 'bad-image', 'todo-secrets', '10.244.']) {
        expect(sent).not.toContain(leak);
      }
      expect(sent).toContain('untrusted-cluster-data');
      const explained = report.problems.map((p) => p.explanation);
      expect(explained.every((e) => e?.source === 'model')).toBe(true);
      expect(explained.some((e) => /^Restart [a-z0-9-]+\.$/.test(e?.text ?? ''))).toBe(true);
      expect(explained.every((e) => !e?.text.includes('<name-'))).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('fails with exit 2 on bad usage or an unreachable cluster', async () => {
    const both = await analyze(broken, '-n', 'broken', '-A');
    expect(both.code).toBe(2);
    expect(both.err).toContain('exclude each other');
    const filter = await analyze(broken, '--filter', 'Gadget');
    expect(filter.code).toBe(2);
    expect(filter.err).toContain('unknown kind or analyzer "gadget"');
    const io = memoryIo({}, broken.dir);
    const missing = await runCli(['analyze', '--kubeconfig', join(broken.dir, 'nope.yaml')], io);
    expect(missing).toBe(2);
  });

  it('exits 2 naming a missing namespace, with the existing namespaces in the hint', async () => {
    const { code, out, err } = await analyze(broken, '-n', 'nowhere');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('error: namespace "nowhere" not found');
    expect(err).toMatch(/hint: existing namespaces: .*broken/);
  });

  it('exits 2 with the reason when the cluster cannot be reached, never "no problems found"', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const kubeconfig = join(demo.dir, 'unreachable.yaml');
    writeFileSync(kubeconfig, demo.sim.kubeconfig.replace(demo.sim.url, `https://127.0.0.1:${port}`));
    for (const scope of [['-A'], ['-n', 'todo'], ['-A', '-o', 'json']]) {
      const io = memoryIo({}, demo.dir);
      const code = await runCli(['analyze', '--kubeconfig', kubeconfig, ...scope], io);
      expect(code, scope.join(' ')).toBe(2);
      expect(io.out()).toBe('');
      expect(io.err()).toContain(`127.0.0.1:${port}`);
      expect(io.err()).not.toContain('0 problems');
    }
  });
});
