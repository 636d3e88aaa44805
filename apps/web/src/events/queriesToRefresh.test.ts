import { describe, expect, it } from 'vitest';
import { queriesToRefresh } from './queriesToRefresh.js';

describe('queriesToRefresh', () => {
  it('maps events to the routers whose data they change', () => {
    expect(queriesToRefresh('AUDIT_APPENDED')).toEqual(['audit']);
    expect(queriesToRefresh('CLUSTER_STATUS_CHANGED')).toEqual(['clusters', 'fleet']);
    expect(queriesToRefresh('RESOURCES_CHANGED')).toEqual(['fleet', 'clusters']);
    expect(queriesToRefresh('FINDING_DETECTED')).toEqual(['fleet']);
    expect(queriesToRefresh('PLAN_STATE_CHANGED')).toEqual(['reviews', 'ops']);
    expect(queriesToRefresh('operation.applied')).toEqual(['ops']);
    expect(queriesToRefresh('ANOMALY_DETECTED')).toEqual(['anomalies']);
    expect(queriesToRefresh('HEALING_ACTION_FINISHED')).toEqual(['healing']);
    expect(queriesToRefresh('HEALING_RULE_PAUSED')).toEqual(['healing']);
    for (const e of ['INCIDENT_OPENED', 'INCIDENT_UPDATED', 'INCIDENT_RESOLVED'])
      expect(queriesToRefresh(e)).toEqual(['incidents']);
  });

  it('refreshes the metric charts on METRIC_UPDATE and nothing on an unknown event', () => {
    expect(queriesToRefresh('METRIC_UPDATE')).toEqual(['metrics']);
    expect(queriesToRefresh('NO_SUCH_EVENT')).toEqual([]);
    expect(queriesToRefresh('ALERT_FIRED')).toEqual(['alerts']);
    expect(queriesToRefresh('ALERT_RESOLVED')).toEqual(['alerts']);
    // Traces refresh through useRefreshOn, throttled, not on every export.
    expect(queriesToRefresh('TRACE_RECEIVED')).toEqual([]);
  });
});
