import { describe, expect, it } from 'vitest';
import { CostRecord, NewCostRecord } from './cost.js';
import { HealingRule, NewHealingRule } from './healing.js';
import { Incident, NewIncident } from './incident.js';
import { TestIntelligence } from './pipelineInsights.js';
import { NewRunbook, Runbook } from './runbook.js';
import { NewSecurityScan, Vulnerability } from './securityScan.js';
import { BudgetAlert } from './utilization.js';

const id = '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f';
const at = '2026-01-01T00:00:00.000Z';

describe('seed 004 entities', () => {
  it('uses UPPER_SNAKE incident enums and requires resolved_at once resolved', () => {
    const incident = { id, title: 'backend down', severity: 'CRITICAL', detected_at: at, created_at: at };
    expect(Incident.parse(incident).status).toBe('DETECTED');
    expect(Incident.safeParse({ ...incident, severity: 'critical' }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, status: 'RESOLVED' }).success).toBe(false);
    expect(Incident.safeParse({ ...incident, status: 'RESOLVED', resolved_at: at }).success).toBe(true);
    expect(NewIncident.parse({ title: 't', severity: 'LOW' }).affected_resources).toEqual([]);
  });

  it('refuses auto-executing destructive runbooks without approval', () => {
    const step = { id: 's1', name: 'delete pvc', action: 'pvc:delete', effect: 'DESTRUCTIVE' };
    const runbook = { id, name: 'cleanup', steps: [step], created_at: at, updated_at: at };
    expect(Runbook.parse(runbook).requires_approval).toBe(true);
    expect(Runbook.safeParse({ ...runbook, auto_execute: true, requires_approval: false }).success).toBe(false);
    expect(NewRunbook.safeParse({ name: 'empty', steps: [] }).success).toBe(false);
    expect(NewRunbook.safeParse({ name: 'x', steps: [{ ...step, action: 'Delete PVC' }] }).success).toBe(false);
  });

  it('checks that scan counts add up and vulnerability ids and CVSS are sane', () => {
    const scan = { scan_type: 'CONTAINER', target: 'ghcr.io/acme/api:1.4', critical_count: 1, high_count: 2 };
    expect(NewSecurityScan.safeParse({ ...scan, findings_count: 3 }).success).toBe(true);
    const bad = NewSecurityScan.safeParse({ ...scan, findings_count: 4 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('findings_count');
    const vuln = {
      id,
      scan_id: id,
      vulnerability_id: 'CVE-2024-12345',
      package: 'openssl',
      installed_version: '3.0.1',
      severity: 'HIGH',
      created_at: at,
    };
    expect(Vulnerability.safeParse(vuln).success).toBe(true);
    expect(Vulnerability.safeParse({ ...vuln, cvss: 11 }).success).toBe(false);
    expect(Vulnerability.safeParse({ ...vuln, vulnerability_id: 'cve 2024' }).success).toBe(false);
  });

  it('validates money, currency and cost periods', () => {
    const rec = {
      resource_type: 'Deployment',
      resource_id: 'todo/backend',
      cost_amount: 12.3456,
      period_start: at,
      period_end: '2026-01-02T00:00:00.000Z',
    };
    expect(NewCostRecord.parse(rec).currency).toBe('USD');
    expect(NewCostRecord.safeParse({ ...rec, cost_amount: 1.23456 }).success).toBe(false);
    expect(NewCostRecord.safeParse({ ...rec, cost_amount: -1 }).success).toBe(false);
    expect(NewCostRecord.safeParse({ ...rec, currency: 'usd' }).success).toBe(false);
    expect(NewCostRecord.safeParse({ ...rec, period_end: at }).success).toBe(false);
    expect(CostRecord.safeParse({ ...rec, id, created_at: at }).success).toBe(true);
  });

  it('bounds budget thresholds and test ratios', () => {
    const budget = { id, name: 'team', amount: 1000, created_at: at };
    expect(BudgetAlert.parse(budget).thresholds_percent).toEqual([80, 100]);
    expect(BudgetAlert.safeParse({ ...budget, thresholds_percent: [0] }).success).toBe(false);
    expect(BudgetAlert.safeParse({ ...budget, amount: 0 }).success).toBe(false);
    expect(TestIntelligence.safeParse({ id, test_id: 't', flakiness: 1.5, updated_at: at }).success).toBe(false);
  });

  it('applies the healing rule defaults of the seed and bounds retries', () => {
    const rule = {
      name: 'restart crashloop',
      condition_type: 'pod_crashloop',
      condition_config: {},
      action_type: 'pod:restart',
      action_config: {},
    };
    expect(NewHealingRule.parse(rule)).toMatchObject({ enabled: true, cooldown_seconds: 300, max_retries: 3 });
    expect(NewHealingRule.safeParse({ ...rule, max_retries: 11 }).success).toBe(false);
    expect(NewHealingRule.safeParse({ ...rule, cooldown_seconds: -1 }).success).toBe(false);
    expect(HealingRule.safeParse({ ...rule, id, created_at: at }).success).toBe(true);
  });
});
