import { parseQuantity } from '@opspilot/core';

export { parseQuantity };

/** Bytes as a binary-suffixed quantity rounded up to whole MiB (`268435456` → `256Mi`, `2Gi` when exact). */
export function formatMemory(bytes: number): string {
  const mi = Math.ceil(bytes / 2 ** 20);
  return mi % 1024 === 0 ? `${mi / 1024}Gi` : `${mi}Mi`;
}

/** A quantity of the same kind scaled by `factor`, written as plainly as possible (memory in Mi/Gi, CPU in m). */
export function scaleQuantity(resource: string, value: string, factor: number): string {
  const parsed = parseQuantity(value);
  if (parsed === undefined) return value;
  const scaled = parsed * factor;
  if (resource.includes('memory') || resource.includes('storage')) return formatMemory(scaled);
  if (resource.includes('cpu')) return Number.isInteger(scaled) ? String(scaled) : `${Math.ceil(scaled * 1000)}m`;
  return String(Math.ceil(scaled));
}
