import { COUNT, parseCount } from '../numbers.js';
import { parseTarget } from '../parseTarget.js';
import type { Matcher } from './matcher.js';

const UNITS = String.raw`(?:\s+(?:replicas?|pods?|instances?|copies))?`;
const UP = /^(up|increase|grow|raise|bump|add|more)$/i;

function scale(phrase: string | undefined, namespace: string | undefined, amount: Record<string, unknown>) {
  const target = phrase ? parseTarget(phrase, namespace) : undefined;
  return target ? { action: 'scale', target, amount } : undefined;
}

/** Scaling: absolute (`to 3`, `down to 1`, `to zero`), relative (`up by 2`), percent (`by 50%`), factor (`double`). */
export const scaleMatcher: Matcher = (text, { namespace }) => {
  let m = text.match(
    /^(?:scale\s+(up|down)\s+(.+?)|scale\s+(.+?)\s+(up|down)|scale\s+(.+?)|(increase|grow|raise|bump|decrease|reduce|shrink|cut)\s+(?:the\s+)?(?:replicas\s+(?:of|for)\s+)?(.+?)(?:'s)?(?:\s+replicas)?)\s+by\s+(\d+(?:\.\d+)?)\s*(?:%|percent)$/i,
  );
  if (m) {
    const direction = m[1] ?? m[4] ?? m[6] ?? 'up';
    const percent = Number(m[8]) * (UP.test(direction) ? 1 : -1);
    return scale(m[2] ?? m[3] ?? m[5] ?? m[7], namespace, { mode: 'percent', percent });
  }
  m = text.match(
    new RegExp(
      String.raw`^(?:scale\s+(up|down)\s+(.+?)|scale\s+(.+?)\s+(up|down)|(increase|grow|raise|bump|decrease|reduce|shrink)\s+(?:the\s+)?(?:replicas\s+(?:of|for)\s+)?(.+?)(?:'s)?(?:\s+replicas)?)\s+by\s+${COUNT}${UNITS}$`,
      'i',
    ),
  );
  if (m) {
    const direction = m[1] ?? m[4] ?? m[5] ?? 'up';
    const delta = (parseCount(m[7]) ?? 0) * (UP.test(direction) ? 1 : -1);
    return scale(m[2] ?? m[3] ?? m[6], namespace, { mode: 'relative', delta });
  }
  m = text.match(
    new RegExp(
      String.raw`^(add|remove)\s+${COUNT}\s+(?:more\s+)?(?:replicas?|pods?|instances?)\s+(?:to|from|for|of)\s+(.+)$`,
      'i',
    ),
  );
  if (m) {
    const delta = (parseCount(m[2]) ?? 0) * (m[1]?.toLowerCase() === 'add' ? 1 : -1);
    return scale(m[3], namespace, { mode: 'relative', delta });
  }
  m = text.match(
    /^(double|triple|quadruple|halve)\s+(?:the\s+)?(?:(?:replicas|capacity|pods|replica count)\s+(?:of|for)\s+)?(.+?)(?:'s)?(?:\s+(?:replicas|capacity|pods|replica count))?$/i,
  );
  if (m) {
    const factor = { double: 2, triple: 3, quadruple: 4, halve: 0.5 }[m[1]?.toLowerCase() as 'double'];
    return scale(m[2], namespace, { mode: 'factor', factor });
  }
  const absolute = [
    new RegExp(String.raw`^scale\s+(?:up\s+|down\s+)?(.+?)\s+(?:up\s+|down\s+|back\s+)?to\s+${COUNT}${UNITS}$`, 'i'),
    new RegExp(
      String.raw`^set\s+(?:the\s+)?(?:replicas?|replica\s+count|number\s+of\s+replicas)\s+(?:of|for|on)\s+(.+?)\s+(?:to|=)\s+${COUNT}$`,
      'i',
    ),
    new RegExp(String.raw`^set\s+(.+?)(?:'s)?\s+(?:replicas?|replica\s+count)\s+(?:to|=)\s+${COUNT}$`, 'i'),
    new RegExp(String.raw`^(?:run|give|use)\s+(.+?)\s+${COUNT}\s+(?:replicas?|pods?|instances?)$`, 'i'),
    new RegExp(
      String.raw`^(?:i\s+want\s+|make\s+it\s+)?${COUNT}\s+(?:replicas?|pods?|instances?|copies)\s+(?:of|for)\s+(.+)$`,
      'i',
    ),
    new RegExp(String.raw`^(?:run|keep)\s+${COUNT}\s+(?:replicas?|instances?|copies)\s+of\s+(.+)$`, 'i'),
  ];
  for (const [index, pattern] of absolute.entries()) {
    m = text.match(pattern);
    if (!m) continue;
    const countFirst = index >= 4;
    const replicas = parseCount(countFirst ? m[1] : m[2]);
    if (replicas !== undefined) return scale(countFirst ? m[2] : m[1], namespace, { mode: 'absolute', replicas });
  }
  m = text.match(/^(?:shut\s+down|spin\s+down|turn\s+off|scale\s+in)\s+(?:all\s+)?(.+?)(?:\s+completely)?$/i);
  if (m) return scale(m[1], namespace, { mode: 'absolute', replicas: 0 });
  return undefined;
};
