import type { SimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSimCluster, startTestApi, type TestApi } from '../testing/index.js';

interface IncidentOut {
  id: string;
  detected_at: string;
  cause_identity?: string;
  first_seen?: string;
  last_seen?: string;
  sightings?: number;
  occurrences?: number;
  recurring?: boolean;
}

describe("incidents from a cluster's live problems keep their causes' sightings", { timeout: 180_000 }, () => {
  let t: TestApi;
  let sim: SimCluster;
  let clusterId: string;
  beforeAll(async () => {
    t = await startTestApi();
    ({ sim, clusterId } = await registerSimCluster(t, { name: 'sim-sightings', scenario: 'broken', watch: true }));
    // Three minutes of cluster life: pods start, crash and back off; the live analysis finds the problems.
    await advanceClock(t.clock, 180_000, 5_000);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    void sim?.stop();
  });

  const rest = async (method: string, path: string, body?: unknown) => {
    const answer = await t.rest(method, path, t.users.admin.token, body);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json();
  };
  const detect = async () => (await rest('POST', '/incidents/detect', {})).touched as IncidentOut[];

  it('starts an incident when its cause was first seen, and opens a recurring one when the cause is back after its incident was closed', async () => {
    const liveSightings = async () => {
      await t.clock.advance(1_000);
      return [...(t.services.fleet.get(clusterId)?.sightings().values() ?? [])];
    };
    await expect.poll(async () => (await liveSightings()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    const touched = await detect();
    const caused = touched.filter((i) => i.cause_identity);
    expect(caused.length).toBeGreaterThan(0);
    const incident = caused[0]!;
    const sighting = (await liveSightings()).find((s) => s.identity === incident.cause_identity)!;
    expect(incident).toMatchObject({
      detected_at: sighting.first_seen,
      first_seen: sighting.first_seen,
      sightings: sighting.runs,
      occurrences: 1,
      recurring: false,
    });
    expect(Date.parse(incident.detected_at)).toBeLessThan(t.clock.now().getTime());
    const listed = (await rest('GET', '/incidents?page_size=100')).items as IncidentOut[];
    expect(listed.find((i) => i.id === incident.id)).toMatchObject({ cause_identity: sighting.identity });

    await rest('POST', `/incidents/${incident.id}/resolve`, { root_cause: 'restarted it' });
    await rest('POST', `/incidents/${incident.id}/close`, {});
    // The problem is still there: the next pass opens a new incident for it, marked as its second occurrence.
    await t.clock.advance(30_000);
    await detect();
    const again = async () =>
      ((await rest('GET', '/incidents?page_size=100')).items as IncidentOut[]).find(
        (i) => i.cause_identity === incident.cause_identity && i.id !== incident.id,
      );
    const recurring = (await again())!;
    expect(recurring).toMatchObject({ recurring: true, occurrences: 2, first_seen: sighting.first_seen });
    const ids = async (query: string) =>
      ((await rest('GET', `/incidents?page_size=100&${query}`)).items as IncidentOut[]).map((i) => i.id).sort();
    expect(await ids('recurring=true')).toEqual([recurring.id]);
    expect(await ids('recurring=false')).toContain(incident.id);
    expect(await ids('recurring=false')).not.toContain(recurring.id);
    const detail = await rest('GET', `/incidents/${recurring.id}`);
    expect(detail.timeline.map((a: { description: string }) => a.description)).toContain(
      `recurring: seen 2 times since ${sighting.first_seen}`,
    );
    const trail = (await rest('GET', `/audit?target=incident/${recurring.id}`)).items;
    expect(trail.find((e: { action: string }) => e.action === 'incident.opened').details).toMatchObject({
      recurring: true,
      occurrences: 2,
      previous_incident: incident.id,
    });
  });
});
