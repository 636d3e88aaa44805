import type { Frame } from './frame.js';
import type { Vocabulary } from './vocabulary.js';

type Obj = Record<string, unknown>;

const NAME = String.raw`([a-z0-9][a-z0-9.-]*[a-z0-9]|[a-z0-9])`;
const STOP = new Set([
  'env',
  'environment',
  'variables',
  'volume',
  'sidecar',
  'init',
  'read',
  'write',
  'access',
  'permission',
  'permissions',
  'full',
  'view',
  'rule',
  'policy',
  'with',
  'using',
  'from',
  'for',
  'in',
  'on',
  'at',
  'that',
  'which',
  'running',
  'image',
  'and',
  'to',
  'of',
  'the',
  'a',
  'an',
  'named',
  'called',
  'as',
  'there',
  'into',
  'it',
  'holding',
  'containing',
  'selecting',
  'exposing',
  'listening',
  'mounting',
  'mounted',
  'having',
  'whose',
  'where',
  'will',
  'should',
  'can',
  'who',
  'next',
  'behind',
  'by',
]);

/** A word usable as a new object's name (not a preposition or an image). */
export function nameWord(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase().replace(/[,.;:]$/, '');
  if (STOP.has(w) || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(w) || w.length > 63 || /^\d+$/.test(w)) return undefined;
  return w;
}

