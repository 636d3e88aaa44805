/** The answer of `ask` to a cost question: what was understood, the sentence, and its breakdown. */
export function CostAskAnswer({
  answer,
}: {
  answer: { understood: string; answer: string; currency: string; lines: { name: string; amount: number }[] };
}) {
  return (
    <section aria-label="Cost answer" className="space-y-2 text-sm">
      <p>Understood: {answer.understood}</p>
      <p className="font-medium">{answer.answer}</p>
      {answer.lines.length ? (
        <table aria-label="Cost breakdown" className="text-xs">
          <thead>
            <tr>
              <th className="pr-4 text-left">Name</th>
              <th className="text-right">{answer.currency}</th>
            </tr>
          </thead>
          <tbody>
            {answer.lines.map((line) => (
              <tr key={line.name}>
                <td className="pr-4">{line.name}</td>
                <td className="text-right tabular-nums">{line.amount.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
