import { editDistance } from '../resolve/nameScore.js';
import type { Token } from './tokens.js';
import type { Entity, Vocabulary } from './vocabulary.js';

/** How a span of the request names objects, strongest first. */
export type MentionTier = 'exact' | 'words' | 'part' | 'label' | 'fuzzy';
const TIER_RANK: Record<MentionTier, number> = { exact: 5, words: 4, label: 3, part: 2, fuzzy: 1 };

/** A span of tokens naming one or more live objects. */
export interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  tier: MentionTier;
  entities: Entity[];
  /** The words as written. */
  text: string;
}

/**
 * Words never read as (part of) an object name on their own: they are the request's grammar, its verbs, the kinds
 * and units. `memory` in "pods using the most memory" is not the `memory-hog` deployment.
 */
const COMMON = new Set(
  `a an the all any every each both of to for from in on at by with and or but not no is are was be been it its them
they their this that these those my our your me i we you us please can could would should will do does did have has
had get set put make show list give take let up down out off into over back new more less most least what which who
why how when where there here than then as so if just only also again now some many much one two three four five six
seven eight nine ten pod pods deployment deployments service services node nodes namespace namespaces app apps
application applications workload workloads container containers image images replica replicas instance instances
copy copies cpu memory mem ram storage disk volume volumes claim claims config secret secrets log logs port ports
version versions label labels annotation annotations env environment variable variables request requests limit limits
value values key keys name named called run running use using used job jobs task system first last latest previous
current same other`.split(/\s+/),
);

const rank = (t: MentionTier) => TIER_RANK[t];

function isNameWord(token: Token): boolean {
  return /^[a-z0-9][a-z0-9.-]*$/.test(token.lower) && !/^\d+$/.test(token.lower);
}

/**
 * Finds the live objects a request names, by its words rather than their place in a sentence: a whole name
 * (`backend`, `deployment/backend`, `data-orders-db-0`), a name written as words (`web app` → `web-app`), a
 * distinctive part of a name (`orders` → `orders-db`), a label value (`app=web` pods → `web`), or a small typo
 * (`backnd`). Overlapping spans keep the strongest; pods are named only by their whole generated name.
 * `exclude` marks tokens already read as something else (a quantity, an image, a key=value pair).
 */
export function findMentions(tokens: Token[], vocabulary: Vocabulary, exclude: Set<number>): Mention[] {
  const found: Mention[] = [];
  const byName = new Map<string, Entity[]>();
  const byPart = new Map<string, Entity[]>();
  const byLabel = new Map<string, Entity[]>();
  const add = (map: Map<string, Entity[]>, key: string, e: Entity) => {
    const list = map.get(key);
    if (list) {
      if (!list.includes(e)) list.push(e);
    } else map.set(key, [e]);
  };
  for (const e of vocabulary.entities) {
    add(byName, e.name.toLowerCase(), e);
    if (e.kind === 'Pod' || e.kind === 'Namespace') continue;
    for (const part of e.name.toLowerCase().split(/[-.]/))
      if (part.length >= 3 && !COMMON.has(part)) add(byPart, part, e);
    for (const value of Object.values(e.object.metadata.labels ?? {})) {
      const v = value.toLowerCase();
      if (v.length >= 3 && v !== e.name.toLowerCase() && !COMMON.has(v)) add(byLabel, v, e);
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (exclude.has(i)) continue;
    const token = tokens[i] as Token;
    const slash = token.lower.match(/^[a-z]+\/([a-z0-9][a-z0-9.-]*)$/);
    const word = slash?.[1] ?? token.lower;
    // Whole names written as words: the longest run of following tokens that joins into a name.
    let matched = false;
    for (let len = Math.min(5, tokens.length - i); len >= 2; len--) {
      const span = tokens.slice(i, i + len);
      if (span.some((t) => exclude.has(t.index) || !isNameWord(t))) continue;
      const joined = span.map((t) => t.lower).join('-');
      const entities = byName.get(joined);
      if (entities) {
        found.push({ start: i, end: i + len, tier: 'words', entities, text: span.map((t) => t.raw).join(' ') });
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (!isNameWord({ ...token, lower: word })) continue;
    const exact = byName.get(word);
    if (exact) {
      found.push({ start: i, end: i + 1, tier: 'exact', entities: exact, text: token.raw });
      continue;
    }
    if (COMMON.has(word) || word.length < 3) continue;
    const part = byPart.get(word);
    if (part) {
      found.push({ start: i, end: i + 1, tier: 'part', entities: part, text: token.raw });
      continue;
    }
    const label = byLabel.get(word);
    if (label) {
      found.push({ start: i, end: i + 1, tier: 'label', entities: label, text: token.raw });
      continue;
    }
    if (word.length >= 5) {
      const limit = word.length >= 8 ? 2 : 1;
      const close = vocabulary.entities.filter(
        (e) =>
          e.kind !== 'Pod' &&
          Math.abs(e.name.length - word.length) <= limit &&
          editDistance(word, e.name.toLowerCase()) <= limit,
      );
      if (close.length) found.push({ start: i, end: i + 1, tier: 'fuzzy', entities: close, text: token.raw });
    }
  }
  return found;
}

/** Whether `a` names objects more strongly than `b`. */
export function stronger(a: MentionTier, b: MentionTier): boolean {
  return rank(a) > rank(b);
}

/** The rank of a tier (higher is stronger). */
export function tierRank(tier: MentionTier): number {
  return rank(tier);
}