/** `nginx:1.27` → `nginx`, `ghcr.io/acme/api:1.4` → `api`. */
export function imageBaseName(image: string): string {
  const last = image.split('@')[0]?.split('/').pop() ?? image;
  return (last.split(':')[0] ?? last).toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** Offsets of a regex's matches, for deciding which container a phrase belongs to. */
function firstIndex(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

interface ContainerPlan {
  name: string;
  image: string;
  role: 'main' | 'sidecar' | 'init';
  at: number;
}

/** The images of a description and the container each belongs to (a sidecar, an init container, or the main one). */
export function containerImages(frame: Frame): ContainerPlan[] {
  const text = frame.text;
  const images: { image: string; at: number }[] = [];
  for (const image of frame.quantities.images) images.push({ image, at: text.indexOf(image) });
  // `nginx 1.27`, `redis version 7.2`: a repository followed by a version.
  for (const m of text.matchAll(
    /\b(?:image\s+|deploy\s+|run\s+|running\s+|of\s+|using\s+)?([a-z][a-z0-9._/-]*)\s+(?:version\s+|v)?(\d+(?:\.\d+){1,2})\b/gi,
  )) {
    const repo = m[1]?.toLowerCase() ?? '';
    if (/^(version|tag|to|at|with|of|port|replicas?|and|the|a|image|every|than|limit|request|cpu|memory)$/.test(repo))
      continue;
    if (images.some((i) => i.image.startsWith(`${repo}:`))) continue;
    images.push({ image: `${repo}:${m[2]}`, at: (m.index ?? 0) + m[0].indexOf(m[1] ?? '') });
  }
  images.sort((a, b) => a.at - b.at);
  const sidecarAt = firstIndex(
    text,
    /\bside-?car\b|\bsecond\s+container\b|\banother\s+container\b|\bhelper\s+container\b/i,
  );
  const initAt = firstIndex(text, /\binit(?:ialization)?[-\s]?containers?\b|\binit\b/i);
  const out: ContainerPlan[] = [];
  for (const { image, at } of images) {
    // `a busybox:1.36 sidecar`, `a busybox:1.36 init container`: the role word right after the image.
    const following = text.slice(at + image.length, at + image.length + 24);
    const role: ContainerPlan['role'] = /^\s+(?:logging\s+|helper\s+)?side-?car\b/i.test(following)
      ? 'sidecar'
      : /^\s+init(?:ialization)?[-\s]?container/i.test(following)
        ? 'init'
        : initAt >= 0 && at > initAt && (sidecarAt < 0 || sidecarAt < initAt || at < sidecarAt)
          ? 'init'
          : sidecarAt >= 0 && at > sidecarAt && (initAt < 0 || initAt < sidecarAt || at < initAt)
            ? 'sidecar'
            : 'main';
    out.push({ name: imageBaseName(image), image, role, at });
  }
  return out;
}

function command(text: string): string[] | undefined {
  const quoted = text.match(
    /\b(?:command|cmd|runs?|running|executes?|executing|args?|that\s+runs)\s*[:=]?\s*["'`](.+?)["'`]/i,
  );
  if (quoted?.[1]) return ['sh', '-c', quoted[1]];
  const sleep = text.match(/\b(sleep\s+(?:\d+|infinity))\b/i);
  if (sleep?.[1]) return sleep[1].split(/\s+/);
  return undefined;
}

/** Which of `key=value` pairs are node selectors, pod labels or environment variables, by the words before them. */
export function classifyPairs(frame: Frame): {
  env: Record<string, string>;
  nodeSelector: Record<string, string>;
  labels: Record<string, string>;
  selector: Record<string, string>;
} {
  const out = {
    env: {} as Record<string, string>,
    nodeSelector: {} as Record<string, string>,
    labels: {} as Record<string, string>,
    selector: {} as Record<string, string>,
  };
  for (const [key, value] of Object.entries(frame.quantities.pairs)) {
    const at = frame.text.indexOf(`${key}=`);
    const before = frame.text.slice(Math.max(0, at - 40), at).toLowerCase();
    if (/\bnodes?\b|node\s*selector|\bschedul/.test(before)) out.nodeSelector[key] = value;
    else if (/\bselect(?:or|ing|s)?\b|\bmatching\b|\btargeting\b/.test(before)) out.selector[key] = value;
    else if (/\blabel(?:s|led|ed)?\b/.test(before)) out.labels[key] = value;
    else out.env[key] = value;
  }
  return out;
}

function probe(text: string, kind: 'liveness' | 'readiness' | 'startup', port: number | undefined): Obj | undefined {
  const m = text.match(
    new RegExp(
      String.raw`\b${kind}\s*(?:probe|check)s?\b(?:\s+(?:on|at|to|hitting|checking|against|of|using|via|with))?(?:\s+(?:http|https|get|path))*\s*(\/[\w./-]*)?(?:\s+(?:on\s+)?port\s+(\d+))?`,
      'i',
    ),
  );
  const general = text.match(
    /\b(?:health\s*checks?|probes?)\b(?:\s+(?:on|at|to|hitting|checking|against|of))?\s*(\/[\w./-]*)?(?:\s+(?:on\s+)?port\s+(\d+))?/i,
  );
  const found = m ?? (kind !== 'startup' && general && !/\b(?:liveness|readiness)\b/i.test(text) ? general : null);
  if (!found) return undefined;
  const path = found[1];
  const probePort = found[2] ? Number(found[2]) : (port ?? 80);
  if (!path && /\btcp\b/i.test(text)) return { tcpSocket: { port: probePort }, periodSeconds: 10 };
  return { httpGet: { path: path ?? '/healthz', port: probePort }, periodSeconds: 10 };
}

/** Volumes and mounts described in words: ConfigMaps, Secrets, claims and emptyDirs mounted at paths. */
function volumesOf(frame: Frame, vocabulary: Vocabulary, namespace: string): { volumes: Obj[]; mounts: Obj[] } {
  const volumes: Obj[] = [];
  const mounts: Obj[] = [];
  const add = (source: Obj, name: string, path: string, readOnly: boolean) => {
    const volumeName = name.replace(/[^a-z0-9-]/g, '-').slice(0, 63);
    // One volume per name and one mount per path: the first reading (the grounded one, below) wins.
    if (volumes.some((v) => v.name === volumeName) || mounts.some((m) => m.mountPath === path)) return;
    volumes.push({ name: volumeName, ...source });
    mounts.push({ name: volumeName, mountPath: path, ...(readOnly ? { readOnly: true } : {}) });
  };
  const kindOf = (word: string | undefined, name: string): 'configMap' | 'secret' | 'pvc' | 'emptyDir' | undefined => {
    const w = (word ?? '').toLowerCase().replace(/\s+/g, '');
    if (/configmap|config/.test(w)) return 'configMap';
    if (/secret/.test(w)) return 'secret';
    if (/pvc|claim|persistentvolume|volume/.test(w) && !/emptydir/.test(w)) {
      const known = vocabulary.entities.find((e) => e.name === name && e.namespace === namespace);
      if (!known || known.kind === 'PersistentVolumeClaim') return 'pvc';
    }
    if (/emptydir|scratch|tmp|temporary|ephemeral/.test(w)) return 'emptyDir';
    const known = vocabulary.entities.find((e) => e.name === name && (e.namespace === namespace || !namespace));
    if (known?.kind === 'ConfigMap') return 'configMap';
    if (known?.kind === 'Secret') return 'secret';
    if (known?.kind === 'PersistentVolumeClaim') return 'pvc';
    return undefined;
  };
  // Grounded first: a ConfigMap, Secret or claim of the namespace named in the request, and a path, in a request
  // that speaks of mounting (`mount configmap todo-config to /etc/config`, `todo-config … available as files in
  // /etc/config`): the i-th object named goes to the i-th path.
  const paths = [...frame.text.matchAll(/(?:^|[\s(])(\/[\w.-]+(?:\/[\w.-]+)*)/g)].map((m) => m[1] ?? '');
  if (paths.length && /\b(?:mount\w*|volumes?|files?)\b/i.test(frame.text)) {
    const sources = frame.mentions
      .filter((m) => m.tier === 'exact' || m.tier === 'words')
      .map((m) => {
        const fitting = m.entities.filter(
          (e) => ['ConfigMap', 'Secret', 'PersistentVolumeClaim'].includes(e.kind) && e.namespace === namespace,
        );
        // A ConfigMap and a Secret of one name: the kind the request names.
        return fitting.find((e) => frame.kinds.includes(e.kind)) ?? fitting[0];
      })
      .filter((e): e is NonNullable<typeof e> => e !== undefined);
    sources.forEach((e, i) => {
      const path = paths[Math.min(i, paths.length - 1)] as string;
      if (e.kind === 'ConfigMap') add({ configMap: { name: e.name } }, e.name, path, true);
      else if (e.kind === 'Secret') add({ secret: { secretName: e.name } }, e.name, path, true);
      else add({ persistentVolumeClaim: { claimName: e.name } }, e.name, path, false);
    });
  }
  const TYPE = String.raw`(config\s*maps?|secrets?|pvcs?|persistent\s*volume\s*claims?|volume\s*claims?|claims?|empty\s*dirs?|emptydir|scratch\s+volume|volumes?)`;
  const forms = [
    new RegExp(
      String.raw`\bmount(?:s|ing|ed)?\s+(?:the\s+|a\s+|an\s+)?(?:${TYPE}\s+)?${NAME}?\s*(?:volume\s+)?(?:at|on|to|under|into|in)\s+(\/[\w./-]*)`,
      'gi',
    ),
    new RegExp(
      String.raw`\b${TYPE}\s+${NAME}\s+(?:mounted|as\s+a\s+volume|as\s+volume)\s+(?:at|on|under|in|to)\s+(\/[\w./-]*)`,
      'gi',
    ),
    new RegExp(String.raw`\b${NAME}\s+${TYPE}\s+(?:mounted\s+)?(?:at|on|under)\s+(\/[\w./-]*)`, 'gi'),
  ];
  for (const [index, pattern] of forms.entries()) {
    for (const m of frame.text.matchAll(pattern)) {
      // The third form names the object before its type (`the todo-config configmap`).
      const type = index === 2 ? m[2] : m[1];
      const name = ((index === 2 ? m[1] : m[2]) ?? '').toLowerCase();
      const path = m[3] ?? '';
      const kind = kindOf(type, name);
      if (kind === 'configMap' && name) add({ configMap: { name } }, name, path, true);
      else if (kind === 'secret' && name) add({ secret: { secretName: name } }, name, path, true);
      else if (kind === 'pvc' && name) add({ persistentVolumeClaim: { claimName: name } }, name, path, false);
      else if (kind === 'emptyDir' || (!name && /empty|scratch|tmp/i.test(type ?? '')))
        add({ emptyDir: {} }, name && !/^(at|on)$/.test(name) ? name : `scratch-${volumes.length}`, path, false);
    }
  }
  for (const m of frame.text.matchAll(
    /\b(?:an?\s+)?(?:empty\s*dir|emptydir|scratch\s+(?:space|volume)|temporary\s+volume|tmp\s+volume)\s+(?:volume\s+)?(?:named\s+([a-z0-9-]+)\s+)?(?:mounted\s+)?(?:at|on|under)\s+(\/[\w./-]*)/gi,
  )) {
    add({ emptyDir: {} }, m[1] ?? `scratch-${volumes.length}`, m[2] ?? '/scratch', false);
  }
  return { volumes, mounts };
}

/** Environment read from ConfigMaps and Secrets: whole (`envFrom`) or one key (`valueFrom`). */
function envFromText(text: string): { envFrom: Obj[]; env: Obj[] } {
  const envFrom: Obj[] = [];
  const env: Obj[] = [];
  const SOURCE = String.raw`(config\s*map|configmap|secret)\s+${NAME}`;
  for (const m of text.matchAll(
    new RegExp(String.raw`\b([A-Z][A-Z0-9_]*)\s+from\s+(?:the\s+)?${SOURCE}(?:\s+key\s+([\w.-]+))?`, 'g'),
  )) {
    const ref = /secret/i.test(m[2] ?? '') ? 'secretKeyRef' : 'configMapKeyRef';
    env.push({ name: m[1], valueFrom: { [ref]: { name: (m[3] ?? '').toLowerCase(), key: m[4] ?? m[1] } } });
  }
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b(?:env(?:ironment)?(?:\s+variables?|\s+vars?)?|variables|all\s+(?:the\s+)?keys?|everything|values|settings)\s+(?:(?:loaded|taken|read|populated)\s+)?(?:from|of)\s+(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?)?${SOURCE}`,
      'gi',
    ),
  )) {
    const name = (m[2] ?? '').toLowerCase();
    envFrom.push(/secret/i.test(m[1] ?? '') ? { secretRef: { name } } : { configMapRef: { name } });
  }
  for (const m of text.matchAll(
    new RegExp(
      String.raw`\b(?:env(?:ironment)?|variables|vars)\s+from\s+(?:the\s+)?${NAME}\s+(config\s*map|configmap|secret)\b`,
      'gi',
    ),
  )) {
    const name = (m[1] ?? '').toLowerCase();
    envFrom.push(/secret/i.test(m[2] ?? '') ? { secretRef: { name } } : { configMapRef: { name } });
  }
  for (const m of text.matchAll(
    new RegExp(String.raw`\b(?:with|load|using|use|inject)\s+(?:the\s+)?${SOURCE}\s+as\s+env`, 'gi'),
  )) {
    const name = (m[2] ?? '').toLowerCase();
    if (!envFrom.some((e) => JSON.stringify(e).includes(`"${name}"`)))
      envFrom.push(/secret/i.test(m[1] ?? '') ? { secretRef: { name } } : { configMapRef: { name } });
  }
  return { envFrom, env };
}

/**
 * The pod spec a description asks for: the main container (image, command, port, environment — literal, from a
 * ConfigMap or Secret — resources, probes, mounts), sidecars and init containers with their own images, volumes,
 * a node selector and a service account.
 */
export function podSpecFromText(
  frame: Frame,
  name: string,
  image: string,
  vocabulary: Vocabulary,
  namespace: string,
): Obj {
  const text = frame.text;
  const q = frame.quantities;
  const pairs = classifyPairs(frame);
  const port = q.ports[0];
  const { volumes, mounts } = volumesOf(frame, vocabulary, namespace);
  const fromSources = envFromText(text);
  const literal = Object.entries(pairs.env).map(([n, value]) => ({ name: n, value }));
  const env = [...literal, ...fromSources.env];
  const resources = {
    ...(Object.keys(q.requests).length ? { requests: q.requests } : {}),
    ...(Object.keys(q.limits).length ? { limits: q.limits } : {}),
  };
  const images = containerImages(frame);
  const firstExtra = images.find((i) => i.role !== 'main');
  const sidecarAt = firstExtra ? firstExtra.at : -1;
  const mainCommand = command(sidecarAt >= 0 ? text.slice(0, sidecarAt) : text);
  const main: Obj = {
    name,
    image,
    ...(mainCommand ? { command: mainCommand } : {}),
    ...(port ? { ports: [{ containerPort: port }] } : {}),
    ...(env.length ? { env } : {}),
    ...(fromSources.envFrom.length ? { envFrom: fromSources.envFrom } : {}),
    ...(Object.keys(resources).length ? { resources } : {}),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
  };
  for (const kind of ['liveness', 'readiness', 'startup'] as const) {
    const p = probe(text, kind, port);
    if (p) main[`${kind}Probe`] = p;
  }
  const extra = (role: 'sidecar' | 'init') =>
    images
      .filter((i) => i.role === role)
      .map((i, n) => {
        const own = command(text.slice(i.at));
        const named = text
          .slice(Math.max(0, i.at - 60), i.at)
          .match(/\b(?:named|called)\s+([a-z0-9-]+)\s*(?:with|using|running|from|image)?\s*(?:image\s+)?$/i)?.[1];
        const shares = mounts.length && /\bshar(?:e|es|ed|ing)\b/i.test(text) ? { volumeMounts: mounts } : {};
        return {
          name: (named ?? (i.name === name ? `${role}-${n + 1}` : i.name)).toLowerCase(),
          image: i.image,
          ...(own && role === 'init' ? { command: own } : {}),
          ...shares,
        };
      });
  const sidecars = extra('sidecar');
  const inits = extra('init');
  const account = text.match(
    /\b(?:service\s*account|serviceaccount)\s+(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)/i,
  )?.[1];
  const nodeName = text.match(/\bon\s+(?:the\s+)?node\s+([a-z0-9][a-z0-9.-]*)/i)?.[1];
  const nodeSelector = {
    ...pairs.nodeSelector,
    ...(nodeName && vocabulary.entities.some((e) => e.kind === 'Node' && e.name === nodeName)
      ? { 'kubernetes.io/hostname': nodeName }
      : {}),
  };
  return {
    ...(inits.length ? { initContainers: inits } : {}),
    containers: [main, ...sidecars],
    ...(volumes.length ? { volumes } : {}),
    ...(Object.keys(nodeSelector).length ? { nodeSelector } : {}),
    ...(account && !['and', 'with'].includes(account) ? { serviceAccountName: account.toLowerCase() } : {}),
  };
}
