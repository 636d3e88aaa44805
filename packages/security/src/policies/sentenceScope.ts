import { POD_KINDS } from './templates/workloadKinds.js';

const KIND_WORDS: [RegExp, string[]][] = [
  [/\bdeployments?\b/, ['Deployment']],
  [/\bstateful ?sets?\b/, ['StatefulSet']],
  [/\bdaemon ?sets?\b/, ['DaemonSet']],
  [/\bcron ?jobs?\b/, ['CronJob']],
  [/(?<!cron ?)\bjobs?\b/, ['Job']],
  [/\breplica ?sets?\b/, ['ReplicaSet']],
  [/\bservices?\b(?! ?accounts?)/, ['Service']],
  [/\bingress(?:es)?\b/, ['Ingress']],
];

/** What a sentence says about which objects: kinds named, namespaces named ("in namespace shop", "in the shop namespace"). */
export interface SentenceScope {
  kinds?: string[];
  namespaces?: string[];
  /** The sentence with the namespace phrase removed, lower-cased and with spaces collapsed. */
  text: string;
}

/**
 * Reads the scope of a policy sentence: the kinds it names and the namespaces it limits itself to.
 */
export function sentenceScope(sentence: string): SentenceScope {
  let text = ` ${sentence.toLowerCase().replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()} `;
  const namespaces: string[] = [];
  text = text.replace(
    /\b(?:in|within|inside) (?:the )?namespaces? ["']?([a-z0-9][a-z0-9-]*)["']?/g,
    (_m, ns: string) => {
      namespaces.push(ns);
      return ' ';
    },
  );
  text = text.replace(
    /\b(?:in|within|inside) (?:the )?["']?([a-z0-9][a-z0-9-]*)["']? namespace\b/g,
    (_m, ns: string) => {
      namespaces.push(ns);
      return ' ';
    },
  );
  const kinds = new Set<string>();
  for (const [re, k] of KIND_WORDS) if (re.test(text)) for (const x of k) kinds.add(x);
  // Pods, containers, workloads and images mean every kind that runs pods (a scan checks each pod's owner).
  if (/\b(pods?|containers?|workloads?|images?)\b/.test(text) && [...kinds].every((k) => POD_KINDS.includes(k)))
    for (const k of POD_KINDS) kinds.add(k);
  return {
    ...(kinds.size > 0 ? { kinds: [...kinds] } : {}),
    ...(namespaces.length > 0 ? { namespaces } : {}),
    text: text.replace(/\s+/g, ' ').trim(),
  };
}
