const SEQUENCE = /\s*(?:;|,?\s+and\s+then\s+|,\s*then\s+|\s+then\s+|\.\s+(?=[A-Za-z]))\s*/i;
const VERB =
  /^(?:restart|scale|delete|remove|create|deploy|expose|label|annotate|cordon|drain|uncordon|roll|rollback|revert|undo|update|upgrade|set|add|make|double|halve|triple|resize|expand|bounce|autoscale|give|put|run|launch|install|switch|point|limit|grow|increase|decrease|reduce|bump|shut|stop|start|describe|show|list)\b/i;

/**
 * Splits a request into the steps it asks for in order — at `then`, `;`, or `and` followed by a new command
 * (`create namespace dev and deploy nginx there`); `restart backend and frontend` stays one request with two
 * targets, `set A=1 and B=2 on backend` one request with two values.
 */
export function splitClauses(text: string): string[] {
  const out: string[] = [];
  const parts: string[] = [];
  for (const part of text.split(SEQUENCE)) {
    if (parts.length && !VERB.test(part) && !/^(?:new|make|add|provision|create)\b/i.test(part))
      parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  for (const part of parts) {
    const pieces = part.split(/\s*,?\s+and\s+(?:also\s+)?/i);
    let current = pieces[0] ?? '';
    for (const piece of pieces.slice(1)) {
      const quoted = (current.match(/["'`]/g)?.length ?? 0) % 2 === 1;
      const readVerb =
        /^(?:get|list|watch|show|describe)\b/i.test(piece) && /\b(?:can|to|may|allowed\s+to)\s+\w+$/i.test(current);
      if (
        VERB.test(piece) &&
        !quoted &&
        !readVerb &&
        VERB.test(current.replace(/^(?:please|then|also|now|first)\s+/i, ''))
      ) {
        out.push(current);
        current = piece;
      } else current = `${current} and ${piece}`;
    }
    if (current.trim()) out.push(current.trim());
  }
  return out.filter(Boolean);
}
