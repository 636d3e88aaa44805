import type { Candidate } from '@opspilot/core';
import { Button } from '../../components/Button.js';
import { Panel } from '../../components/Panel.js';

/**
 * The planner's clarifying question (it never guesses an ambiguous name) with the candidates to pick from; `onPick`
 * gets the whole candidate, so the caller can resend its request with the pick rather than the label.
 */
export function QuestionAnswer({
  answer,
  onPick,
}: {
  answer: { question: string; understood: string; candidates: Candidate[] };
  onPick: (candidate: Candidate) => void;
}) {
  return (
    <Panel title="Which one did you mean?">
      <p>{answer.question}</p>
      {answer.understood ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Understood: {answer.understood}</p>
      ) : null}
      <ul className="mt-3 flex flex-wrap gap-2">
        {answer.candidates.map((candidate) => (
          <li key={candidate.label}>
            <Button variant="secondary" onClick={() => onPick(candidate)}>
              {candidate.label}
            </Button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
