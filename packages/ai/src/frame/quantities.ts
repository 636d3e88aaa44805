import type { ScaleAmount } from '../intent/intent.js';
import { normalizeQuantity, parseCount, parseWindow } from '../intent/numbers.js';

/** What the typed extractors found in a request; `used` holds the character ranges they read. */
export interface Quantities {
  scale?: ScaleAmount;
  /** CPU and memory for requests and limits. */
  requests: { cpu?: string; memory?: string };
  limits: { cpu?: string; memory?: string };
  /** A storage size (`15Gi`, `50 GB`). */
  size?: string;
  ports: number[];
  targetPort?: number;
  images: string[];
  /** A bare version (`version 1.1`, `to v2`). */
  tag?: string;
  /** `KEY=value` pairs, quotes removed. */
  pairs: Record<string, string>;
  /** `key-` (kubectl's removal form). */
  removals: string[];
  labelSelector?: string;
  sinceSeconds?: number;
  tailLines?: number;
  revision?: number;
  minReplicas?: number;
  maxReplicas?: number;
  percent?: number;
  used: [number, number][];
}

const NUM = String.raw`(\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;
const DOWN =
  /\b(down|decrease|reduc\w*|shrink\w*|cut|lower|fewer|less|minus|drop|remove|subtract|trim|scale\s+in|away)\b/i;
const MEM_UNIT = String.raw`(?:ki|mi|gi|ti|kib|mib|gib|tib|kb|mb|gb|tb|k|g|t|M|G|T)`;
const CPU_WORD = /^(cpus?|cores?|vcpus?|millicores?|processor)$/i;
const MEM_WORD = /^(memory|mem|ram)$/i;
const REQUEST_WORD = /^(requests?|request(?:ed|ing)|reserve[ds]?|reserving|reservation|guarantee[ds]?|minimum|min)$/i;
const LIMIT_WORD = /^(limits?|limit|cap|caps|capped|max|maximum|ceiling)$/i;

/** Words asking for an autoscaler: `autoscale`, `hpa`, `scale automatically`, `scale itself automatically`. */
export const AUTOSCALE_WORDS =
  /\b(?:auto-?scal\w*|hpa|horizontal\s+pod\s+autoscaler|scal\w*\s+(?:\w+\s+)?automatically|automatic(?:ally)?\s+scal\w*)\b/i;

function num(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(word)) return Number(word);
  return parseCount(word);
}

/**
 * Reads the typed values of a request: replica counts (absolute, relative, percentages, double/half), CPU and
 * memory quantities (each taken as a request or a limit by the nearest word saying which, both when none does),
 * storage sizes, ports, image references and versions, `KEY=value` pairs and label selectors, time windows, line
 * counts, revisions and autoscaling bounds. Independent of word order; `text` is the cleaned request.
 */
export function extractQuantities(text: string): Quantities {
  const q: Quantities = { requests: {}, limits: {}, ports: [], images: [], pairs: {}, removals: [], used: [] };
  const use = (m: RegExpMatchArray | RegExpExecArray) => q.used.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const isUsed = (at: number) => q.used.some(([a, b]) => at >= a && at < b);

  // key=value pairs (and label selectors)
  const selector = text.match(
    /(?:-l\s+|--selector[=\s]+|\b(?:with|having|labell?ed|matching|selector)\s+(?:the\s+)?(?:labels?\s+)?)([a-z0-9./-]+!?=[a-z0-9._-]+(?:,[a-z0-9./-]+!?=[a-z0-9._-]+)*)/i,
  );
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_./-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s,]+)/g)) {
    use(m);
    if (m[1]) q.pairs[m[1]] = (m[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
  }
  if (selector?.[1] && /\b(pods?|list|show|get|which|what|find|deployments?|services?)\b/i.test(text)) {
    q.labelSelector = selector[1];
  }
  for (const m of text.matchAll(/(?:^|\s)([a-z0-9][a-z0-9./-]*[a-z0-9])-(?=\s|$)/gi)) {
    if (m[1] && /^(?:label|annotate|unlabel)\b/i.test(text)) q.removals.push(m[1]);
  }

  // image references: a repository with a tag or digest, or a registry path with a tag
  for (const m of text.matchAll(
    /(?:^|[\s([])((?:[a-z0-9.-]+(?::\d+)?\/)*[a-z0-9][a-z0-9._-]*(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64}))(?=[\s)\],;]|$)/gi,
  )) {
    const image = m[1] ?? '';
    if (/^(deployment|deploy|pod|service|svc|statefulset|sts|node|ns|namespace)\//i.test(image)) continue;
    if (/^\d+:\d+$/.test(image)) continue;
    const start = (m.index ?? 0) + m[0].length - image.length;
    if (isUsed(start)) continue;
    q.images.push(image);
    q.used.push([start, start + image.length]);
  }
  const bareImage = text.match(/\bimage\s+([a-z0-9][a-z0-9._/-]*)(?=\s|$|,)/i);
  if (bareImage?.[1] && !q.images.length && !/^(of|to|for|on|in|from|with|version|tag)$/i.test(bareImage[1])) {
    const start = (bareImage.index ?? 0) + bareImage[0].length - bareImage[1].length;
    q.images.push(bareImage[1]);
    q.used.push([start, start + bareImage[1].length]);
  }
  const version = text.match(
    /\b(?:version|tag|release|v)\s*[:=]?\s*(v?\d+(?:\.[\w-]+)*)\b|\b(?:to|using|at|on|with)\s+(v?\d+\.\d+(?:\.[\w-]+)*)\b(?!\s*(?:%|cpu|cores?|gi|mi))/i,
  );
  if (version) {
    q.tag = (version[1] ?? version[2]) as string;
    use(version);
  }

  // time windows and line counts
  const window = parseWindow(text);
  if (window) q.sinceSeconds = window;
  const windowText = text.match(
    /\b(?:in|over|for|during|within|from)?\s*(?:the\s+)?(?:last|past|previous|since)\s+(?:\d+\s*\w+|an?\s+\w+|one\s+\w+|\w+)\b/i,
  );
  if (window && windowText) use(windowText);
  const lines = text.match(/\b(?:last|tail(?:\s+-n)?|latest|first)\s+(\d+)(?:\s+lines?)\b|\b(\d+)\s+lines?\b/i);
  if (lines) {
    q.tailLines = Number(lines[1] ?? lines[2]);
    use(lines);
  }
  const revision = text.match(/\b(?:revision|rev)\s*#?\s*(\d+)\b/i);
  if (revision) {
    q.revision = Number(revision[1]);
    use(revision);
  }

  // ports
  const ports = text.matchAll(
    /\b(?:port|ports)\s+(\d{1,5})(?:\s*(?:->|to|:)\s*(\d{1,5}))?|\bon\s+:?(\d{2,5})\b|:(\d{2,5})\b/gi,
  );
  for (const m of ports) {
    const start = m.index ?? 0;
    if (isUsed(start + 1)) continue;
    const port = Number(m[1] ?? m[3] ?? m[4]);
    if (port >= 1 && port <= 65535) q.ports.push(port);
    if (m[2]) q.targetPort = Number(m[2]);
    use(m);
  }
  const target = text.match(
    /\btarget\s*-?\s*port\s+(?:of\s+)?(\d{1,5})\b|\b(?:to|forwarding\s+to|->)\s+(?:container\s+)?port\s+(\d{1,5})\b/i,
  );
  if (target) {
    q.targetPort = Number(target[1] ?? target[2]);
    use(target);
  }

  // autoscaling bounds and percentages
  const between = text.match(
    new RegExp(
      String.raw`\b(?:between|from)\s+${NUM}\s+(?:replicas?\s+|pods?\s+)?(?:and|to|-|up\s+to|and\s+up\s+to)\s+${NUM}\b|\bmin(?:imum)?(?:\s+of)?\s+${NUM}\b[\s\S]*?\bmax(?:imum)?(?:\s+of)?\s+${NUM}\b|\b${NUM}\s*(?:-|to)\s*${NUM}\s+(?:replicas|pods|instances)\b`,
      'i',
    ),
  );
  if (between && (AUTOSCALE_WORDS.test(text) || /\bhorizontal\b/i.test(text))) {
    q.minReplicas = num(between[1] ?? between[3] ?? between[5]);
    q.maxReplicas = num(between[2] ?? between[4] ?? between[6]);
    use(between);
  } else if (AUTOSCALE_WORDS.test(text) || /\bhorizontal\b/i.test(text)) {
    const max = text.match(
      new RegExp(
        String.raw`\b(?:max(?:imum)?|up\s+to|at\s+most|never\s+(?:above|more\s+than|over)|no\s+more\s+than|not\s+more\s+than)\s+(?:of\s+)?${NUM}\b`,
        'i',
      ),
    );
    const min = text.match(
      new RegExp(
        String.raw`\b(?:min(?:imum)?|at\s+least|never\s+(?:below|less\s+than|fewer\s+than|under)|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than)\s+(?:of\s+)?${NUM}\b`,
        'i',
      ),
    );
    if (max) {
      q.maxReplicas = num(max[1]);
      use(max);
    }
    if (min) {
      q.minReplicas = num(min[1]);
      use(min);
    }
  }
  const percent = text.match(/(\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)/i);
  if (percent) {
    q.percent = Number(percent[1]);
    use(percent);
  }

  // resources and storage sizes
  const resourceTokens = [...text.matchAll(/\S+/g)].map((m) => ({
    word: m[0].replace(/[,.;]$/, ''),
    at: m.index ?? 0,
  }));
  for (let i = 0; i < resourceTokens.length; i++) {
    const { word, at } = resourceTokens[i] as { word: string; at: number };
    if (isUsed(at)) continue;
    let value: string | undefined;
    let resource: 'cpu' | 'memory' | undefined;
    const m = word.match(new RegExp(String.raw`^(\d+(?:\.\d+)?)(${MEM_UNIT}|ib)$`, 'i'));
    const next = resourceTokens[i + 1]?.word ?? '';
    if (m && !/^\d+(?:\.\d+)?m$/.test(word)) {
      value = normalizeQuantity(word);
      resource = 'memory';
    } else if (/^\d+(?:\.\d+)?m$/.test(word)) {
      value = word;
      resource = 'cpu';
    } else if (
      /^\d+(?:\.\d+)?$/.test(word) &&
      new RegExp(`^${MEM_UNIT}$|^(mib|gib|mb|gb|megabytes?|gigabytes?)$`, 'i').test(next)
    ) {
      const unit = next
        .toLowerCase()
        .replace(/^megabytes?$/, 'mb')
        .replace(/^gigabytes?$/, 'gb');
      value = normalizeQuantity(`${word}${unit}`);
      resource = 'memory';
    } else if (/^\d+(?:\.\d+)?$/.test(word) && (CPU_WORD.test(next) || /^millicores?$/i.test(next))) {
      value = /^millicores?$/i.test(next) ? `${word}m` : word;
      resource = 'cpu';
    } else if (/^\d+(?:\.\d+)?$/.test(word)) {
      const prev = resourceTokens.slice(Math.max(0, i - 4), i).map((t) => t.word);
      if (prev.some((w) => CPU_WORD.test(w)) && !prev.some((w) => MEM_WORD.test(w))) {
        value = word;
        resource = 'cpu';
      }
    }
    if (!value || !resource) continue;
    q.used.push([at, at + word.length]);
    if (resource === 'memory' && !resourceTokens.some((t) => MEM_WORD.test(t.word) || CPU_WORD.test(t.word))) {
      q.size ??= value;
      if (!/\b(memory|mem|ram|request|limit)/i.test(text)) continue;
    }
    // which resource, when the unit alone does not say: the nearest resource word
    const near = (pattern: RegExp, back: number, ahead: number) => {
      for (let d = 1; d <= Math.max(back, ahead); d++) {
        if (d <= back && pattern.test(resourceTokens[i - d]?.word ?? '')) return -d;
        if (d <= ahead && pattern.test(resourceTokens[i + d]?.word ?? '')) return d;
      }
      return undefined;
    };
    if (
      resource === 'memory' &&
      near(MEM_WORD, 4, 2) === undefined &&
      near(CPU_WORD, 2, 1) !== undefined &&
      /^\d+m$/i.test(word)
    )
      resource = 'cpu';
    const req = near(REQUEST_WORD, 5, 2);
    const lim = near(LIMIT_WORD, 5, 2);
    let which: 'requests' | 'limits' | 'both';
    if (req !== undefined && (lim === undefined || Math.abs(req) < Math.abs(lim))) which = 'requests';
    else if (lim !== undefined) which = 'limits';
    else if (/^(?:limit|cap|restrict|constrain)\b/i.test(text)) which = 'limits';
    else if (/\brequest(?:s|ed|ing)?\b/i.test(text) && !/\blimit(?:s|ed)?\b/i.test(text)) which = 'requests';
    else if (/\blimits?\b/i.test(text) && !/\brequests?\b/i.test(text)) which = 'limits';
    else which = 'both';
    if (which !== 'limits') q.requests[resource] = value;
    if (which !== 'requests') q.limits[resource] = value;
  }
  const storage = text.match(/\b(\d+(?:\.\d+)?)\s*(gi|mi|ti|gib|mib|tib|gb|mb|tb|g|t)\b/i);
  if (storage && !q.size) q.size = normalizeQuantity(`${storage[1]}${storage[2]}`);

  q.scale = scaleAmount(text, q, isUsed);
  return q;
}

function scaleAmount(text: string, q: Quantities, isUsed: (at: number) => boolean): ScaleAmount | undefined {
  const down = DOWN.test(text);
  if (/\b(double|doubl\w+|twice)\b|\b2x\b|\bx2\b|\btimes\s+two\b/i.test(text)) return { mode: 'factor', factor: 2 };
  if (/\b(triple|tripl\w+|three\s+times|3x)\b/i.test(text)) return { mode: 'factor', factor: 3 };
  if (/\b(halve|halv\w+|half|in\s+half|by\s+half)\b/i.test(text)) return { mode: 'factor', factor: 0.5 };
  if (
    q.percent !== undefined &&
    /\bby\b|\b(increase|grow|raise|bump|add|more|up|decrease|reduce|shrink|cut|down|lower|fewer)\b/i.test(text)
  ) {
    return { mode: 'percent', percent: down ? -q.percent : q.percent };
  }
  const by = text.match(new RegExp(String.raw`\bby\s+(?:another\s+)?${NUM}\b(?!\s*(?:%|percent))`, 'i'));
  if (by && !isUsed(by.index ?? 0)) {
    const n = num(by[1]);
    if (n !== undefined) return { mode: 'relative', delta: down ? -n : n };
  }
  const more = text.match(
    new RegExp(
      String.raw`\b(add|remove|subtract|drop|take\s+away|another|plus|minus)?\s*(?:an?\s+)?(?:extra\s+|additional\s+)?${NUM}\s+(more|extra|additional|fewer|less)?\s*(?:replicas?|pods?|instances?|copies|more|fewer)\b`,
      'i',
    ),
  );
  if (
    more &&
    (more[1] || more[3] || /\b(more|fewer|extra|additional)\b/i.test(more[0]) || /\btake\b.*\baway\b/i.test(text))
  ) {
    const n = num(more[2]);
    const negative = /remove|subtract|drop|take|minus|fewer|less/i.test(more[0]) || /\btake\b.*\baway\b/i.test(text);
    if (n !== undefined) return { mode: 'relative', delta: negative ? -n : n };
  }
  if (
    /\b(?:one|a|an)\s+(?:more|extra|additional)\s+(?:replica|pod|instance|copy)\b|\badd\s+(?:a|an|one)\s+(?:replica|pod|instance)\b/i.test(
      text,
    )
  ) {
    return { mode: 'relative', delta: 1 };
  }
  if (
    /\b(?:one|a|an)\s+(?:less|fewer)\s+(?:replica|pod|instance)\b|\bremove\s+(?:a|an|one)\s+(?:replica|pod|instance)\b/i.test(
      text,
    )
  ) {
    return { mode: 'relative', delta: -1 };
  }
  const absolute =
    text.match(
      new RegExp(
        String.raw`\b(?:to|=|at|of|with|only|keep|run|have|exactly)\s+(?:just\s+|only\s+|exactly\s+)?${NUM}\b(?!\s*(?:%|percent|\.\d|[a-z]*i\b|m\b|gb|mb))`,
        'i',
      ),
    ) ??
    text.match(new RegExp(String.raw`\breplicas?\s*[:=]?\s*${NUM}\b(?![.:])`, 'i')) ??
    text.match(new RegExp(String.raw`(?<![\w.:])${NUM}\s+(?:replicas?|pods?|instances?|copies|nodes)\b`, 'i'));
  if (absolute) {
    const n = num(absolute[1]);
    if (n !== undefined && Number.isInteger(n)) return { mode: 'absolute', replicas: n };
  }
  if (/\b(shut\s*down|spin\s+down|turn\s+off|scale\s+to\s+nothing|stop\s+all|zero\s+out)\b/i.test(text)) {
    return { mode: 'absolute', replicas: 0 };
  }
  return undefined;
}
