import { GPU_IMAGES, type GpuProfile } from '../gpu/gpuImages.js';
import { type ImageReference, parseImageReference } from './imageReference.js';

/** How a catalogued image behaves when it runs: its tags and its process facts. */
export interface ImageProfile {
  /** Tags that exist exactly (besides those matching `tagPattern`). */
  tags: string[];
  /** Tags of this shape exist too: the versions and variants the repository publishes. */
  tagPattern?: RegExp;
  /** Tags that never exist, even when they match the pattern. */
  missingTags?: string[];
  /**
   * Programs in the image's `$PATH`. When `binariesKnown` is true, a container command naming any other program
   * fails to start (`exec: "x": executable file not found in $PATH`); otherwise unknown programs run.
   */
  binaries: string[];
  binariesKnown: boolean;
  /** The image's default entrypoint and command, what runs when the container sets neither. */
  command: string[];
  /** Ports its default process listens on. */
  ports: number[];
  /** Milliseconds from scheduling to running. */
  startupMs: number;
  /** Steady CPU use (millicores) and memory use (MiB). */
  cpuMillicores: number;
  memoryMi: number;
  /** When set, the default process's memory grows by this many MiB a minute (and is OOM-killed at its limit). */
  memoryGrowthMiPerMinute?: number;
  /**
   * Where a growing process levels off (a cache once full): under a limit above it the container runs and gets
   * Ready; under a limit below it the process is OOM-killed each time it reaches the limit. Unbounded when missing.
   */
  memoryCeilingMi?: number;
  /** HTTP paths the application answers (probes on other paths fail). */
  serves: string[];
  /** Lines it logs, cycled. */
  logs: string[];
  /** When set, the main process exits with this code shortly after starting (after `runMs` when that is set). */
  exitCode?: number;
  /** When set, the main process finishes after running this long (with `exitCode`, default 0): a batch image. */
  runMs?: number;
  /**
   * What the default process does with the GPUs it is given (`nvidia.com/gpu`): its utilisation (percent) and the
   * share of each GPU's memory it takes; `wave` makes the utilisation rise and fall around it (inference traffic).
   */
  gpu?: GpuProfile;
}

/** Programs of a Debian or Ubuntu base image (coreutils, bash, dash). */
export const DEBIAN_BINARIES = [
  'sh',
  'bash',
  'dash',
  'cat',
  'echo',
  'env',
  'printenv',
  'sleep',
  'ls',
  'tail',
  'head',
  'true',
  'false',
  'date',
  'id',
  'hostname',
  'mkdir',
  'rm',
  'cp',
  'mv',
  'touch',
  'grep',
  'sed',
  'awk',
  'test',
  'kill',
  'uname',
  'wc',
  'sort',
  'tee',
  'yes',
  'timeout',
  'chmod',
  'chown',
  'ln',
  'pwd',
  'whoami',
  'expr',
  'seq',
  'find',
  'xargs',
];
/** Programs of an Alpine or busybox image (busybox applets, no bash). */
export const BUSYBOX_BINARIES = [
  ...DEBIAN_BINARIES.filter((b) => b !== 'bash' && b !== 'dash'),
  'busybox',
  'wget',
  'nc',
  'ping',
  'vi',
  'ps',
  'top',
  'free',
  'nslookup',
  'ash',
  'du',
  'df',
];

const server = (logs: string[], extra: Partial<ImageProfile> = {}): ImageProfile => ({
  tags: ['latest'],
  binaries: [],
  binariesKnown: false,
  command: [],
  ports: [],
  startupMs: 1000,
  cpuMillicores: 20,
  memoryMi: 64,
  serves: ['/', '/healthz', '/readyz', '/livez'],
  logs,
  ...extra,
});

