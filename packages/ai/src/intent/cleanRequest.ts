/** A request with filler removed and the namespace it names (if any) taken out. */
export interface CleanRequest {
  /** The request without politeness, trailing punctuation and the namespace phrase; original case kept. */
  text: string;
  namespace?: string;
  /** Whether the user asked for every namespace (`across all namespaces`, `-A`, `cluster-wide`). */
  allNamespaces: boolean;
}

const LEADING = [
  /^(hey|hi|ok|okay)\s+(opspilot)?[,:]?\s*/i,
  /^(please|pls|kindly)\s+/i,
  /^(can|could|would|will)\s+you\s+(please\s+)?/i,
  /^(i\s+(want|need|would\s+like|'d\s+like)\s+(you\s+)?to|i'd\s+like\s+to|let'?s|go\s+ahead\s+and)\s+/i,
  /^(show|tell)\s+me\s+(?=how|what|which|why|whether)/i,
];

const NAMESPACE_PATTERNS = [
  // An aside giving the namespace: `pod vol6 (namespace todo, image …)`, `…, ns: todo, …`.
  /(?<=[(,])\s*(?:namespace|ns)\s*[:=]?\s+([a-z0-9][a-z0-9-]*)/i,
  /\s+(?:-n|--namespace)[=\s]+([a-z0-9][a-z0-9-]*)/i,
  /(?:^|\s+)(?:in|from|on|of|within|inside|to|for|into)\s+(?:the\s+)?(?:namespace|ns)\s+([a-z0-9][a-z0-9-]*)/i,
  /(?:^|\s+)(?:in|from|on|of|within|inside|to|for|into)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)\s+(?:namespace|ns)\b/i,
];

/**
 * Removes filler and extracts the namespace: `-n todo`, `in namespace todo`, `in the todo namespace`, or a bare
 * `in todo` when `todo` is one of `knownNamespaces` (so `in the last 10 minutes` is never taken for one).
 */
export function cleanRequest(raw: string, knownNamespaces: readonly string[]): CleanRequest {
  let text = raw
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[?.!]+$/, '')
    .replace(/,?\s+please$/i, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const pattern of LEADING) {
      const next = text.replace(pattern, '');
      if (next !== text) {
        text = next;
        changed = true;
      }
    }
  }
  let allNamespaces = false;
  const all =
    /\s+(?:across|in|from|on)\s+(?:all|every)\s+(?:the\s+)?namespaces?|\s+-A\b|\s+cluster[- ]wide|\s+everywhere/i;
  if (all.test(text)) {
    allNamespaces = true;
    text = text.replace(all, '');
  }
  for (const pattern of NAMESPACE_PATTERNS) {
    const m = text.match(pattern);
    if (m?.[1])
      return {
        text: text
          .replace(pattern, '')
          .replace(/^[\s,;:]+/, '')
          .trim(),
        namespace: m[1].toLowerCase(),
        allNamespaces,
      };
  }
  const known = new Set(knownNamespaces);
  // `add serviceaccount robot7 to todo`: a known namespace ending a request after `to` (never in a label request,
  // where `to` names the object labelled).
  const ending = text.match(/\s+(?:to|into)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)$/i);
  const endingNamespace = ending?.[1]?.toLowerCase();
  if (ending && endingNamespace && known.has(endingNamespace) && !/\b(?:label|annotat|tag)\w*/i.test(text))
    return { text: text.slice(0, ending.index).trim(), namespace: endingNamespace, allNamespaces };
  const bare = /(?:^|\s+)(?:in|from|on|within|inside|for|into)\s+(?:the\s+)?([a-z0-9][a-z0-9-]*)\b(?![/:.-])/gi;
  for (const m of text.matchAll(bare)) {
    const candidate = m[1]?.toLowerCase();
    if (candidate && known.has(candidate)) {
      return {
        text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).replace(/^[\s,;:]+/, '').trim(),
        namespace: candidate,
        allNamespaces,
      };
    }
  }
  return { text: text.trim(), allNamespaces };
}
