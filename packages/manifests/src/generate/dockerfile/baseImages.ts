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
  go: { '1.21': 'golang:1.21.13-alpine3.20', '1.22': 'golang:1.22.9-alpine3.20', '1.23': 'golang:1.23.3-alpine3.20' },
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