/** A public repository with a known file system: its tags of shape `VERSION[-VARIANT]`, `VARIANT` or a named tag. */
const official = (
  shape: { version: string; variant?: string; named?: string[] },
  os: 'debian' | 'busybox',
  binaries: string[],
  logs: string[],
  extra: Partial<ImageProfile> = {},
): ImageProfile => {
  const named = ['latest', ...(shape.named ?? [])].map((n) => n.replace(/\./g, '\\.')).join('|');
  const head = `(?:${shape.version})|${named}`;
  const pattern = shape.variant ? `^(?:(?:${head})(?:-(?:${shape.variant}))?|(?:${shape.variant}))$` : `^(?:${head})$`;
  return server(logs, {
    tags: [],
    tagPattern: new RegExp(pattern),
    binaries: [...(os === 'debian' ? DEBIAN_BINARIES : BUSYBOX_BINARIES), ...binaries],
    binariesKnown: true,
    serves: [],
    ...extra,
  });
};

const ALPINE = 'alpine(?:3\\.\\d{1,2})?';
const DEBIAN_VARIANTS = `(?:slim-)?(?:bookworm|bullseye|buster|trixie)|slim|${ALPINE}`;
/** A base image's default process: a shell without a terminal, which exits at once. */
const shellExits = { runMs: 1000, exitCode: 0, cpuMillicores: 1, memoryMi: 2 };

/**
 * The repositories the simulated cluster knows and how their images behave. A reference resolves when its
 * repository is listed and its tag is listed or has the shape of the repository's real tags; anything else fails to
 * pull (ErrImagePull / ImagePullBackOff) as a missing image would.
 */
