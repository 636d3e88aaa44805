import { Badge } from '../components/Badge.js';
import { toneOf } from '../components/toneOf.js';
import { findingsByLine } from './findingsByLine.js';

interface FindingView {
  file: string;
  line?: number;
  column?: number;
  severity: string;
  rule: string;
  message: string;
  fix?: string;
}

/** A file with line numbers and each finding shown under the line it is about. */
export function AnnotatedSource({
  path,
  content,
  findings,
}: {
  path: string;
  content: string;
  findings: FindingView[];
}) {
  const lines = content.split('\n');
  const { byLine, general } = findingsByLine(findings, path, lines.length);
  const note = (f: FindingView, key: string) => (
    <div key={key} role="note" className="my-1 rounded bg-amber-50 px-2 py-1 font-sans dark:bg-amber-950">
      <Badge tone={toneOf(f.severity)}>{f.severity}</Badge> <span className="font-mono text-xs">{f.rule}</span>{' '}
      {f.line ? `line ${f.line}${f.column ? `:${f.column}` : ''}: ` : ''}
      {f.message}
      {f.fix ? <span className="block text-xs">Fix: {f.fix}</span> : null}
    </div>
  );
  return (
    <figure aria-label={`Findings in ${path}`}>
      <figcaption className="mb-2 font-mono text-sm font-semibold">{path}</figcaption>
      {general.map((f, i) => note(f, `g${i}`))}
      <pre className="overflow-x-auto rounded-md border border-slate-200 text-sm dark:border-slate-700">
        {lines.map((text, index) => {
          const number = index + 1;
          const notes = byLine.get(number) ?? [];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
            <div key={index} className={notes.length ? 'bg-amber-100/60 dark:bg-amber-900/40' : ''}>
              <span className="inline-block w-10 select-none pr-2 text-right text-slate-500 dark:text-slate-400">
                {number}
              </span>
              {text || ' '}
              {notes.map((f, i) => note(f, `${number}-${i}`))}
            </div>
          );
        })}
      </pre>
    </figure>
  );
}
