import { eachLimited, type KubeObject } from '@opspilot/core';
import type { KnownKind } from '../intent/kindWords.js';
import type { ObjectLister } from '../resolve/resolveTarget.js';

/** One live object the request may name. */
export interface Entity {
  kind: KnownKind;
  name: string;
  namespace?: string;
  object: KubeObject;
}

/** The cluster's own words: its objects (with their label values, containers and images) and namespaces. */
export interface Vocabulary {
  entities: Entity[];
  namespaces: string[];
}

/** Kinds whose objects are entities; Pods only by their exact (generated) name. */
export const VOCABULARY_KINDS: KnownKind[] = [
  'Namespace',
  'Node',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Service',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'HorizontalPodAutoscaler',
  'Job',
  'CronJob',
  'Ingress',
  'ServiceAccount',
  'Pod',
];

/** Lists running at once while the vocabulary loads (the same bound as a cluster snapshot's). */
const LIST_CONCURRENCY = 8;

/**
 * Lists every kind of {@link VOCABULARY_KINDS} once (in every namespace: the lister caches, so name resolution later
 * reuses the lists) and returns the cluster's vocabulary. Kinds the user may not list are simply absent.
 */
export async function loadVocabulary(lister: ObjectLister): Promise<Vocabulary> {
  // A list that fails on the way (a connection reset) is asked for once more before the request fails. At most
  // LIST_CONCURRENCY lists run at once, as a snapshot does, so one request never opens a connection per kind.
  const lists: KubeObject[][] = new Array(VOCABULARY_KINDS.length);
  await eachLimited(VOCABULARY_KINDS, LIST_CONCURRENCY, async (kind, i) => {
    lists[i] = await lister.list(kind as KnownKind).catch(() => lister.list(kind as KnownKind));
  });
  const entities: Entity[] = [];
  lists.forEach((objects, i) => {
    const kind = VOCABULARY_KINDS[i] as KnownKind;
    for (const object of objects) {
      entities.push({
        kind,
        name: object.metadata.name,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
        object,
      });
    }
  });
  const namespaces = entities.filter((e) => e.kind === 'Namespace').map((e) => e.name);
  return { entities, namespaces };
}
