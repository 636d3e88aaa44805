import { randomUUID } from 'node:crypto';
import type { AnomalyDetection } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentRunbooks } from '../__fixtures__/incidentRunbooks.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';
import { createHealingEngine } from './createHealingEngine.js';
import { HealingScope } from './healingPolicy.js';
import { anomalyTriggers } from './healingTriggers.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
let engine: ReturnType<typeof createHealingEngine>;
let runbooks: Awaited<ReturnType<typeof incidentRunbooks>>;
const anomalies: AnomalyDetection[] = [];
beforeAll(async () => {
  h = await remediateHarness({ deps: { verifyTimeoutMs: 60_000 } });
  runbooks = await incidentRunbooks(h);
  engine = createHealingEngine({
    gateway: h.gateway,
    clock: h.clock,
    audit: h.store.audit,
    store: { rules: h.store.healingRules, actions: h.store.healingActions },
    remediator: h.remediator,
    triggers: {
      anomalies: async (since) => anomalies.filter((a) => a.detected_at >= since.toISOString()),
      incidents: async () => (await h.store.incidents.list({}, { page_size: 100 })).items,
    },
    runbooks,
  });
});
afterAll(() => h?.stop());

const hog = (ns: string, name: string) =>
  deployment(ns, name, { image: 'opspilot/memory-hog:1.0', resources: { limits: { memory: '512Mi' } } }, {}, 1);
const memoryAnomaly = (
  ns: string,
  deploymentName: string,
  severity: AnomalyDetection['severity'],
): AnomalyDetection => ({
  id: randomUUID(),
  cluster_id: randomUUID(),
  metric_name: 'container_memory_working_set_bytes',
  labels: { namespace: ns, deployment: deploymentName },
  detection_type: 'STATISTICAL',
  severity,
  confidence_score: 0.9,
  anomaly_type: 'SPIKE',
  explanation: 'memory far above its usual level',
  detected_at: h.clock.now().toISOString(),
  related_alerts: [],
});

