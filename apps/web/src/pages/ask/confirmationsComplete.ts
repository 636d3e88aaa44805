/** Whether every name a destructive plan asks for was typed exactly (surrounding spaces ignored). */
export function confirmationsComplete(required: string[], typed: string[]): boolean {
  const given = new Set(typed.map((t) => t.trim()));
  return required.every((name) => given.has(name));
}
