/** One way of reading a policy sentence: when `test` matches, `params` extracts the template parameters (undefined: a required parameter is missing, with `missing` saying which). */
export interface Recognizer {
  template: string;
  test: RegExp;
  params(text: string): Record<string, unknown> | undefined;
  /** What the user must add when `params` returns undefined. */
  missing?: string;
}

const QUANTITY = '(\\d+(?:\\.\\d+)?(?:m|ki|mi|gi|ti|k|m|g|t)?)';
const LIMIT_WORDS =
  '(?:at most|no more than|not more than|not exceed|not above|below|under|up to|maximum(?: of)?|max(?:imum)?|<=|≤|of)';

/** Quantities are written as the user wrote them but with Kubernetes suffix case (`512mi` → `512Mi`, `2g` → `2G`). */
function quantity(q: string): string {
  return q.replace(/(ki|mi|gi|ti)$/, (s) => s[0]!.toUpperCase() + s[1]).replace(/([kgt])$/, (s) => s.toUpperCase());
}

function maxOf(text: string, resource: 'cpu' | 'memory'): string | undefined {
  const m = new RegExp(`${resource}[^,;]*?${LIMIT_WORDS} ${QUANTITY}\\b`).exec(text);
  if (!m?.[1]) return undefined;
  return resource === 'cpu' ? m[1] : quantity(m[1]);
}

function maxes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const cpu = maxOf(text, 'cpu');
  const memory = maxOf(text, 'memory');
  if (cpu) out.cpu = cpu;
  if (memory) out.memory = memory;
  return out;
}

/** `owner`, `owner and team`, `"app.kubernetes.io/name", owner or team` → keys. */
function keyList(s: string): string[] {
  return s
    .split(/,|\band\b|\bor\b|\bplus\b/)
    .map((k) =>
      k
        .trim()
        .replace(/^(?:an?|the)\s+/, '')
        .replace(/["'`]/g, ''),
    )
    .filter(
      (k) =>
        /^[a-z0-9][\w./-]*$/.test(k) && !['a', 'an', 'the', 'label', 'labels', 'annotation', 'annotations'].includes(k),
    );
}

function metadataKeys(
  text: string,
  word: 'label' | 'annotation',
): { key: string; allowedRegex?: string }[] | undefined {
  const stem = word === 'label' ? 'label(?:l?ed|s)?' : 'annotat(?:ed|ions?)';
  const end = '(?= matching | that match| on | set| with |\\.\\s|\\.$|$)';
  const before = new RegExp(`\\b(?:an?|the|with|have|carry|include|need) ([\\w./"'\`, -]+?) ${stem}\\b`).exec(text);
  const after = new RegExp(
    `${stem} (?:with |by )?(?:the )?(?:keys? )?(?:called |named )?([\\w./"'\`, -]+?)${end}`,
  ).exec(text);
  let keys = before ? keyList(before[1]!) : [];
  if (keys.length === 0 && after) keys = keyList(after[1]!);
  if (keys.length === 0) return undefined;
  const regex = /(?:matching|that matches|match) (?:the )?(?:regex |pattern )?["'`/]?([^"'`/\s]+)["'`/]?/.exec(
    text,
  )?.[1];
  return keys.map((key) => ({ key, ...(regex ? { allowedRegex: regex } : {}) }));
}

function repos(text: string): string[] | undefined {
  const m =
    /\bfrom (?:the )?(?:(?:registr(?:y|ies)|repositor(?:y|ies)|repos?) )?(.+?)(?:\.\s|\.$|$)/.exec(text) ??
    /(?:registr(?:y|ies)|repos?(?:itor(?:y|ies))?) (?:must be|is|are|allowed:?|only:?) (.+?)(?:\.\s|\.$|$)/.exec(text);
  if (!m) return undefined;
  const list = m[1]!
    .split(/,|\bor\b|\band\b/)
    .map((s) =>
      s
        .trim()
        .replace(/^(?:the )?(?:registry|repository|repo)\s+/, '')
        .replace(/["'`]/g, ''),
    )
    .filter((s) => /^[a-z0-9][\w.:/-]*$/.test(s) && /[./]/.test(s));
  return list.length > 0 ? list : undefined;
}

function ips(text: string): string[] {
  return text.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? [];
}