export const IMAGE_CATALOG: Record<string, ImageProfile> = {
  nginx: official(
    {
      version: '1(?:\\.(?:\\d|[12]\\d)(?:\\.\\d{1,2})?)?|stable|mainline',
      variant: `(?:${ALPINE}|bookworm|bullseye|trixie)(?:-(?:slim|perl|otel))?|perl|otel`,
    },
    'debian',
    ['nginx', 'nginx-debug', 'curl', '/docker-entrypoint.sh'],
    ['nginx: start worker processes', '10.244.0.1 - - "GET / HTTP/1.1" 200 615'],
    {
      command: ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
      ports: [80],
      serves: ['/', '/healthz', '/readyz', '/livez'],
    },
  ),
  httpd: official(
    { version: '2(?:\\.4(?:\\.(?:\\d|[1-6]\\d))?)?', variant: `${ALPINE}|bookworm|bullseye|trixie` },
    'debian',
    ['httpd', 'httpd-foreground', 'apachectl'],
    [
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name",
      '[mpm_event:notice] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations',
    ],
    { command: ['httpd-foreground'], ports: [80], serves: ['/'], memoryMi: 20 },
  ),
  busybox: official(
    { version: '1(?:\\.[2-3]\\d(?:\\.\\d)?)?|stable|unstable', variant: 'glibc|musl|uclibc' },
    'busybox',
    [],
    ['sleeping'],
    { command: ['sh'], memoryMi: 2, cpuMillicores: 1 },
  ),
  alpine: official(
    { version: '3(?:\\.(?:\\d|1\\d|2[0-2])(?:\\.\\d{1,2})?)?', named: ['edge'] },
    'busybox',
    ['apk'],
    [],
    {
      command: ['/bin/sh'],
      ...shellExits,
    },
  ),
  debian: official(
    {
      version: '(?:[7-9]|1[0-3])(?:\\.\\d{1,2})?|bookworm|bullseye|buster|trixie|stable|oldstable|testing|unstable',
      variant: 'slim',
    },
    'debian',
    ['apt-get', 'apt', 'dpkg'],
    [],
    { command: ['bash'], ...shellExits },
  ),
  ubuntu: official(
    {
      version: '(?:1[4-9]|2[0-5])\\.(?:04|10)(?:\\.\\d)?|xenial|bionic|focal|jammy|noble|oracular|plucky|rolling|devel',
    },
    'debian',
    ['apt-get', 'apt', 'dpkg'],
    [],
    { command: ['/bin/bash'], ...shellExits },
  ),
  python: official(
    { version: '(?:2\\.7|3(?:\\.(?:\\d|1[0-4]))?)(?:\\.\\d{1,2})?(?:(?:a|b|rc)\\d)?', variant: DEBIAN_VARIANTS },
    'debian',
    ['python', 'python3', 'pip', 'pip3', 'curl', 'wget'],
    [],
    { command: ['python3'], ...shellExits },
  ),
  node: official(
    {
      version: '(?:[4-9]|1\\d|2[0-5])(?:\\.\\d{1,2}(?:\\.\\d{1,2})?)?|lts|current|iron|hydrogen|jod|krypton',
      variant: `(?:bookworm|bullseye|buster|trixie)(?:-slim)?|slim|${ALPINE}`,
    },
    'debian',
    ['node', 'npm', 'npx', 'yarn', 'corepack', 'curl', 'wget'],
    [],
    { command: ['node'], ...shellExits },
  ),
  golang: official(
    { version: '1(?:\\.(?:\\d|1\\d|2[0-5])(?:\\.\\d{1,2})?(?:rc\\d)?)?', variant: DEBIAN_VARIANTS },
    'debian',
    ['go', 'gofmt', 'git', 'curl', 'wget'],
    [],
    { command: ['bash'], ...shellExits },
  ),
  openjdk: official(
    {
      version: '(?:[7-9]|1\\d|2[0-6])(?:\\.\\d{1,2}){0,2}(?:-(?:jdk|jre|ea-\\d{1,2}))?',
      variant:
        '(?:jdk|jre)(?:-(?:slim|alpine))?|slim(?:-(?:bullseye|bookworm))?|alpine|bullseye|bookworm|oraclelinux\\d',
    },
    'debian',
    ['java', 'javac', 'jshell', 'jar'],
    [],
    { command: ['jshell'], ...shellExits },
  ),
  'eclipse-temurin': official(
    {
      version: '(?:8|11|17|2[1-5])(?:u\\d{2,3}(?:-b\\d{2})?|\\.\\d{1,2}(?:\\.\\d{1,2})?(?:_\\d{1,2})?)?',
      variant: '(?:jdk|jre)(?:-(?:alpine|jammy|noble|focal|ubi9-minimal))?|alpine|jammy|noble|focal',
    },
    'debian',
    ['java', 'javac', 'jshell', 'jar'],
    [],
    { command: ['jshell'], ...shellExits },
  ),
  mysql: official(
    {
      version: '(?:5\\.7|8\\.[0-4]|9\\.[0-4])(?:\\.\\d{1,2})?|5|8|9|lts|innovation',
      variant: 'oracle|oraclelinux\\d|debian|bookworm',
    },
    'debian',
    ['mysqld', 'mysql', 'mysqladmin', 'mysqldump', 'docker-entrypoint.sh'],
    [
      '[Server] /usr/sbin/mysqld (mysqld 8.0.36) starting as process 1',
      "[Server] /usr/sbin/mysqld: ready for connections. Version: '8.0.36'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
    ],
    { command: ['docker-entrypoint.sh', 'mysqld'], ports: [3306], memoryMi: 380, cpuMillicores: 30 },
  ),
  postgres: official(
    { version: '(?:9\\.[3-6]|1[0-8])(?:\\.\\d{1,2})?|9', variant: `${ALPINE}|bookworm|bullseye|trixie` },
    'debian',
    ['postgres', 'psql', 'pg_isready', 'pg_dump', 'docker-entrypoint.sh'],
    ['database system is ready to accept connections'],
    { command: ['docker-entrypoint.sh', 'postgres'], ports: [5432], memoryMi: 120 },
  ),
  redis: official(
    { version: '[2-8](?:\\.\\d(?:\\.\\d{1,2})?)?', variant: `${ALPINE}|bookworm|bullseye` },
    'debian',
    ['redis-server', 'redis-cli', 'docker-entrypoint.sh'],
    ['Ready to accept connections tcp'],
    { command: ['docker-entrypoint.sh', 'redis-server'], ports: [6379], memoryMi: 32 },
  ),
  mongo: official(
    { version: '[3-8](?:\\.\\d(?:\\.\\d{1,2})?)?', variant: 'jammy|focal|noble' },
    'debian',
    ['mongod', 'mongosh', 'docker-entrypoint.sh'],
    [
      '{"t":{"$date":"2026-01-01T00:00:00.000+00:00"},"s":"I","c":"NETWORK","msg":"Waiting for connections","attr":{"port":27017}}',
    ],
    { command: ['docker-entrypoint.sh', 'mongod'], ports: [27017], memoryMi: 250 },
  ),
  rabbitmq: official(
    { version: '[34](?:\\.\\d{1,2}(?:\\.\\d{1,2})?)?', variant: `management(?:-alpine)?|alpine` },
    'debian',
    ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-diagnostics', 'docker-entrypoint.sh'],
    ['Server startup complete; 0 plugins started.'],
    { command: ['docker-entrypoint.sh', 'rabbitmq-server'], ports: [5672, 15672], memoryMi: 150 },
  ),
  perl: official(
    { version: '5(?:\\.\\d{1,2}(?:\\.\\d{1,2})?)?', variant: `slim|threaded|bookworm|bullseye|slim-bookworm` },
    'debian',
    ['perl', 'cpan'],
    ['3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706'],
    { command: ['perl', '-de0'], cpuMillicores: 500, memoryMi: 24, runMs: 8_000 },
  ),
  'curlimages/curl': official(
    { version: '[78]\\.\\d{1,2}\\.\\d' },
    'busybox',
    ['curl', '/entrypoint.sh'],
    ["curl: try 'curl --help' or 'curl --manual' for more information"],
    { command: ['/entrypoint.sh', 'curl'], runMs: 1000, exitCode: 2, cpuMillicores: 1, memoryMi: 4 },
  ),
  'polinux/stress': official({ version: '1\\.0\\.4' }, 'busybox', ['stress'], [], {
    command: ['stress'],
    runMs: 1000,
    exitCode: 1,
  }),
  'registry.k8s.io/pause': official({ version: '3\\.\\d{1,2}' }, 'busybox', ['/pause'], [], {
    binaries: ['/pause'],
    command: ['/pause'],
    memoryMi: 1,
    cpuMillicores: 0,
  }),
  'registry.k8s.io/e2e-test-images/agnhost': official({ version: '2\\.\\d{2}' }, 'busybox', ['agnhost'], [], {
    command: ['/agnhost', 'pause'],
    ports: [8080],
    serves: ['/', '/healthz', '/hostname'],
  }),
  'registry.k8s.io/metrics-server/metrics-server': official({ version: 'v0\\.[4-8]\\.\\d' }, 'busybox', [], [], {
    binaries: ['/metrics-server'],
    binariesKnown: false,
    command: ['/metrics-server'],
    ports: [10250],
    serves: ['/livez', '/readyz'],
  }),
  'registry.k8s.io/ingress-nginx/controller': official({ version: 'v1\\.\\d{1,2}\\.\\d' }, 'busybox', [], [], {
    binariesKnown: false,
    ports: [80, 443],
    serves: ['/healthz'],
    memoryMi: 90,
  }),
  'registry.k8s.io/coredns/coredns': server(['CoreDNS-1.11.1'], {
    tags: ['v1.11.1'],
    tagPattern: /^v1\.\d{1,2}\.\d$/,
    serves: ['/health', '/ready'],
    ports: [53, 8080, 8181],
    memoryMi: 20,
  }),
  'todo/backend': server(
    [
      'INFO:     Started server process',
      'INFO:     Application startup complete.',
      'INFO:     10.244.0.1 - "GET /api/todos HTTP/1.1" 200 OK',
    ],
    {
      tags: ['latest', '1.0', '1.1', '1.2', '2.0'],
      cpuMillicores: 50,
      memoryMi: 180,
      ports: [8000],
      serves: ['/', '/health', '/healthz', '/api/todos', '/docs'],
    },
  ),
  'todo/frontend': server(['▲ Next.js 14.2.3', '- Local: http://localhost:3000', '✓ Ready in 1204ms'], {
    tags: ['latest', '1.0', '1.1', '1.2', '2.0'],
    cpuMillicores: 30,
    memoryMi: 150,
    ports: [3000],
    serves: ['/', '/api/health', '/healthz'],
  }),
  'prom/prometheus': server(['Server is ready to receive web requests.'], {
    tags: ['latest', 'v2.53.0'],
    tagPattern: /^v[23]\.\d{1,2}\.\d$/,
    ports: [9090],
    serves: ['/', '/-/ready', '/-/healthy', '/metrics'],
    memoryMi: 300,
  }),
  'opspilot/crasher': server(
    [
      'INFO starting worker, connecting to postgres://db:5432/app',
      'Traceback (most recent call last):',
      '  File "/app/main.py", line 14, in <module>',
      '    conn = psycopg2.connect(DATABASE_URL)',
      '  File "/usr/local/lib/python3.12/site-packages/psycopg2/__init__.py", line 122, in connect',
      '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
      'psycopg2.OperationalError: connection to server at "db" (10.96.0.20), port 5432 failed: Connection refused',
    ],
    { tags: ['latest', '1.0'], exitCode: 1 },
  ),
  'opspilot/memory-hog': server(['allocating cache'], { tags: ['latest', '1.0'], memoryMi: 900 }),
  'opspilot/memory-leak': server(['allocating cache', 'cache grew'], {
    tags: ['latest', '1.0'],
    memoryMi: 64,
    memoryGrowthMiPerMinute: 32,
  }),
  'opspilot/session-cache': server(['warming session cache', 'session cache grew'], {
    tags: ['latest', '1.0'],
    memoryMi: 64,
    memoryGrowthMiPerMinute: 32,
    memoryCeilingMi: 192,
  }),
  'opspilot/batch': server(['starting batch', 'processed 1000 records', 'batch complete'], {
    tags: ['latest', '1.0'],
    serves: [],
    cpuMillicores: 200,
    memoryMi: 48,
    runMs: 5_000,
  }),
  'opspilot/batch-fail': server(['starting batch', 'error: upstream returned 503, giving up'], {
    tags: ['latest', '1.0'],
    serves: [],
    cpuMillicores: 100,
    memoryMi: 48,
    runMs: 2_000,
    exitCode: 1,
  }),
  ...GPU_IMAGES,
};

/** Splits an image reference into repository and tag (default `latest`), dropping docker.io prefixes. */
export function parseImage(image: string): { repository: string; tag: string } {
  const ref = parseImageReference(image);
  if (ref) return { repository: ref.repository, tag: ref.tag };
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  const repository = (hasTag ? withoutDigest.slice(0, colon) : withoutDigest).replace(/^docker\.io\/(library\/)?/, '');
  return { repository, tag: hasTag ? withoutDigest.slice(colon + 1) : 'latest' };
}

/** Whether `tag` (or, with a digest, any tag) exists in the repository described by `profile`. */
export function tagExists(profile: ImageProfile, ref: Pick<ImageReference, 'tag' | 'digest'>): boolean {
  if (profile.missingTags?.includes(ref.tag)) return false;
  if (ref.digest) return true;
  return profile.tags.includes(ref.tag) || (profile.tagPattern?.test(ref.tag) ?? false);
}

/** The profile of an image in the built-in catalogue, or undefined when it cannot be pulled. */
export function lookupImage(image: string): ImageProfile | undefined {
  const ref = parseImageReference(image);
  const profile = ref ? IMAGE_CATALOG[ref.repository] : undefined;
  return ref && profile && tagExists(profile, ref) ? profile : undefined;
}
