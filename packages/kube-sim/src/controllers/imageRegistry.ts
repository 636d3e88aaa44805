import { InputError } from '@opspilot/core';
import { z } from 'zod';
import { IMAGE_CATALOG, type ImageProfile, tagExists } from './imageCatalog.js';
import { type ImageReference, parseImageReference } from './imageReference.js';

/**
 * An image repository a scenario or a configuration declares besides the built-in catalogue, written as a scenario
 * document:
 * @example
 * apiVersion: sim.opspilot.dev/v1
 * kind: Image
 * metadata: { name: shop-web }
 * spec: { repository: registry.example.com/shop/web, tags: ['1.4.2'], like: nginx }
 */
export const ImageDeclaration = z
  .object({
    /** The repository as written in pod specs, without tag: `registry.example.com/shop/web`, `nginx`. */
    repository: z.string().min(1),
    /** Tags that exist (added to a built-in repository's own). */
    tags: z.array(z.string().min(1)).default([]),
    /** Tags that must not exist, even when a built-in repository's tag shape would accept them. */
    missingTags: z.array(z.string().min(1)).default([]),
    /** A built-in repository whose process facts the image shares (a plain server when missing). */
    like: z.string().min(1).optional(),
    ports: z.array(z.number().int().positive()).optional(),
    serves: z.array(z.string()).optional(),
    logs: z.array(z.string()).optional(),
    memoryMi: z.number().nonnegative().optional(),
    memoryGrowthMiPerMinute: z.number().nonnegative().optional(),
    memoryCeilingMi: z.number().nonnegative().optional(),
    cpuMillicores: z.number().nonnegative().optional(),
    binaries: z.array(z.string()).optional(),
  })
  .strict();
export type ImageDeclaration = z.input<typeof ImageDeclaration>;

/** The scenario document that declares an image repository. */
export const ImageDocument = z
  .object({
    apiVersion: z.literal('sim.opspilot.dev/v1'),
    kind: z.literal('Image'),
    metadata: z.object({ name: z.string().min(1) }).loose(),
    spec: ImageDeclaration,
  })
  .strict();

/** What pulling an image gives: its profile, or the kubelet's waiting reason and message. */
export type PullResult =
  | { ok: true; profile: ImageProfile; ref: ImageReference }
  | { ok: false; reason: 'ErrImagePull' | 'InvalidImageName'; message: string };

const PUBLIC_TOKEN_REGISTRIES = ['ghcr.io', 'quay.io', 'gcr.io', 'public.ecr.aws', 'mcr.microsoft.com', 'docker.io'];

function notFound(ref: ImageReference): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}": ${ref.canonical}: not found`;
}

function unknownRepository(ref: ImageReference): string {
  const prefix = `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}"`;
  if (ref.domain === 'docker.io')
    return `${prefix}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
  if (ref.domain === 'registry.k8s.io') return notFound(ref);
  if (PUBLIC_TOKEN_REGISTRIES.includes(ref.domain))
    return `${prefix}: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://${ref.domain}/token?scope=repository%3A${encodeURIComponent(ref.path)}%3Apull&service=${ref.domain}: 401 Unauthorized`;
  const host = ref.domain.replace(/:\d+$/, '');
  return `${prefix}: failed to do request: Head "https://${ref.domain}/v2/${ref.path}/manifests/${ref.tag}": dial tcp: lookup ${host}: no such host`;
}

/**
 * The registries a simulated cluster pulls from: the built-in catalogue of well-known repositories plus the images
 * declared for this cluster. Resolves a container's image to its profile or to the kubelet's pull failure.
 */
export class ImageRegistry {
  private readonly declared = new Map<string, ImageProfile>();

  /** Adds (or extends) a repository; a `like` naming no catalogued repository is an InputError. */
  declare(input: ImageDeclaration): void {
    const d = ImageDeclaration.parse(input);
    const ref = parseImageReference(d.repository);
    if (ref?.tag !== 'latest' || d.repository.includes(':latest'))
      throw new InputError(`image repository "${d.repository}" is not a repository reference`, {
        hint: 'write the repository without tag, e.g. registry.example.com/shop/web',
      });
    const base = this.declared.get(ref.repository) ?? (d.like ? IMAGE_CATALOG[d.like] : IMAGE_CATALOG[ref.repository]);
    if (d.like && !IMAGE_CATALOG[d.like])
      throw new InputError(`no catalogued image repository "${d.like}" to be like`, {
        hint: `use one of ${Object.keys(IMAGE_CATALOG).join(', ')}`,
      });
    const sameRepository = base === IMAGE_CATALOG[ref.repository] || base === this.declared.get(ref.repository);
    const facts = Object.fromEntries(
      Object.entries({
        ports: d.ports,
        serves: d.serves,
        logs: d.logs,
        memoryMi: d.memoryMi,
        memoryGrowthMiPerMinute: d.memoryGrowthMiPerMinute,
        memoryCeilingMi: d.memoryCeilingMi,
        cpuMillicores: d.cpuMillicores,
        binaries: d.binaries,
      }).filter(([, v]) => v !== undefined),
    );
    const profile: ImageProfile = {
      ...(base ?? IMAGE_CATALOG['todo/backend']!),
      ...(base ? {} : { serves: ['/', '/healthz'], logs: ['started'], ports: [] }),
      ...facts,
      tags: [...(sameRepository && base ? base.tags : []), ...d.tags],
      tagPattern: sameRepository ? base?.tagPattern : undefined,
      missingTags: [...((sameRepository && base?.missingTags) || []), ...d.missingTags],
    };
    this.declared.set(ref.repository, profile);
  }

  /** Resolves an image as the kubelet's pull would. */
  pull(image: string): PullResult {
    const ref = parseImageReference(image);
    if (!ref)
      return {
        ok: false,
        reason: 'InvalidImageName',
        message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
      };
    const profile = this.declared.get(ref.repository) ?? IMAGE_CATALOG[ref.repository];
    if (!profile) return { ok: false, reason: 'ErrImagePull', message: unknownRepository(ref) };
    if (!tagExists(profile, ref)) return { ok: false, reason: 'ErrImagePull', message: notFound(ref) };
    return { ok: true, profile, ref };
  }

  /** The profile of a pullable image, or undefined. */
  lookup(image: string): ImageProfile | undefined {
    const result = this.pull(image);
    return result.ok ? result.profile : undefined;
  }
}

const registries = new WeakMap<object, ImageRegistry>();

/** The image registry of the cluster that owns `store` (one per cluster, created on first use). */
export function imageRegistryOf(store: object): ImageRegistry {
  let registry = registries.get(store);
  if (!registry) {
    registry = new ImageRegistry();
    registries.set(store, registry);
  }
  return registry;
}
