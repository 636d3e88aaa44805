import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG } from '../controllers/imageCatalog.js';
import type { KubeObject } from '../store/kubeObject.js';
import { AnomalySchedule } from './anomalySchedule.js';
import { LOG_INTERVAL_MS, podLogLines } from './podLogLines.js';

const started = new Date('2026-01-01T00:00:00Z');
const pod = { metadata: { name: 'web', namespace: 'todo', labels: { app: 'web' } } } as unknown as KubeObject;

describe('podLogLines', () => {
  it('writes the start-up lines at once and then one line per interval, never a line after now', () => {
    const nginx = IMAGE_CATALOG.nginx!;
    for (const elapsedMs of [0, 5_000, LOG_INTERVAL_MS, 95_000]) {
      const now = new Date(started.getTime() + elapsedMs);
      const lines = podLogLines(pod, nginx, started, now, new AnomalySchedule());
      expect(lines).toHaveLength(nginx.logs.length + Math.floor(elapsedMs / LOG_INTERVAL_MS));
      expect(lines.every((l) => l.at.getTime() <= now.getTime())).toBe(true);
      expect(lines.map((l) => l.at.getTime())).toEqual([...lines.map((l) => l.at.getTime())].sort((a, b) => a - b));
    }
  });
});
