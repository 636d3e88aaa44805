/** An image reference split the way containerd normalises it (`nginx` → `docker.io/library/nginx:latest`). */
export interface ImageReference {
  /** Registry host (`docker.io` when the reference names none). */
  domain: string;
  /** Repository path inside the registry (`library/nginx`, `curlimages/curl`). */
  path: string;
  /** The short repository name kubectl users write: `nginx`, `curlimages/curl`, `registry.k8s.io/pause`. */
  repository: string;
  /** The tag (default `latest`). */
  tag: string;
  digest?: string;
  /** The fully qualified reference containerd resolves: `docker.io/library/nginx:1.27`. */
  canonical: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const DOMAIN = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;

/**
 * Parses an image reference with the grammar of the distribution reference library (`[domain/]path[:tag][@digest]`),
 * or returns undefined for what the kubelet rejects as `invalid reference format` (upper case in the path, an
 * empty component, a bad tag or digest).
 */
export function parseImageReference(image: string): ImageReference | undefined {
  if (!image || image !== image.trim() || image.length > 255) return undefined;
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  if (digest !== undefined && !DIGEST.test(digest)) return undefined;
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const hasDomain = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const domain = hasDomain ? first : 'docker.io';
  const rest = hasDomain ? name.slice(slash + 1) : name;
  const colon = rest.lastIndexOf(':');
  const tag = colon >= 0 ? rest.slice(colon + 1) : 'latest';
  const pathPart = colon >= 0 ? rest.slice(0, colon) : rest;
  if (hasDomain && !DOMAIN.test(domain)) return undefined;
  if (!TAG.test(tag) || !pathPart.split('/').every((c) => COMPONENT.test(c))) return undefined;
  const path = domain === 'docker.io' && !pathPart.includes('/') ? `library/${pathPart}` : pathPart;
  const repository = domain === 'docker.io' ? path.replace(/^library\//, '') : `${domain}/${path}`;
  const canonical = `${domain}/${path}${digest && colon < 0 ? '' : `:${tag}`}${digest ? `@${digest}` : ''}`;
  return { domain, path, repository, tag, ...(digest ? { digest } : {}), canonical };
}
