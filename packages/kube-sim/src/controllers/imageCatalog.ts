/** How a catalogued image behaves when it runs. */
export interface ImageProfile {
  /** Tags that exist; any other tag fails to pull. */
  tags: string[];
  /** Milliseconds from scheduling to running. */
  startupMs: number;
  /** Steady CPU use (millicores) and memory use (MiB). */
  cpuMillicores: number;
  memoryMi: number;
  /** HTTP paths the application answers (probes on other paths fail). */
  serves: string[];
  /** Lines it logs, cycled. */
  logs: string[];
  /** When set, the main process exits with this code shortly after starting (after `runMs` when that is set). */
  exitCode?: number;
  /** When set, the main process finishes after running this long (with `exitCode`, default 0): a batch image. */
  runMs?: number;
}

const web = (logs: string[], extra: Partial<ImageProfile> = {}): ImageProfile => ({
  tags: ['latest'],
  startupMs: 1000,
  cpuMillicores: 20,
  memoryMi: 64,
  serves: ['/', '/healthz', '/readyz', '/livez'],
  logs,
  ...extra,
});

/**
 * The images the simulated cluster knows and how they behave. An image not listed here, or a tag it does not
 * have, fails with ErrImagePull / ImagePullBackOff as a missing image would.
 */
export const IMAGE_CATALOG: Record<string, ImageProfile> = {
  nginx: web(['nginx: start worker processes', '10.244.0.1 - - "GET / HTTP/1.1" 200 615'], {
    tags: ['latest', '1.25', '1.26', '1.27', '1.28', 'alpine', 'stable'],
  }),
  'todo/backend': web(
    [
      'INFO:     Started server process',
      'INFO:     Application startup complete.',
      'INFO:     10.244.0.1 - "GET /api/todos HTTP/1.1" 200 OK',
    ],
    {
      tags: ['latest', '1.0', '1.1', '1.2', '2.0'],
      cpuMillicores: 50,
      memoryMi: 180,
      serves: ['/', '/health', '/healthz', '/api/todos', '/docs'],
    },
  ),
  'todo/frontend': web(['▲ Next.js 14.2.3', '- Local: http://localhost:3000', '✓ Ready in 1204ms'], {
    tags: ['latest', '1.0', '1.1', '1.2', '2.0'],
    cpuMillicores: 30,
    memoryMi: 150,
    serves: ['/', '/api/health', '/healthz'],
  }),
  redis: web(['Ready to accept connections tcp'], {
    tags: ['latest', '7', '7.2', '7-alpine'],
    serves: [],
    memoryMi: 32,
  }),
  postgres: web(['database system is ready to accept connections'], {
    tags: ['latest', '15', '16', '16-alpine'],
    serves: [],
    memoryMi: 120,
  }),
  busybox: web(['sleeping'], { tags: ['latest', '1.36'], serves: [], memoryMi: 2, cpuMillicores: 1 }),
  'prom/prometheus': web(['Server is ready to receive web requests.'], {
    tags: ['latest', 'v2.53.0'],
    serves: ['/', '/-/ready', '/-/healthy', '/metrics'],
    memoryMi: 300,
  }),
  'registry.k8s.io/coredns/coredns': web(['CoreDNS-1.11.1'], {
    tags: ['v1.11.1'],
    serves: ['/health', '/ready'],
    memoryMi: 20,
  }),
  'opspilot/crasher': web(
    [
      'INFO starting worker, connecting to postgres://db:5432/app',
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 14, in <module>',
      '    conn = psycopg2.connect(DATABASE_URL)',
      '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
      '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
      'psycopg2.OperationalError: connection to server at "db" (10.96.0.20), port 5432 failed: Connection refused',
    ],
    {
      tags: ['latest', '1.0'],
      exitCode: 1,
    },
  ),
  'opspilot/memory-hog': web(['allocating cache'], { tags: ['latest', '1.0'], memoryMi: 900 }),
  'opspilot/batch': web(['starting batch', 'processed 1000 records', 'batch complete'], {
    tags: ['latest', '1.0'],
    serves: [],
    cpuMillicores: 200,
    memoryMi: 48,
    runMs: 5_000,
  }),
  'opspilot/batch-fail': web(['starting batch', 'error: upstream returned 503, giving up'], {
    tags: ['latest', '1.0'],
    serves: [],
    cpuMillicores: 100,
    memoryMi: 48,
    runMs: 2_000,
    exitCode: 1,
  }),
  perl: web(['3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706'], {
    tags: ['latest', '5.34', '5.34.0', '5.38', '5.40'],
    serves: [],
    cpuMillicores: 500,
    memoryMi: 24,
    runMs: 8_000,
  }),
};

/** Splits an image reference into repository and tag (default `latest`), dropping docker.io prefixes. */
export function parseImage(image: string): { repository: string; tag: string } {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  const repository = (hasTag ? withoutDigest.slice(0, colon) : withoutDigest).replace(/^docker\.io\/(library\/)?/, '');
  return { repository, tag: hasTag ? withoutDigest.slice(colon + 1) : 'latest' };
}

/** The profile of an image, or undefined when it cannot be pulled. */
export function lookupImage(image: string): ImageProfile | undefined {
  const { repository, tag } = parseImage(image);
  const profile = IMAGE_CATALOG[repository];
  return profile?.tags.includes(tag) ? profile : undefined;
}
