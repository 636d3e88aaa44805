import type { FileError, FileRead } from '../controllers/fileWrites.js';
import type { ImageProfile } from '../controllers/imageCatalog.js';
import { imageRegistryOf } from '../controllers/imageRegistry.js';
import { podEnv } from '../controllers/podEnv.js';
import { type DirListing, listPodDir, readPodFile, writePodFile } from '../controllers/podFiles.js';
import type { ApiContext } from '../server/apiContext.js';
import type { KubeObject } from '../store/kubeObject.js';

/**
 * What `kubectl exec` sees of one container: its image's facts, its environment and its files (image files, volume
 * mounts and earlier writes), and where its own writes go.
 */
export interface ExecPod {
  pod: KubeObject;
  container: string;
  profile: ImageProfile;
  /** Whether the image's shell and tools are busybox applets (their messages differ from dash and coreutils). */
  busybox: boolean;
  env(): Record<string, string>;
  read(path: string): FileRead;
  list(path: string): DirListing;
  write(path: string, op: 'write' | 'append' | 'remove' | 'mkdir', content?: string): { ok: true } | FileError;
}

/**
 * The exec view of `container` in `pod`, read from the cluster now (the pod's environment and files as the
 * simulated kubelet builds them: `podEnv`, `readPodFile`, `listPodDir`, `writePodFile`).
 */
export function execPodOf(ctx: ApiContext, pod: KubeObject, container: string, image: string): ExecPod {
  const profile = imageRegistryOf(ctx.store).lookup(image);
  if (!profile) throw new Error(`image ${image} is not pullable`);
  const view = { store: ctx.store, registry: ctx.registry, now: ctx.now };
  return {
    pod,
    container,
    profile,
    busybox: profile.binaries.includes('busybox'),
    env: () => podEnv(view, pod, container),
    read: (path) => readPodFile(view, pod, container, path),
    list: (path) => listPodDir(view, pod, container, path),
    write: (path, op, content) => writePodFile(view, pod, container, path, { op, content }),
  };
}
