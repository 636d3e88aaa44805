import { describe, expect, it } from 'vitest';
import { DockerImage, NewDockerImage } from './dockerImage.js';

const image = {
  id: '6f1c2a4e-8d3b-4c7a-9e5f-1a2b3c4d5e6f',
  name: 'ghcr.io/acme/api',
  tag: '1.4.0',
  base_image: 'node:20-alpine',
};
const scan = { scanned_at: '2026-01-01T00:00:00.000Z', critical: 0, high: 1, medium: 2, low: 3, passed: true };

describe('DockerImage', () => {
  it('accepts a minimal image and fills the defaults', () => {
    expect(DockerImage.parse(image)).toMatchObject({ dependencies: [], optimization: { notes: [] } });
  });

  it('refuses an uppercase name, a bad tag and a bad base image', () => {
    expect(DockerImage.safeParse({ ...image, name: 'Ghcr.io/Acme' }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, tag: '-bad' }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, base_image: 'node:20 alpine' }).success).toBe(false);
  });

  it('accepts a scan summary and refuses negative counts or a missing verdict', () => {
    expect(DockerImage.parse({ ...image, security_scan: scan }).security_scan?.passed).toBe(true);
    expect(DockerImage.safeParse({ ...image, security_scan: { ...scan, high: -1 } }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, security_scan: { ...scan, passed: undefined } }).success).toBe(false);
  });

  it('refuses a negative or fractional size', () => {
    expect(DockerImage.safeParse({ ...image, size_bytes: -1 }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, size_bytes: 1.5 }).success).toBe(false);
    expect(DockerImage.safeParse({ ...image, size_bytes: 52_000_000 }).success).toBe(true);
  });

  it('lets a caller create an image without an id', () => {
    const { id: _id, ...fields } = image;
    expect(NewDockerImage.safeParse(fields).success).toBe(true);
    expect('id' in NewDockerImage.parse({ ...fields, id: image.id })).toBe(false);
  });
});
