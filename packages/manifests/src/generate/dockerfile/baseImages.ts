/**
 * The base images generated Dockerfiles start from, each pinned to an exact release (never `latest` or a bare
 * major) so a rebuild gives the same system. Update them here, in one place.
 */
export const BASE_IMAGES = {
  node: { '18': 'node:18.20.5-alpine3.20', '20': 'node:20.18.1-alpine3.20', '22': 'node:22.11.0-alpine3.20' },
  python: {
    '3.9': 'python:3.9.20-slim-bookworm',
    '3.10': 'python:3.10.15-slim-bookworm',
    '3.11': 'python:3.11.10-slim-bookworm',
    '3.12': 'python:3.12.7-slim-bookworm',
    '3.13': 'python:3.13.0-slim-bookworm',
  },
  go: {
    '1.21': 'golang:1.21.13-alpine3.20',
    '1.22': 'golang:1.22.9-alpine3.20',
    '1.23': 'golang:1.23.3-alpine3.20',
    '1.24': 'golang:1.24.2-alpine3.21',
    '1.25': 'golang:1.25.0-alpine3.22',
  },
  alpine: 'alpine:3.20.3',
  busybox: 'busybox:1.36.1',
  maven: { '17': 'maven:3.9.9-eclipse-temurin-17', '21': 'maven:3.9.9-eclipse-temurin-21' },
  gradle: { '17': 'gradle:8.10.2-jdk17', '21': 'gradle:8.10.2-jdk21' },
  jre: { '17': 'eclipse-temurin:17.0.13_11-jre-alpine', '21': 'eclipse-temurin:21.0.5_11-jre-alpine' },
  nginx: 'nginxinc/nginx-unprivileged:1.27.2-alpine',
} as const;

/** The pinned image for `version` in a table, falling back to `fallback`'s entry. */
export function pick<T extends Record<string, string>>(table: T, version: string, fallback: keyof T): string {
  return (table as Record<string, string>)[version] ?? table[fallback]!;
}

/** Compares `1.N` (or `1.N.P`) versions numerically. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The Go builder image for a module that needs at least `required` (go.mod's `go` line, or its `toolchain`): the
 * oldest pinned image whose minor release is not older; for a release newer than the table, that release's own
 * Alpine image (`golang:1.26-alpine`) rather than an older toolchain that would refuse the module.
 */
export function goBuilderImage(required: string): string {
  const minor = required.split('.').slice(0, 2).join('.');
  const versions = Object.keys(BASE_IMAGES.go).sort(compareVersions);
  const fit = versions.find((v) => compareVersions(v, minor) >= 0);
  return fit ? BASE_IMAGES.go[fit as keyof typeof BASE_IMAGES.go] : `golang:${minor}-alpine`;
}