describe('healing rules triggered by anomalies and incidents, on the simulated cluster', () => {
  it('an anomaly about a workload → the rule diagnoses it → its fix applied automatically, verified and audited', async () => {
    const rule = await h.store.healingRules.create({
      name: 'oom-on-anomaly',
      condition_type: 'anomaly',
      condition_config: {
        namespaces: ['anom'],
        metrics: ['container_memory_working_set_bytes'],
        min_severity: 'MEDIUM',
      },
      action_type: 'oom:raise-memory-limit',
      action_config: { mode: 'automatic', verify_settle_seconds: 30 },
    });
    await h.apply(namespace('anom'), hog('anom', 'cache'));
    await h.findingFor('pod-oom-killed', 'cache-', 'anom');
    expect((await h.whileRunning(engine.runPass())).actions).toEqual([]);
    anomalies.push(memoryAnomaly('anom', 'cache', 'LOW'));
    expect((await h.whileRunning(engine.runPass())).actions).toEqual([]);
    anomalies.push(memoryAnomaly('anom', 'cache', 'HIGH'));
    const report = await h.whileRunning(engine.runPass());
    expect(report.actions).toEqual([
      expect.objectContaining({ target: 'deployment/anom/cache', status: 'SUCCEEDED', rule_id: rule.id }),
    ]);
    expect(report.actions[0]!.result).toMatchObject({
      outcome: 'VERIFIED',
      remediation: 'oom:raise-memory-limit',
      finding_class: 'pod-oom-killed',
      trigger: { kind: 'anomaly', id: anomalies[1]!.id },
    });
    const approved = await h.store.audit.list({ action: 'operation.approved', target: 'deployment/anom/cache' });
    expect(approved.items[0]?.user_id).toBe('policy:healing-rule:oom-on-anomaly');
    expect((await h.store.audit.list({ action: 'remediation.verified' })).items).toHaveLength(1);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('an incident → the rule runs an incident runbook for its workload, each change approved by the rule', async () => {
    const rule = await h.store.healingRules.create({
      name: 'oom-incident-runbook',
      condition_type: 'incident',
      condition_config: { namespaces: ['inc'], min_severity: 'HIGH' },
      action_type: 'runbook',
      action_config: { mode: 'automatic', runbook: 'raise-memory-limit' },
    });
    await h.apply(namespace('inc'), hog('inc', 'cache'));
    await h.findingFor('pod-oom-killed', 'cache-', 'inc');
    const incident = await h.store.incidents.create({
      title: 'cache keeps running out of memory',
      severity: 'HIGH',
      affected_resources: [{ kind: 'Deployment', name: 'cache', namespace: 'inc' }],
    });
    const report = await h.whileRunning(engine.runPass());
    expect(report.actions).toEqual([expect.objectContaining({ target: 'deployment/inc/cache', status: 'SUCCEEDED' })]);
    const result = report.actions[0]!.result;
    expect(result).toMatchObject({
      runbook: 'raise-memory-limit',
      input: { namespace: 'inc', workload: 'cache', kind: 'Deployment' },
      outcome: 'VERIFIED',
      trigger: { kind: 'incident', id: incident.id },
    });
    const execution = await h.store.runbookExecutions.get(String(result.execution_id));
    expect(execution).toMatchObject({ status: 'SUCCEEDED', incident_id: incident.id });
    const live = await h.gateway.get({ kind: 'Deployment', name: 'cache', namespace: 'inc' });
    expect(JSON.stringify(live?.spec)).toMatch(/"memory":"(1Gi|1024Mi)"/);
    const approvals = await h.store.audit.list({ action: 'operation.approved', target: 'deployment/inc/cache' });
    expect(approvals.items.map((a) => a.user_id)).toEqual(['policy:healing-rule:oom-incident-runbook']);
    expect((await h.store.audit.list({ action: 'runbook.succeeded' })).items).toHaveLength(1);
    await h.store.healingRules.update(rule.id, { enabled: false });
  });

  it('leaves a runbook change to a person in approval mode, ends the action as the run did, and never runs a destructive runbook automatically', async () => {
    const rule = await h.store.healingRules.create({
      name: 'scale-on-incident',
      condition_type: 'incident',
      condition_config: { namespaces: ['appr'] },
      action_type: 'runbook',
      action_config: {
        mode: 'approval',
        runbook: 'scale-out',
        runbook_input: { namespace: '{{ namespace }}', workload: '{{ name }}' },
      },
    });
    const drain = await h.store.healingRules.create({
      name: 'drain-on-incident',
      condition_type: 'incident',
      condition_config: { namespaces: ['appr'] },
      action_type: 'runbook',
      action_config: { mode: 'automatic', runbook: 'cordon-and-drain-node' },
    });
    await h.apply(namespace('appr'), deployment('appr', 'web', {}, {}, 1));
    await h.store.incidents.create({
      title: 'web is saturated',
      severity: 'MEDIUM',
      affected_resources: [{ kind: 'Deployment', name: 'web', namespace: 'appr' }],
    });
    const first = await h.whileRunning(engine.runPass());
    const byRule = (id: string) => first.actions.filter((a) => a.rule_id === id);
    expect(byRule(drain.id).map((a) => [a.status, a.result.reason])).toEqual([
      ['SKIPPED', 'runbook cordon-and-drain-node has a destructive step: never automatic (use mode "approval")'],
    ]);
    expect(byRule(rule.id).map((a) => a.status)).toEqual(['AWAITING_APPROVAL']);
    const executionId = String(byRule(rule.id)[0]!.result.execution_id);
    expect((await runbooks.get(executionId)).status).toBe('AWAITING_APPROVAL');
    await h.whileRunning(runbooks.approve(executionId, 'carol'));
    const second = await h.whileRunning(engine.runPass());
    // The run ended as approved; the incident still open only meets the cooldown (recorded once).
    expect(
      second.actions.filter((a) => a.rule_id === rule.id).map((a) => [a.status, a.result.outcome ?? a.result.reason]),
    ).toEqual([
      ['SUCCEEDED', 'APPROVED_AND_APPLIED'],
      ['SKIPPED', expect.stringMatching(/^cooldown: acted on it at/)],
    ]);
    const live = await h.gateway.get({ kind: 'Deployment', name: 'web', namespace: 'appr' });
    expect((live?.spec as { replicas?: number } | undefined)?.replicas).toBe(2);
  });

  it("reads one trigger per object from anomalies, newest first, within the rule's window and metrics", () => {
    const scope = HealingScope.parse({ namespaces: ['a'], metrics: ['m'], within_seconds: 600 });
    const now = new Date('2026-03-01T12:00:00Z');
    const at = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
    const base = memoryAnomaly('a', 'api', 'LOW');
    const found = anomalyTriggers(
      [
        { ...base, id: '1', metric_name: 'm', detected_at: at(500) },
        { ...base, id: '2', metric_name: 'm', detected_at: at(100) },
        { ...base, id: '3', metric_name: 'other', detected_at: at(50) },
        { ...base, id: '4', metric_name: 'm', detected_at: at(900), labels: { namespace: 'a', pod: 'db-0' } },
        { ...base, id: '5', metric_name: 'm', detected_at: at(10), labels: { namespace: 'kube-system', pod: 'x' } },
      ],
      scope,
      now,
    );
    expect(found.map((t) => [t.id, t.ref])).toEqual([['2', { kind: 'Deployment', name: 'api', namespace: 'a' }]]);
  });
});
