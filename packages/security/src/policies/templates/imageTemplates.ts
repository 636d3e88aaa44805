import { containersOf, parseImageRef } from '@opspilot/manifests';
import { z } from 'zod';
import { imageDigest as imageDigestRule } from '../../rules/imageDigest.js';
import { defineTemplate } from '../policyTemplate.js';
import { POD_KINDS } from './workloadKinds.js';

const images = (obj: Parameters<typeof containersOf>[0]) =>
  containersOf(obj).map(({ c, name }) => ({ name, image: typeof c.image === 'string' ? c.image : '' }));

/** Gatekeeper `k8sallowedrepos`: every image starts with one of the repositories. */
export const allowedRepos = defineTemplate({
  id: 'k8sallowedrepos',
  title: 'Allowed repositories',
  description: 'Container images must come from one of the listed registries or repositories (prefix match)',
  kinds: POD_KINDS,
  parameters: z.object({ repos: z.array(z.string().min(1)).min(1) }),
  keywords: ['registry', 'registries', 'repo', 'repository', 'repositories', 'come from', 'pulled from', 'image'],
  check: (obj, p) =>
    images(obj)
      .filter(({ image }) => !p.repos.some((r) => image.startsWith(r)))
      .map(({ name, image }) => `container "${name}" image ${image} is not from ${p.repos.join(', ')}`),
});

/** Gatekeeper `k8sdisallowedtags` (an untagged image counts as `latest`). */
export const disallowedTags = defineTemplate({
  id: 'k8sdisallowedtags',
  title: 'Disallowed tags',
  description: 'Container images must not use the listed tags (untagged counts as latest)',
  kinds: POD_KINDS,
  parameters: z.object({ tags: z.array(z.string().min(1)).min(1) }),
  keywords: ['tag', 'tags', 'latest', 'pinned', 'version'],
  check: (obj, p) =>
    images(obj).flatMap(({ name, image }) => {
      const ref = parseImageRef(image);
      if (ref.digest && !ref.tag) return [];
      const tag = ref.tag ?? 'latest';
      return p.tags.includes(tag) ? [`container "${name}" image ${image} uses the disallowed tag "${tag}"`] : [];
    }),
});

/** Gatekeeper `k8simagedigests`: the same check as the posture rule `image-digest`, also failing latest/untagged. */
export const imageDigests = defineTemplate({
  id: 'k8simagedigests',
  title: 'Image digests',
  description: 'Container images must be referenced by digest',
  kinds: POD_KINDS,
  parameters: z.object({}),
  keywords: ['digest', 'sha256', 'immutable'],
  check: (obj, _p, ctx) => [
    ...imageDigestRule.check(obj, ctx).map((v) => v.message),
    ...images(obj)
      .filter(({ image }) => {
        const ref = parseImageRef(image);
        return !ref.digest && (!ref.tag || ref.tag === 'latest');
      })
      .map(({ name, image }) => `container "${name}" image ${image} has no digest`),
  ],
});
