import { pathToFileURL } from 'node:url';
import { anomalySignal, type DetectedEpisode, toAnomalyDetection } from '@opspilot/anomaly';
import { type AnomalyDetection, InputError } from '@opspilot/core';
import { openStore } from '@opspilot/store';
import { z } from 'zod';

/** What {@link recordAnomaly} records: an episode of a signal's series, as the anomaly scan would have found it. */
export const RecordAnomalyInput = z.object({
  sqlite_path: z.string().min(1),
  cluster_id: z.uuid(),
  signal: z.string().min(1),
  labels: z.record(z.string(), z.string()),
  episode: z.object({
    time: z.number(),
    type: z.enum(['SPIKE', 'DROP', 'TREND_CHANGE', 'PATTERN_BREAK', 'THRESHOLD_BREACH']),
    direction: z.union([z.literal(1), z.literal(-1)]),
    score: z.number().min(0).max(1),
    actual: z.number(),
    expected: z.number(),
    normal: z.number(),
    normalScale: z.number(),
    deviations: z.number(),
  }),
});

/**
 * Records an anomaly in the SQLite store of a running server (end-to-end tests of the dashboard, which may not import
 * the store themselves: they run this file as a script with the input as JSON and read the anomaly from stdout).
 */
export async function recordAnomaly(input: z.input<typeof RecordAnomalyInput>): Promise<AnomalyDetection> {
  const { sqlite_path, cluster_id, signal, labels, episode } = RecordAnomalyInput.parse(input);
  const known = anomalySignal(signal);
  if (!known) throw new InputError(`no signal ${signal}`, { hint: 'use an id of ANOMALY_SIGNALS, e.g. node-cpu' });
  const full: DetectedEpisode = {
    ...episode,
    index: 0,
    seasonal: false,
    components: { forecast: 1, changePoint: 0, baseline: 1, threshold: 0 },
  };
  const store = await openStore({ sqlitePath: sqlite_path });
  try {
    return await store.anomalies.create(toAnomalyDetection(cluster_id, known, labels, full));
  } finally {
    await store.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const anomaly = await recordAnomaly(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${JSON.stringify(anomaly)}\n`);
}
