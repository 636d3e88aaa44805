/** The answer of `ask` to "which … violate <policy>": what was understood and one VIOLATING line per object. */
export function PolicyAuditAnswer({
  answer,
}: {
  answer: { understood: string; status: 'completed' | 'offline'; lines: string[]; errors: string[] };
}) {
  return (
    <section aria-label="Policy audit" className="space-y-2 text-sm">
      <p>Understood: {answer.understood}</p>
      <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
        {answer.status === 'offline'
          ? `OFFLINE: ${answer.errors.join('; ')}`
          : answer.lines.length === 0
            ? 'No violations.'
            : answer.lines.join('\n')}
      </pre>
    </section>
  );
}
