import type { ContainerProcess } from '../controllers/containerProcess.js';

/** At most this many lines of a looping command are produced for one log request. */
const MAX_LOOP_LINES = 10_000;

/**
 * The log of an interpreted container process from `startedAt` to `until`: what it printed before it exits or
 * settles, then, for a `while true` loop, the loop's lines once every iteration. Undefined for processes the
 * simulated kubelet does not interpret (their log is the image's).
 */
export function processLogLines(
  process: ContainerProcess,
  startedAt: Date,
  until: Date,
): { at: Date; line: string }[] | undefined {
  if (process.kind !== 'runs' && process.kind !== 'exits') return undefined;
  const start = startedAt.getTime();
  const lines = process.logs.map((line) => ({ at: startedAt, line }));
  if (process.kind !== 'runs' || !process.every || process.every.lines.length === 0) return lines;
  const { ms, lines: loop } = process.every;
  const iterations = Math.min(Math.floor((until.getTime() - start) / ms) + 1, Math.ceil(MAX_LOOP_LINES / loop.length));
  for (let i = 0; i < iterations; i++) {
    const at = new Date(start + i * ms);
    for (const line of loop) lines.push({ at, line });
  }
  return lines.slice(-MAX_LOOP_LINES);
}
