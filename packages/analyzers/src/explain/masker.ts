import type { ClusterSnapshot, Finding } from '@opspilot/core';
import { secretValues } from './secretValues.js';

/** The category of a masked value; its placeholder is `<category-N>`. */
export type MaskCategory = 'ns' | 'name' | 'label' | 'ip' | 'secret';

/** Replaces identifying values with placeholders and back. */
export interface Masker {
  /** `text` with every known identifier, IP address and Secret-derived value replaced by a placeholder. */
  mask(text: string): string;
  /** `text` with placeholders replaced by the original values, except Secret values, which stay masked. */
  unmask(text: string): string;
  /** Placeholder → original value (Secret values excluded), for display and tests. */
  readonly table: ReadonlyMap<string, string>;
}

const IPV4 = '(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])';
const HEX = '[0-9a-fA-F]{1,4}';
const IPV6 = `(?<![0-9a-fA-F:])(?:(?:${HEX}:){7}${HEX}|(?:${HEX}:){1,6}:(?:${HEX}(?::${HEX}){0,5})?)(?![0-9a-fA-F:])`;
const PLACEHOLDER_SOURCE = '<(?:ns|name|label|ip|secret)-\\d+>';
const PLACEHOLDER = /<(ns|name|label|ip|secret)-(\d+)>/g;
/** Label keys that are vocabulary rather than identifiers. */
const PUBLIC_LABEL_PREFIX = /^([a-z0-9.-]*\.)?(kubernetes\.io|k8s\.io)\//;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What to mask: names and namespaces from the findings and the snapshot, label values, custom label keys. */
function identifiers(findings: Finding[], snapshot: ClusterSnapshot): Map<string, MaskCategory> {
  const found = new Map<string, MaskCategory>();
  const add = (value: string | undefined, category: MaskCategory) => {
    if (!value || value.length < 2 || /^\d+$/.test(value) || found.has(value)) return;
    found.set(value, category);
  };
  for (const f of findings) {
    add(f.resource.namespace, 'ns');
    add(f.resource.name, 'name');
  }
  for (const list of Object.values(snapshot.objects)) {
    for (const obj of list) {
      if (obj.kind === 'Namespace') add(obj.metadata.name, 'ns');
      add(obj.metadata.namespace, 'ns');
    }
  }
  for (const f of findings) for (const s of f.sensitive) add(s, 'name');
  for (const list of Object.values(snapshot.objects)) {
    for (const obj of list) {
      add(obj.metadata.name, 'name');
      for (const [key, value] of Object.entries(obj.metadata.labels ?? {})) {
        add(value, 'label');
        if (key.includes('/') && !PUBLIC_LABEL_PREFIX.test(key)) add(key, 'label');
      }
    }
  }
  return found;
}

/**
 * Builds a masker for sending findings to a language model: names, namespaces, label values and custom label
 * keys (from the findings' `sensitive` values and every object of the snapshot), IP addresses, and every value
 * derived from a Secret (see `secretValues`). Identifiers match as whole tokens; Secret values match anywhere
 * and are never unmasked. Only values that occur in `corpus` are kept, so the table stays small.
 */
export function createMasker(findings: Finding[], snapshot: ClusterSnapshot, corpus: string): Masker {
  const forward = new Map<string, string>();
  const table = new Map<string, string>();
  const counters: Record<MaskCategory, number> = { ns: 0, name: 0, label: 0, ip: 0, secret: 0 };
  const placeholder = (value: string, category: MaskCategory): string => {
    let p = forward.get(value);
    if (!p) {
      p = `<${category}-${++counters[category]}>`;
      forward.set(value, p);
      if (category !== 'secret') table.set(p, value);
    }
    return p;
  };
  const secrets = secretValues(snapshot)
    .filter((v) => v.length >= 3 && corpus.includes(v))
    .sort((a, b) => b.length - a.length);
  const ids = [...identifiers(findings, snapshot)]
    .filter(([v]) => corpus.includes(v))
    .sort((a, b) => b[0].length - a[0].length);
  const categoryOf = new Map(ids);
  const secretPattern = secrets.length > 0 ? new RegExp(secrets.map(escapeRegExp).join('|'), 'g') : undefined;
  const idSource =
    ids.length > 0 ? `|(?<id>(?<![A-Za-z0-9])(?:${ids.map(([v]) => escapeRegExp(v)).join('|')})(?![A-Za-z0-9]))` : '';
  // One pass, so that a placeholder already written is consumed whole and never re-masked from inside.
  const pattern = new RegExp(`(?<ph>${PLACEHOLDER_SOURCE})|(?<ip>${IPV4}|${IPV6})${idSource}`, 'g');
  return {
    table,
    mask(text) {
      let out = text;
      if (secretPattern) out = out.replace(secretPattern, (m) => placeholder(m, 'secret'));
      return out.replace(pattern, (m, ...args) => {
        const groups = args.at(-1) as Record<string, string | undefined>;
        if (groups.ph) return m;
        if (groups.ip) return placeholder(m, 'ip');
        return placeholder(m, categoryOf.get(m) ?? 'name');
      });
    },
    unmask(text) {
      return text.replace(PLACEHOLDER, (m) => table.get(m) ?? m);
    },
  };
}
