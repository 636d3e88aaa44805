import type { Violation } from '@opspilot/core';
import { parseDockerfile } from '../../docker/dockerDoc.js';
import type { DockerRule } from '../dockerRule.js';

/** A Dockerfile that passes every Dockerfile rule (tests copy and break it). */
export const HEALTHY_DOCKERFILE = `# syntax=docker/dockerfile:1
FROM node:20.11-alpine3.19@sha256:4f5b4d1e2a7c3b9e8d6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM gcr.io/distroless/nodejs20-debian12:nonroot@sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9
WORKDIR /app
COPY --from=build /src/dist /app/dist
USER 10001
EXPOSE 8080
HEALTHCHECK CMD ["/nodejs/bin/node", "/app/dist/health.js"]
CMD ["/app/dist/server.js"]
`;

/** Runs one Dockerfile rule over `text`. */
export function runDockerRule(rule: DockerRule, text: string): Violation[] {
  return rule.check(parseDockerfile(text), undefined);
}

/** The healthy Dockerfile with `find` replaced by `replace` (throws when `find` is absent, so tests cannot rot). */
export function breakDockerfile(find: string, replace: string): string {
  if (!HEALTHY_DOCKERFILE.includes(find)) throw new Error(`"${find}" is not in the healthy Dockerfile`);
  return HEALTHY_DOCKERFILE.replace(find, replace);
}
