/** A unified diff with added and removed lines marked by colour and by their `+` / `-` sign. */
export function DiffView({ diff }: { diff: string }) {
  if (!diff.trim()) return <p className="text-sm text-slate-600 dark:text-slate-300">No changes to show.</p>;
  return (
    <pre className="overflow-x-auto rounded-md border border-slate-200 p-3 font-mono text-sm dark:border-slate-700">
      {diff.split('\n').map((line, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text
          key={index}
          className={
            line.startsWith('+')
              ? 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
              : line.startsWith('-')
                ? 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200'
                : ''
          }
        >
          {line || ' '}
        </div>
      ))}
    </pre>
  );
}
