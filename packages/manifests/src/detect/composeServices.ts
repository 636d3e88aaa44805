import { parse } from 'yaml';
import { z } from 'zod';
import { joinPath, type ProjectFiles } from './projectFiles.js';

/** The compose files looked for at the project root, in Docker Compose's order of preference. */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

const Build = z.union([
  z.string(),
  z.object({ context: z.string().default('.'), dockerfile: z.string().optional() }).loose(),
]);
const Service = z
  .object({
    build: Build.optional(),
    image: z.string().optional(),
    ports: z.array(z.union([z.string(), z.number(), z.object({ target: z.number() }).loose()])).optional(),
    expose: z.array(z.union([z.string(), z.number()])).optional(),
    environment: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
    profiles: z.array(z.string()).optional(),
  })
  .loose();
const Compose = z.object({ services: z.record(z.string(), Service.nullable()).default({}) }).loose();

/** A service a compose file builds from the project's sources. */
export interface ComposeService {
  name: string;
  /** Its app folder: the Dockerfile's folder when it lies inside the build context, else the context. */
  dir: string;
  /** Its build context, relative to the project root (`''` for the root). */
  context: string;
  /** Its Dockerfile, relative to the project root. */
  dockerfile: string;
  /** The container port it publishes or exposes first. */
  port?: number;
  /** The variables its `environment` sets (names only: values are the compose file's, not the cluster's). */
  env: string[];
}

/** What the project's compose file lists: services built here and services run from an image (databases …). */
export interface ComposeProject {
  file: string;
  built: ComposeService[];
  images: { name: string; image: string }[];
}

function normalize(dir: string): string {
  const parts: string[] = [];
  for (const part of dir.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

function portOf(service: z.infer<typeof Service>): number | undefined {
  for (const p of service.ports ?? []) {
    if (typeof p === 'object') return p.target;
    // "8080", "8080:3000", "127.0.0.1:8080:3000/tcp", "3000-3005": the container side is the last.
    const last = String(p).split('/')[0]!.split(':').pop()!.split('-')[0]!;
    if (/^\d{2,5}$/.test(last)) return Number(last);
  }
  const exposed = service.expose?.map((e) => String(e).split('/')[0]).find((e) => /^\d{2,5}$/.test(e ?? ''));
  return exposed ? Number(exposed) : undefined;
}

/**
 * Reads the project's compose file (compose.yaml, docker-compose.yml …) at the root: the services it builds
 * (`build:` with a context inside the project) with their Dockerfile, container port and variable names, and the
 * services it runs from images. Undefined without a compose file or when it is not valid YAML.
 */
export function readComposeProject(project: ProjectFiles): ComposeProject | undefined {
  const file = COMPOSE_FILES.find((f) => project.read(f) !== undefined);
  if (!file) return undefined;
  let parsed: z.infer<typeof Compose>;
  try {
    const result = Compose.safeParse(parse(project.read(file)!));
    if (!result.success) return undefined;
    parsed = result.data;
  } catch {
    return undefined;
  }
  const built: ComposeService[] = [];
  const images: ComposeProject['images'] = [];
  for (const [name, service] of Object.entries(parsed.services)) {
    if (!service) continue;
    if (service.build === undefined) {
      if (service.image) images.push({ name, image: service.image });
      continue;
    }
    const build = typeof service.build === 'string' ? { context: service.build } : service.build;
    // A remote context (a Git URL) is not a folder of this project.
    if (/^[a-z]+:\/\/|^git@/.test(build.context)) continue;
    const context = normalize(build.context);
    const dockerfile = normalize(joinPath(context, build.dockerfile ?? 'Dockerfile'));
    const dockerDir = dockerfile.includes('/') ? dockerfile.slice(0, dockerfile.lastIndexOf('/')) : '';
    const dir = context === '' || dockerDir.startsWith(`${context}/`) ? dockerDir : context;
    const env = Array.isArray(service.environment)
      ? service.environment.map((e) => e.split('=')[0]!)
      : Object.keys(service.environment ?? {});
    const port = portOf(service);
    built.push({
      name,
      dir,
      context,
      dockerfile,
      ...(port !== undefined ? { port } : {}),
      env: env.filter((e) => /^[A-Z_][A-Z0-9_]*$/.test(e)),
    });
  }
  return { file, built, images };
}
