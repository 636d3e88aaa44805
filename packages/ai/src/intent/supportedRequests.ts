/** One example per supported family of requests: offered as the closest alternatives to what was not understood. */
export const SUPPORTED_REQUESTS = [
  'scale backend to 3 replicas',
  'scale backend up by 2',
  'scale frontend by 50%',
  'double the frontend replicas',
  'restart the backend deployment',
  'roll back backend to the previous version',
  'roll back backend to revision 2',
  'update backend to version 1.1',
  'set LOG_LEVEL=debug on backend',
  'set the memory limit of backend to 512Mi',
  'expose backend on port 80',
  'create a deployment web with image nginx:1.27 and 2 replicas',
  'create namespace staging',
  'create a configmap app-settings with MODE=fast',
  'create a secret db-creds with password=changeme',
  'autoscale backend between 2 and 10 pods at 70% cpu',
  'delete pod backend-abc12',
  'cordon node sim-worker-1',
  'drain node sim-worker-1',
  'uncordon node sim-worker-1',
  'label backend with team=payments',
  'annotate backend with owner=alice',
  'show errors in backend logs in the last 10 minutes',
  'list pods not running in todo',
  'what images are running',
  'describe deployment backend',
  "what's wrong with backend",
  'why is frontend pending',
  'switch service web to green',
  'resize pvc data-db to 20Gi',
] as const;

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9%]+/)
      .filter((w) => w.length > 1),
  );

/** The `count` supported requests sharing the most words with `text` (ties keep the table's order). */
export function closestRequests(text: string, count = 3): string[] {
  const asked = words(text);
  return SUPPORTED_REQUESTS.map((example, index) => {
    const mine = words(example);
    let shared = 0;
    for (const w of mine) if (asked.has(w)) shared++;
    return { example, index, score: shared / Math.sqrt(mine.size || 1) };
  })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, count)
    .map((s) => s.example);
}