function replicaRanges(text: string): Record<string, unknown> | undefined {
  const between = /between (\d+) and (\d+) replicas?/.exec(text);
  if (between) return { ranges: [{ min_replicas: Number(between[1]), max_replicas: Number(between[2]) }] };
  const min =
    /(?:at least|minimum of|min(?:imum)?|no fewer than|not fewer than) (\d+) replicas?/.exec(text) ??
    /more than (\d+) replicas?/.exec(text);
  const max =
    /(?:at most|maximum of|max(?:imum)?|no more than|not more than|up to) (\d+) replicas?/.exec(text) ??
    /(?:fewer|less) than (\d+) replicas?/.exec(text);
  if (!min && !max) return undefined;
  const lo = min ? Number(min[1]) + (min[0].startsWith('more than') ? 1 : 0) : 0;
  const hi = max ? Number(max[1]) - (/(?:fewer|less) than/.test(max[0]) ? 1 : 0) : 1_000_000;
  return { ranges: [{ min_replicas: lo, max_replicas: hi }] };
}

const CAP =
  /\b(?:cap_)?(sys_admin|net_admin|net_raw|sys_ptrace|sys_module|sys_time|net_bind_service|chown|setuid|setgid|kill|all)\b/g;

/** The recognizers, most specific first: the first that matches decides the template. */
export const RECOGNIZERS: readonly Recognizer[] = [
  {
    template: 'k8srequiredannotations',
    test: /\bannotat/,
    params: (t) => {
      const a = metadataKeys(t, 'annotation');
      return a ? { annotations: a } : undefined;
    },
    missing: 'name the annotation keys',
  },
  {
    template: 'k8srequiredlabels',
    test: /\blabel/,
    params: (t) => {
      const l = metadataKeys(t, 'label');
      return l ? { labels: l } : undefined;
    },
    missing: 'name the label keys',
  },
  { template: 'k8simagedigests', test: /\bdigests?\b|sha256/, params: () => ({}) },
  {
    template: 'k8sdisallowedtags',
    test: /\blatest\b|\btags?\b/,
    params: (t) => {
      const named = [...t.matchAll(/(?:tag|tags) ["'`]?([\w.-]+)["'`]?/g)]
        .map((m) => m[1]!)
        .filter((x) => !['must', 'may', 'should', 'is', 'are', 'the', 'a', 'of', 'like'].includes(x));
      const tags = new Set([...(/\blatest\b/.test(t) ? ['latest'] : []), ...named]);
      return tags.size > 0 ? { tags: [...tags] } : undefined;
    },
    missing: 'name the tags to forbid',
  },
  {
    template: 'k8sallowedrepos',
    test: /\bfrom\b|registr|repositor|\brepos?\b/,
    params: (t) => {
      const r = repos(t);
      return r ? { repos: r } : undefined;
    },
    missing: 'name the registries or repositories (e.g. ghcr.io/acme)',
  },
  {
    template: 'k8srequiredprobes',
    test: /probe|health ?checks?/,
    params: (t) => {
      const probes = [
        ...(/readiness|ready|health ?checks?/.test(t) ? ['readinessProbe'] : []),
        ...(/liveness|live\b|alive|health ?checks?/.test(t) ? ['livenessProbe'] : []),
        ...(/startup/.test(t) ? ['startupProbe'] : []),
      ];
      return { probes: probes.length > 0 ? probes : ['readinessProbe', 'livenessProbe'] };
    },
  },
  {
    template: 'k8scontainerratios',
    test: /ratio|times (?:their|its|the) requests?/,
    params: (t) => {
      const m =
        /(\d+(?:\.\d+)?) ?(?:x|×|times)\b/.exec(t) ??
        /ratio (?:of )?(?:at most |no more than |of )?(\d+(?:\.\d+)?)/.exec(t);
      return m ? { ratio: Number(m[1]) } : undefined;
    },
    missing: 'give the largest limit-to-request ratio (e.g. 2)',
  },
  {
    template: 'k8srequiredresources',
    test: /limits? and requests?|requests? and limits?/,
    params: (t) => ({
      limits:
        /\bcpu\b/.test(t) && !/memory/.test(t)
          ? ['cpu']
          : /memory/.test(t) && !/\bcpu\b/.test(t)
            ? ['memory']
            : ['cpu', 'memory'],
      requests:
        /\bcpu\b/.test(t) && !/memory/.test(t)
          ? ['cpu']
          : /memory/.test(t) && !/\bcpu\b/.test(t)
            ? ['memory']
            : ['cpu', 'memory'],
    }),
  },
  { template: 'k8scontainerrequests', test: /\brequests?\b/, params: (t) => maxes(t) },
  { template: 'k8scontainerlimits', test: /\blimits?\b|\bcapped\b/, params: (t) => maxes(t) },
  {
    template: 'k8srequirepdb',
    test: /\bpdbs?\b|disruption ?budget/,
    params: (t) => {
      const m =
        /(?:more than|over) (\d+) replicas?/.exec(t) ?? /(?:at least|with) (\d+) (?:or more )?replicas?/.exec(t);
      if (!m) return {};
      return { minReplicas: Number(m[1]) + (/more than|over/.test(m[0]) ? 1 : 0) };
    },
  },
  {
    template: 'k8sreplicalimits',
    test: /replicas?\b/,
    params: replicaRanges,
    missing: 'give the allowed replica range (e.g. between 2 and 10 replicas)',
  },
  { template: 'k8sblocknodeport', test: /node ?ports?/, params: () => ({}) },
  { template: 'k8sblockloadbalancer', test: /load ?balancers?/, params: () => ({}) },
  { template: 'k8sexternalips', test: /external ?ips?|external ip addresses/, params: (t) => ({ allowedIPs: ips(t) }) },
  { template: 'k8suniqueserviceselector', test: /selector/, params: () => ({}) },
  { template: 'k8sblockwildcardingress', test: /wildcard|any host|catch-?all/, params: () => ({}) },
  {
    template: 'k8suniqueingresshost',
    test: /\b(?:unique|same|share|duplicate|two|more than one)\b[^.]*\bhost|\bhosts?\b[^.]*\b(?:unique|same|shared|duplicated?)\b/,
    params: () => ({}),
  },
  { template: 'k8shttpsonly', test: /https|plain http|allow-http|\bhttp\b/, params: () => ({}) },
  { template: 'k8singresstls', test: /\btls\b|certificate|\bssl\b|encrypt/, params: () => ({}) },
  {
    template: 'k8spspautomountserviceaccounttokenpod',
    test: /automount|service ?account tokens?|sa tokens?/,
    params: () => ({}),
  },
  {
    template: 'k8spsphostnetworkingports',
    test: /host ?network|host ?ports?/,
    params: (t) => {
      const m = /(?:between|from) (\d+) (?:and|to) (\d+)/.exec(t);
      return m ? { min: Number(m[1]), max: Number(m[2]) } : {};
    },
  },
  {
    template: 'k8spsphostnamespace',
    test: /host ?pid|host ?ipc|host(?:'s)? (?:pid|ipc|process|namespaces?)/,
    params: () => ({}),
  },
  {
    template: 'k8spsphostfilesystem',
    test: /host ?paths?|host(?:'s)? file ?system|node(?:'s)? file ?system/,
    params: (t) => {
      const prefixes = [...t.matchAll(/(?:under|below|in|except) (\/[\w./-]*)/g)].map((m) => ({
        pathPrefix: m[1]!,
        readOnly: /read-?only/.test(t),
      }));
      return { allowedHostPaths: prefixes };
    },
  },
  { template: 'k8spspallowprivilegeescalationcontainer', test: /escalat/, params: () => ({}) },
  { template: 'k8spspprivilegedcontainer', test: /\bprivileged\b/, params: () => ({}) },
  {
    template: 'k8spspcapabilities',
    test: /capabilit|\bcap_|sys_admin|net_raw|net_admin/,
    params: (t) => {
      const caps = [...t.matchAll(CAP)].map((m) => m[1]!.toUpperCase());
      const except = /(?:except|other than|besides|apart from|only) (?:cap_)?([a-z_]+)/.exec(t)?.[1]?.toUpperCase();
      if (/\bdrop\b/.test(t))
        return { allowedCapabilities: ['*'], requiredDropCapabilities: caps.length > 0 ? caps : ['ALL'] };
      return { allowedCapabilities: except ? [except] : [] };
    },
  },
  { template: 'k8spspseccomp', test: /seccomp|syscall|system call/, params: () => ({}) },
  { template: 'k8spspapparmor', test: /app ?armor/, params: () => ({}) },
  { template: 'k8spspreadonlyrootfilesystem', test: /read-?only|writable root|root file ?system/, params: () => ({}) },
  { template: 'k8spspallowedusers', test: /\broot\b|non-?root|uid 0|as a user/, params: () => ({}) },
];
