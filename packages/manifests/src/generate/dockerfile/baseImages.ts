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
  maven: {
    '11': 'maven:3.9.9-eclipse-temurin-11',
    '17': 'maven:3.9.9-eclipse-temurin-17',
    '21': 'maven:3.9.9-eclipse-temurin-21',
  },
  gradle: { '11': 'gradle:8.10.2-jdk11', '17': 'gradle:8.10.2-jdk17', '21': 'gradle:8.10.2-jdk21' },
  /** JDKs for projects that bring their own build tool (`mvnw`, `gradlew`). */
  jdk: {
    '11': 'eclipse-temurin:11.0.25_9-jdk',
    '17': 'eclipse-temurin:17.0.13_11-jdk',
    '21': 'eclipse-temurin:21.0.5_11-jdk',
  },
  jre: {
    '11': 'eclipse-temurin:11.0.25_9-jre-alpine',
    '17': 'eclipse-temurin:17.0.13_11-jre-alpine',
    '21': 'eclipse-temurin:21.0.5_11-jre-alpine',
  },
  dotnetSdk: {
    '6.0': 'mcr.microsoft.com/dotnet/sdk:6.0.428-alpine3.20',
    '8.0': 'mcr.microsoft.com/dotnet/sdk:8.0.404-alpine3.20',
    '9.0': 'mcr.microsoft.com/dotnet/sdk:9.0.101-alpine3.20',
  },
  aspnet: {
    '6.0': 'mcr.microsoft.com/dotnet/aspnet:6.0.36-alpine3.20',
    '8.0': 'mcr.microsoft.com/dotnet/aspnet:8.0.11-alpine3.20',
    '9.0': 'mcr.microsoft.com/dotnet/aspnet:9.0.0-alpine3.20',
  },
  dotnetRuntime: {
    '6.0': 'mcr.microsoft.com/dotnet/runtime:6.0.36-alpine3.20',
    '8.0': 'mcr.microsoft.com/dotnet/runtime:8.0.11-alpine3.20',
    '9.0': 'mcr.microsoft.com/dotnet/runtime:9.0.0-alpine3.20',
  },
  /** The uv binary, copied from its own image into Python build stages. */
  uv: 'ghcr.io/astral-sh/uv:0.5.11',
  /** Poetry, installed with pip in Python build stages (pinned: a new Poetry can change the lock format). */
  poetry: '1.8.5',
  distrolessStatic: 'gcr.io/distroless/static-debian12:nonroot',
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
  return atLeast(BASE_IMAGES.go, minor, (v) => `golang:${v}-alpine`);
}

/**
 * The pinned image of `table` for a release that needs at least `required`: the oldest entry not older; for a
 * release newer than the table, `newer(required)` (that release's own image) rather than an older one that would
 * refuse the build.
 */
export function atLeast(table: Record<string, string>, required: string, newer: (v: string) => string): string {
  const versions = Object.keys(table).sort(compareVersions);
  const fit = versions.find((v) => compareVersions(v, required) >= 0);
  return fit ? table[fit]! : newer(required);
}

/** The Java images (build tool, JDK, JRE) for a Java release: the table's, or that release's own Temurin tags. */
export function javaImages(release: string): { maven: string; gradle: string; jdk: string; jre: string } {
  return {
    maven: atLeast(BASE_IMAGES.maven, release, (v) => `maven:3.9.9-eclipse-temurin-${v}`),
    gradle: atLeast(BASE_IMAGES.gradle, release, (v) => `gradle:8.10.2-jdk${v}`),
    jdk: atLeast(BASE_IMAGES.jdk, release, (v) => `eclipse-temurin:${v}-jdk`),
    jre: atLeast(BASE_IMAGES.jre, release, (v) => `eclipse-temurin:${v}-jre-alpine`),
  };
}

/** The .NET SDK and runtime images for a target framework version (`8.0`). */
export function dotnetImages(version: string, web: boolean): { sdk: string; runtime: string } {
  const runtime = web ? BASE_IMAGES.aspnet : BASE_IMAGES.dotnetRuntime;
  return {
    sdk: atLeast(BASE_IMAGES.dotnetSdk, version, (v) => `mcr.microsoft.com/dotnet/sdk:${v}-alpine`),
    runtime: atLeast(runtime, version, (v) => `mcr.microsoft.com/dotnet/${web ? 'aspnet' : 'runtime'}:${v}-alpine`),
  };
}
