import { parseAllDocuments } from 'yaml';
import { filesUnder, type ProjectFiles } from './projectFiles.js';

const CONFIG_FILE = /^src\/main\/resources\/application(?:-([\w.-]+))?\.(properties|ya?ml)$/;

/** One setting a profile the app does not activate by default would change (told to the user, not applied). */
export interface InactiveSetting {
  profile: string;
  file: string;
  key: string;
  value: string;
}

/**
 * A Spring Boot service's effective configuration as the container starts it: `application.properties|yml`, then
 * the profiles `spring.profiles.active` (or `spring.profiles.default`) names, later files winning; YAML documents
 * gated by `spring.config.activate.on-profile` (or the older `spring.profiles`) count only for active profiles.
 */
export interface SpringConfig {
  /** The effective value of a dotted key (relaxed binding: `management.server.port`, `MANAGEMENT_SERVER_PORT`). */
  get(key: string): string | undefined;
  /** The port a key holds (`8081`, or the default of `${PORT:8081}`); undefined when unset or not a number. */
  port(key: string): number | undefined;
  /** The profiles applied, in order. */
  profiles: string[];
  /** The configuration files read. */
  files: string[];
  /** Settings that only an inactive profile sets or changes, for the keys asked about via {@link inactive}. */
  inactive(keys: readonly string[]): InactiveSetting[];
  /** Every configuration text (for the variables it reads). */
  texts: string[];
}

type Flat = Map<string, string>;
interface Source {
  profile: string | undefined;
  file: string;
  values: Flat;
}

/** Relaxed binding: `server.servlet.context-path`, `server.servlet.contextPath` and `SERVER_SERVLET_CONTEXTPATH` match. */
const canonical = (key: string) =>
  key
    .toLowerCase()
    .replace(/[-_]/g, '')
    .replace(/\[(\d+)\]/g, '.$1');

function flatten(value: unknown, prefix: string, into: Flat): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) into.set(canonical(prefix), value.join(','));
    for (const [i, v] of value.entries()) flatten(v, `${prefix}.${i}`, into);
  } else if (value !== null && value !== undefined) {
    into.set(canonical(prefix), String(value));
  }
}

function parseProperties(text: string): Flat {
  const values: Flat = new Map();
  // Continuation lines end with a backslash.
  for (const line of text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/)) {
    const m = /^\s*([^#!\s][^=:\s]*)\s*[=:\s]\s*(.*?)\s*$/.exec(line);
    if (m) values.set(canonical(m[1]!), m[2]!);
  }
  return values;
}

/** The documents of one file: YAML documents (`---`) or `#---` separated properties, each with its profile gate. */
function sourcesOf(file: string, text: string, fileProfile: string | undefined): Source[] {
  if (file.endsWith('.properties')) {
    return text.split(/^#---\s*$/m).map((part) => {
      const values = parseProperties(part);
      return { profile: values.get(canonical('spring.config.activate.on-profile')) ?? fileProfile, file, values };
    });
  }
  const sources: Source[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) continue;
    const values: Flat = new Map();
    flatten(doc.toJS(), '', values);
    const gate = values.get(canonical('spring.config.activate.on-profile')) ?? values.get(canonical('spring.profiles'));
    sources.push({ profile: gate ?? fileProfile, file, values });
  }
  return sources;
}

/** `${VAR:default}` → `default`; a placeholder without a default is not known before run time. */
function resolve(value: string): string | undefined {
  const m = /^\$\{[^:}]+(?::([^}]*))?\}$/.exec(value.trim());
  if (m) return m[1];
  return value.includes('${') ? undefined : value.trim().replace(/^['"]|['"]$/g, '');
}

/** Reads the Spring Boot configuration of the service in `dir` (see {@link SpringConfig}). */
export function readSpringConfig(project: ProjectFiles, dir: string): SpringConfig {
  const files = filesUnder(project, dir, CONFIG_FILE).sort(
    // application.properties before application.yml, as Spring orders them (properties win on a tie: read last).
    (a, b) => Number(a.path.endsWith('.properties')) - Number(b.path.endsWith('.properties')),
  );
  const all = files.flatMap((f) => {
    const name = f.path.split('/').pop()!;
    const fileProfile = /^application-([\w.-]+)\./.exec(name)?.[1];
    return sourcesOf(f.path, f.content, fileProfile);
  });
  const base = all.filter((s) => s.profile === undefined);
  const lookup = (sources: Source[], key: string) => {
    let found: string | undefined;
    for (const source of sources) found = source.values.get(canonical(key)) ?? found;
    return found;
  };
  const profiles = (lookup(base, 'spring.profiles.active') ?? lookup(base, 'spring.profiles.default') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const active = [...base, ...profiles.flatMap((p) => all.filter((s) => s.profile === p))];
  const get = (key: string) => {
    const raw = lookup(active, key);
    return raw === undefined ? undefined : resolve(raw);
  };
  return {
    get,
    port(key) {
      const value = get(key);
      return value !== undefined && /^-?\d{1,5}$/.test(value) ? Number(value) : undefined;
    },
    profiles,
    files: files.map((f) => f.path),
    texts: files.map((f) => f.content),
    inactive(keys) {
      return all
        .filter((s) => s.profile !== undefined && !profiles.includes(s.profile))
        .flatMap((s) =>
          keys
            .filter((k) => s.values.has(canonical(k)) && s.values.get(canonical(k)) !== lookup(active, k))
            .map((k) => ({ profile: s.profile!, file: s.file, key: k, value: s.values.get(canonical(k))! })),
        );
    },
  };
}
