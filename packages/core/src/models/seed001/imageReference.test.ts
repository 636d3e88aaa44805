import { describe, expect, it } from 'vitest';
import { ImageName, ImageReference, ImageTag } from './imageReference.js';

const digest = `sha256:${'ab12'.repeat(16)}`;

describe('image names, tags and references', () => {
  it.each(['node', 'ghcr.io/acme/api', 'localhost:5000/todo/backend', 'registry-1.docker.io/library/a__b', 'x.y-z'])(
    'accepts the name %s',
    (name) => expect(ImageName.safeParse(name).success).toBe(true),
  );

  it.each(['Node', 'ghcr.io/Acme/api', 'api/', '/api', 'api//x', 'api:1.0', '-api', 'a'.repeat(256)])(
    'refuses the name %s',
    (name) => expect(ImageName.safeParse(name).success).toBe(false),
  );

  it('accepts tags of up to 128 characters that do not start with . or -', () => {
    for (const tag of ['1.4.0', '20-alpine', 'latest', 'V2_rc.1', 'a'.repeat(128)]) {
      expect(ImageTag.safeParse(tag).success).toBe(true);
    }
    for (const tag of ['-bad', '.hidden', 'a:b', 'a/b', '', 'a'.repeat(129)]) {
      expect(ImageTag.safeParse(tag).success).toBe(false);
    }
  });

  it.each([
    'scratch',
    'node:20-alpine',
    'gcr.io/distroless/nodejs20-debian12:nonroot',
    'localhost:5000/todo/backend',
    'localhost:5000/todo/backend:1.0',
    `ghcr.io/acme/api@${digest}`,
    `ghcr.io/acme/api:1.4.0@${digest}`,
  ])('accepts the reference %s', (ref) => expect(ImageReference.safeParse(ref).success).toBe(true));

  it.each(['Node:20', 'node:', 'node:20:alpine', 'node@sha256:xyz', 'node 20', 'node:-20', 'ghcr.io/acme/api@'])(
    'refuses the reference %s',
    (ref) => expect(ImageReference.safeParse(ref).success).toBe(false),
  );
});
