import { z } from 'zod';

// Pieces of the container image reference grammar: `[registry[:port]/]path[/path...][:tag][@digest]`.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REGISTRY = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::[0-9]+)?';
const NAME = `(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = '[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}';

/**
 * An image repository name without tag or digest, e.g. `node`, `ghcr.io/acme/api` or `localhost:5000/todo/backend`.
 * Lowercase only, at most 255 characters, as container registries require.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const ImageName = z
  .string()
  .max(255, 'must be at most 255 characters')
  .regex(new RegExp(`^${NAME}$`), 'must be an image repository such as ghcr.io/acme/api (lowercase)');
export type ImageName = z.infer<typeof ImageName>;

/**
 * An image tag such as `1.4.0` or `20-alpine`: letters, digits, `_`, `.` and `-`, not starting with `.` or `-`,
 * at most 128 characters.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const ImageTag = z
  .string()
  .regex(new RegExp(`^${TAG}$`), 'must be a tag such as 1.4.0 (letters, digits, _ . -; 128 max)');
export type ImageTag = z.infer<typeof ImageTag>;

/**
 * A full image reference as written in a Dockerfile `FROM` or a pod's `image:` field, e.g. `node:20-alpine`,
 * `ghcr.io/acme/api:1.4.0` or `ghcr.io/acme/api@sha256:…`. Use it wherever a user or a model names an image,
 * so a typo is refused before it reaches a build or a cluster.
 * @see https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
export const ImageReference = z
  .string()
  .max(512, 'must be at most 512 characters')
  .regex(
    new RegExp(`^${NAME}(?::${TAG})?(?:@${DIGEST})?$`),
    'must be an image reference such as node:20-alpine or ghcr.io/acme/api:1.4.0',
  );
export type ImageReference = z.infer<typeof ImageReference>;
