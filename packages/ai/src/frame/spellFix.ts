import { kindOfWord } from '../intent/kindWords.js';
import { parseCount } from '../intent/numbers.js';
import { isActionWord, knowsWord } from './classifyAction.js';

const TENS: Record<string, number> = {
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * Writes spelt-out round numbers the quantity extractors do not read as digits (`one hundred percent` → `100
 * percent`, `fifty` → `50`), so every extractor sees them the same way.
 */
export function digitsForNumberWords(text: string): string {
  return text
    .replace(/\b(?:a|one)\s+hundred\b/gi, '100')
    .replace(/\btwo\s+hundred\b/gi, '200')
    .replace(/\b(thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/gi, (w) => String(TENS[w.toLowerCase()]));
}

/** The verbs a request opens with, the only words a letter is added to or taken from to reach (see mendTypos). */
const COMMAND_VERBS = new Set([
  'annotate',
  'autoscale',
  'cordon',
  'create',
  'delete',
  'describe',
  'deploy',
  'drain',
  'expose',
  'label',
  'remove',
  'restart',
  'rollback',
  'rollout',
  'scale',
  'uncordon',
  'undo',
  'update',
]);

/**
 * Mends typing slips: two neighbouring letters swapped (`scael` → `scale`, `deploymnet` → `deployment`), and for
 * action words and kinds a letter left out or typed twice (`anotate` → `annotate`, `restartt` → `restart`).
 * A word is mended only when it is unknown (not a word of the action corpus, not a kind, not a number word, not one of
 * `names`, the cluster's object and namespace names) and exactly one swap turns it into an action word of the
 * lexicon, a kind or a name (`three` is never mended into `there`); digits, names with `-`,
 * and short words are left alone.
 */
export function mendTypos(text: string, names: ReadonlySet<string>): string {
  const known = (w: string) =>
    knowsWord(w) || kindOfWord(w) !== undefined || names.has(w) || parseCount(w) !== undefined;
  const target = (w: string) => isActionWord(w) || kindOfWord(w) !== undefined || names.has(w);
  // Quoted text (a command) and parts of paths, images and pairs (`/healthz`, `nginx:1.27`, `team=payments`) are
  // values: a letter is never added to or taken from them.
  const quoted = [...text.matchAll(/(["'`])[^"'`]*\1/g)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return text.replace(/\b[A-Za-z]{5,}\b/g, (word, at: number) => {
    const w = word.toLowerCase();
    if (known(w)) return word;
    const fixes = new Set<string>();
    for (let i = 0; i + 1 < w.length; i++) {
      const candidate = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (candidate !== w && target(candidate)) fixes.add(candidate);
    }
    if (fixes.size === 1) return [...fixes][0]!;
    if (fixes.size > 1) return word;
    if (/[/.:=@_-]/.test(text[at - 1] ?? '') || /[/.:=@_-]/.test(text[at + word.length] ?? '')) return word;
    if (quoted.some(([from, to]) => at > (from as number) && at < (to as number))) return word;
    // A letter left out or typed twice (`anotate`, `restartt`): mended into a command verb or a kind only (never a
    // name, so a new object's name one letter from a live one stays as written; never a word of English that is one
    // letter from an action word, so `having` stays `having`).
    const verb = (c: string) => COMMAND_VERBS.has(c) || kindOfWord(c) !== undefined;
    for (let i = 0; i < w.length; i++) {
      const candidate = w.slice(0, i) + w.slice(i + 1);
      if (verb(candidate)) fixes.add(candidate);
    }
    for (let i = 0; i <= w.length; i++)
      for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
        const candidate = w.slice(0, i) + letter + w.slice(i);
        if (verb(candidate)) fixes.add(candidate);
      }
    return fixes.size === 1 ? [...fixes][0]! : word;
  });
}

/**
 * Writes a value given to a field the planner knows as words (`replicas=4` → `replicas 4`, `memory limit = 768Mi` →
 * `memory limit 768Mi`, `cpu: 100m` → `cpu 100m`), so that the typed extractors read it as that field and not as an
 * environment variable or a label. The count words for nothing (`nil`, `none`, `no`) before a count noun or after
 * `to` become `0`.
 */
export function fieldValues(text: string): string {
  return text
    .replace(
      /\b(replicas?|cpu|memory|mem|ram|limits?|requests?|storage|size|min(?:imum)?|max(?:imum)?)\s*[:=]\s*(?=["']?\d)/gi,
      '$1 ',
    )
    .replace(/\b(to|at|down\s+to)\s+(?:nil|none|nothing|naught)\b/gi, '$1 0')
    .replace(/\b(?:no|nil|zero)\s+(?:running\s+|active\s+|live\s+)?(replicas?|pods?|instances?|copies)\b/gi, '0 $1');
}

/**
 * Writes a key and value said in words as a `KEY=value` pair, the form the pair extractor reads: `variable LOG_LEVEL
 * with the value debug`, `label team with value payments`, `the key password set to s3cret`, and in a label request
 * `with team: payments`.
 */
export function pairsFromWords(text: string): string {
  // `tag backend with team: payments`, `labels app: web`: a YAML-style pair in a label request.
  const colon = /\b(?:labels?|labell?ed|tag|tags|tagged|annotat\w*)\b/i.test(text)
    ? text.replace(/\b(with|labels?|annotations?)\s+([a-z][\w./-]*):\s+([\w.-]+)\b/gi, '$1 $2=$3')
    : text;
  const worded = colon.replace(
    /\b(variable|var|label|key|annotation)\s+([A-Za-z_][\w.-]*)\s+(?:with\s+(?:the\s+)?value|set\s+to|equal\s+to)\s+["'`]?([\w./:-]+)["'`]?/gi,
    (_m, word: string, key: string, value: string) => `${word} ${key}=${value}`,
  );
  // A data object's key given a value in a clause (`a configmap settings1 where MODE is fast`, `a secret whose
  // password is s3cret`, `with LEVEL set to high`), and an upper-case key anywhere (`LOG_LEVEL equals debug`).
  const data = /\b(?:config\s*maps?|secrets?)\b/i.test(worded);
  return worded
    .replace(
      /\b(where|whose|in\s+which|with|and)\s+(?:the\s+)?(?:key\s+)?([A-Za-z_][\w.-]*)\s+(?:is|equals|=|set\s+to|of|being)\s+["'`]?([\w./:-]+)["'`]?/gi,
      (whole, lead: string, key: string, value: string) =>
        data || /^[A-Z][A-Z0-9_]*$/.test(key) ? `${lead} ${key}=${value}` : whole,
    )
    .replace(
      /\b([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{3,})\s+(?:equals|set\s+to|is\s+set\s+to)\s+["'`]?([\w./:-]+)["'`]?/g,
      '$1=$2',
    );
}
