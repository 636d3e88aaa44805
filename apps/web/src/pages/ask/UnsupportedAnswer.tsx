import { Button } from '../../components/Button.js';
import { Panel } from '../../components/Panel.js';

/** A request the planner cannot turn into a plan: why, what it understood, and the closest requests it supports. */
export function UnsupportedAnswer({
  answer,
  onPick,
}: {
  answer: { message: string; understood: string; suggestions: string[] };
  onPick: (request: string) => void;
}) {
  return (
    <Panel title="Not supported">
      <p role="status">{answer.message}</p>
      {answer.understood ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Understood: {answer.understood}</p>
      ) : null}
      {answer.suggestions.length > 0 ? (
        <>
          <p className="mt-3 text-sm font-medium">Did you mean:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {answer.suggestions.map((suggestion) => (
              <li key={suggestion}>
                <Button variant="secondary" onClick={() => onPick(suggestion)}>
                  {suggestion}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Panel>
  );
}
