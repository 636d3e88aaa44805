import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** Options of {@link createKustomizeRenderer}. */
export interface KustomizeRendererOptions {
  /** The folder the input paths are relative to. */
  cwd: string;
  /** Path of kubectl; found with {@link locateKubectl} when unset. */
  binary?: string;
  /** Longest one build may take (default 60 s). */
  timeoutMs?: number;
}

/** Finds kubectl: `OPSPILOT_KUBECTL`, then `kubectl` on PATH. Undefined when neither is there. */
export function locateKubectl(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.OPSPILOT_KUBECTL) return env.OPSPILOT_KUBECTL;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'kubectl');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

type Built = { ok: true; value: string } | { ok: false; error: { message: string; hint?: string } };

/**
 * Builds kustomizations with `kubectl kustomize <dir>` (the kustomize built into kubectl): no cluster is
 * contacted; remote bases are fetched only if the kustomization names them. Failures carry kustomize's whole message.
 * @see https://kubectl.docs.kubernetes.io/references/kustomize/
 */
export function createKustomizeRenderer(options: KustomizeRendererOptions): { build(dir: string): Promise<Built> } {
  const binary = options.binary ?? locateKubectl();
  return {
    build: (dir) =>
      new Promise((done) => {
        if (!binary) {
          done({
            ok: false,
            error: { message: 'kubectl is not available', hint: 'install kubectl or set OPSPILOT_KUBECTL' },
          });
          return;
        }
        execFile(
          binary,
          ['kustomize', resolve(options.cwd, dir || '.')],
          {
            timeout: options.timeoutMs ?? 60_000,
            maxBuffer: 256 * 1024 * 1024,
            env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
          },
          (error, stdout, stderr) => {
            if (!error) return done({ ok: true, value: String(stdout) });
            const message = String(stderr || error.message)
              .trim()
              .replace(/^error:\s*/i, '');
            done({
              ok: false,
              error: { message, hint: 'fix the kustomization (resources, patches, bases) as kustomize says' },
            });
          },
        );
      }),
  };
}
