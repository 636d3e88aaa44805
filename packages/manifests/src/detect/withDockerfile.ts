import type { ComposeService } from './composeServices.js';
import { appNameOf, type DetectedApp, isPlatformEnv } from './detectedApp.js';
import type { ExistingDockerfile } from './existingDockerfile.js';

/**
 * An app known only by its own Dockerfile (Rust, PHP, Elixir … or a language not detected): its port and start
 * command are the Dockerfile's (port 8080 when it EXPOSEs none), probed on the TCP port.
 */
export function containerApp(
  dir: string,
  fallbackName: string,
  dockerfile: ExistingDockerfile,
  compose?: ComposeService,
): DetectedApp {
  const port = dockerfile.port ?? compose?.port;
  return {
    name: appNameOf(compose?.name ?? fallbackName, fallbackName),
    path: dir,
    stack: 'container',
    framework: 'dockerfile',
    runtimeVersion: '',
    packageManager: 'none',
    port: port ?? 8080,
    protocol: 'http',
    // No CMD or ENTRYPOINT: the base image's own command runs.
    startCommand: dockerfile.start ?? ['(the base image command)'],
    version: '0.1.0',
    env: (compose?.env ?? []).filter((e) => !isPlatformEnv(e)).sort(),
    facts: { dockerfile: dockerfile.path },
    notes: [
      `built from its own ${dockerfile.path}${port === undefined ? ', which EXPOSEs no port: port 8080 assumed, check it' : ''}; no health endpoint known: the probes check the TCP port`,
    ],
    evidence: [dockerfile.path],
  };
}

/**
 * A detected app that has its own Dockerfile (beside it, or named by the compose file): that Dockerfile is used,
 * not generated, and what it says wins — its EXPOSEd port and its start command — with a note when they differ
 * from what the sources suggested. A compose service's name and variables are taken too.
 */
export function withDockerfile(
  app: DetectedApp,
  dockerfile?: ExistingDockerfile,
  compose?: ComposeService,
): DetectedApp {
  const notes = [...(app.notes ?? [])];
  let { port, startCommand } = app;
  if (dockerfile) {
    const exposed = dockerfile.port ?? compose?.port;
    if (exposed !== undefined && exposed !== app.port) {
      notes.push(`${dockerfile.path} exposes port ${exposed} (the sources suggest ${app.port}): ${exposed} is used`);
      port = exposed;
    }
    if (dockerfile.start) startCommand = dockerfile.start;
    notes.push(`uses the project's own ${dockerfile.path} (not generated)`);
  } else if (compose?.port !== undefined && compose.port !== app.port) {
    notes.push(`${compose.name} in the compose file publishes container port ${compose.port}: it is used`);
    port = compose.port;
  }
  return {
    ...app,
    ...(compose ? { name: appNameOf(compose.name, app.name) } : {}),
    port,
    startCommand,
    env: [...new Set([...app.env, ...(compose?.env ?? []).filter((e) => !isPlatformEnv(e))])].sort(),
    facts: { ...app.facts, ...(dockerfile ? { dockerfile: dockerfile.path } : {}) },
    ...(notes.length > 0 ? { notes } : {}),
    evidence: [...app.evidence, ...(dockerfile ? [dockerfile.path] : [])],
  };
}
