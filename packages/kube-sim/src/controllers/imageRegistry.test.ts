import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../loadScenario.js';
import { SimApi } from '../server/simApi.js';
import { ImageRegistry, imageRegistryOf } from './imageRegistry.js';

const pulls = (registry: ImageRegistry, images: string[]) => images.filter((i) => registry.pull(i).ok);

describe('image registry', () => {
  it('pulls the tags well-known repositories publish: versions, variants, named tags', () => {
    const images = [
      'nginx:1.21',
      'nginx:1.29',
      'nginx:1.27.3-alpine',
      'nginx:alpine',
      'nginx:stable-alpine-slim',
      'nginx',
      'docker.io/library/nginx:1.25',
      'httpd:alpine',
      'httpd:2.4.62',
      'busybox:1.36.1',
      'alpine:3.20',
      'debian:bookworm-slim',
      'ubuntu:22.04',
      'python:3.9-slim-buster',
      'python:3.12.7-slim-bookworm',
      'node:20.18.1-alpine3.20',
      'node:lts-alpine',
      'golang:1.23-alpine',
      'openjdk:17-jdk-slim',
      'eclipse-temurin:21-jre',
      'mysql:8.0.36',
      'postgres:16.2',
      'redis:7-alpine',
      'mongo:7.0',
      'rabbitmq:3-management',
      'curlimages/curl',
      'curlimages/curl:8.10.1',
      'registry.k8s.io/pause:3.10',
      'registry.k8s.io/e2e-test-images/agnhost:2.52',
      `nginx@sha256:${'a'.repeat(64)}`,
    ];
    expect(pulls(new ImageRegistry(), images)).toEqual(images);
  });

  it('refuses tags that cannot exist and repositories it does not know, with the kubelet messages', () => {
    const registry = new ImageRegistry();
    expect(
      pulls(registry, [
        'nginx:invalid-tag',
        'nginx:does-not-exist',
        'nginx:9.9.9',
        'todo/backend:9.9.9',
        'python:banana',
      ]),
    ).toEqual([]);
    expect(registry.pull('nginx:invalid-tag')).toEqual({
      ok: false,
      reason: 'ErrImagePull',
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:invalid-tag": failed to resolve reference "docker.io/library/nginx:invalid-tag": docker.io/library/nginx:invalid-tag: not found',
    });
    expect(registry.pull('acme/nothing:1.0')).toMatchObject({
      reason: 'ErrImagePull',
      message: expect.stringContaining('pull access denied, repository does not exist or may require authorization'),
    });
    expect(registry.pull('ghcr.io/acme/ghost:9.9')).toMatchObject({
      message: expect.stringContaining('401 Unauthorized'),
    });
    expect(registry.pull('registry.example.com/shop/web:1.4.2')).toMatchObject({
      message: expect.stringContaining('dial tcp: lookup registry.example.com: no such host'),
    });
    for (const malformed of ['Nginx:1.27', 'nginx::1', 'nginx:1.27 ', 'nginx@sha256:abc', '/nginx'])
      expect(registry.pull(malformed)).toEqual({
        ok: false,
        reason: 'InvalidImageName',
        message: `Failed to apply default image tag "${malformed}": couldn't parse image name "${malformed}": invalid reference format`,
      });
  });

  it('adds declared repositories and tags, and removes tags declared missing', () => {
    const registry = new ImageRegistry();
    registry.declare({ repository: 'registry.example.com/shop/web', tags: ['1.4.2'], like: 'nginx', ports: [8080] });
    registry.declare({ repository: 'nginx', missingTags: ['1.27.9'] });
    expect(registry.pull('registry.example.com/shop/web:1.4.2')).toMatchObject({
      ok: true,
      profile: { ports: [8080], binaries: expect.arrayContaining(['nginx']) },
    });
    expect(registry.pull('registry.example.com/shop/web:1.5').ok).toBe(false);
    expect(registry.pull('nginx:1.27.9').ok).toBe(false);
    expect(registry.pull('nginx:1.27.8').ok).toBe(true);
    expect(new ImageRegistry().pull('nginx:1.27.9').ok).toBe(true);
    expect(() => registry.declare({ repository: 'x/y', like: 'nope' })).toThrow(
      /no catalogued image repository "nope"/,
    );
    expect(() => registry.declare({ repository: 'x/y:1.0' })).toThrow(/not a repository reference/);
  });
});

describe('Image documents in scenarios', () => {
  const scenario = (yaml: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'sim-images-')), 'scenario.yaml');
    writeFileSync(file, yaml);
    return file;
  };

  it('declares repositories in the registry of the cluster that loads them', () => {
    const api = new SimApi({ now: () => new Date('2026-01-01T00:00:00Z') });
    const file = scenario(
      'apiVersion: sim.opspilot.dev/v1\nkind: Image\nmetadata: { name: web }\nspec: { repository: registry.example.com/shop/web, tags: ["1.4.2"], like: nginx }\n',
    );
    expect(loadScenario(api, file)).toBe(1);
    expect(imageRegistryOf(api.store).pull('registry.example.com/shop/web:1.4.2').ok).toBe(true);
    expect(
      imageRegistryOf(new SimApi({ now: () => new Date() }).store).pull('registry.example.com/shop/web:1.4.2').ok,
    ).toBe(false);
  });

  it('names the file and document of a bad declaration', () => {
    const api = new SimApi({ now: () => new Date('2026-01-01T00:00:00Z') });
    const file = scenario(
      'apiVersion: sim.opspilot.dev/v1\nkind: Image\nmetadata: { name: web }\nspec: { tags: ["1"] }\n',
    );
    expect(() => loadScenario(api, file)).toThrow(/document 1: spec.repository/);
    const like = scenario(
      'apiVersion: sim.opspilot.dev/v1\nkind: Image\nmetadata: { name: web }\nspec: { repository: a/b, like: nope }\n',
    );
    expect(() => loadScenario(api, like)).toThrow(/document 1: no catalogued image repository "nope"/);
  });
});
