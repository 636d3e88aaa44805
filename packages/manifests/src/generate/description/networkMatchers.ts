import { HOSTNAME, isDnsLabel, looksLikeImage, lower, type Matcher, span, text } from './matcherKit.js';
import { isCronExpression, parseSchedule } from './parseSchedule.js';

/** Reads `host X`, `domain X`, a bare `api.example.com`. */
export const host: Matcher = (t, i, sink) => {
  if (['host', 'hostname', 'domain'].includes(lower(t, i)) && HOSTNAME.test(lower(t, i + 1))) {
    sink.set('host', lower(t, i + 1), span(t, i, 2));
    return 2;
  }
  if (HOSTNAME.test(lower(t, i)) && !looksLikeImage(lower(t, i))) {
    sink.set('host', lower(t, i), span(t, i, 1));
    return 1;
  }
  return 0;
};

/** Reads `every 5 minutes`, `daily at 03:00`, `schedule "*\/5 * * * *"`, a quoted cron expression. */
export const schedule: Matcher = (t, i, sink) => {
  const words = t.map((x) => x.text);
  if (['schedule', 'cron'].includes(lower(t, i))) {
    if (t[i + 1]?.quoted && isCronExpression(text(t, i + 1))) {
      sink.set(
        'schedule',
        text(t, i + 1)
          .trim()
          .split(/\s+/)
          .join(' '),
        span(t, i, 2),
      );
      return 2;
    }
    const five = words.slice(i + 1, i + 6).join(' ');
    if (isCronExpression(five) && words.length >= i + 6) {
      sink.set('schedule', five, span(t, i, 6));
      return 6;
    }
    const spoken = parseSchedule(words, i + 1);
    if (!spoken) return 0;
    sink.set('schedule', spoken.cron, span(t, i, 1 + spoken.used));
    return 1 + spoken.used;
  }
  if (t[i]?.quoted && isCronExpression(text(t, i))) {
    sink.set('schedule', text(t, i).trim().split(/\s+/).join(' '), span(t, i, 1));
    return 1;
  }
  const spoken = parseSchedule(words, i);
  if (!spoken) return 0;
  sink.set('schedule', spoken.cron, span(t, i, spoken.used));
  return spoken.used;
};

/** Reads `type nodeport`, a bare `loadbalancer`. */
export const serviceType: Matcher = (t, i, sink) => {
  const types = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' } as const;
  const w = lower(t, i);
  if (w === 'type' && lower(t, i + 1) in types) {
    sink.set('serviceType', types[lower(t, i + 1) as keyof typeof types], span(t, i, 2));
    return 2;
  }
  if (w in types) {
    sink.set('serviceType', types[w as keyof typeof types], span(t, i, 1));
    return 1;
  }
  return 0;
};

/** Reads `tls`, `https`, `tls secret X`. */
export const tls: Matcher = (t, i, sink) => {
  if (!['tls', 'https'].includes(lower(t, i))) return 0;
  if (lower(t, i + 1) === 'secret' && isDnsLabel(text(t, i + 2))) {
    sink.set('tls', true, span(t, i, 3));
    sink.set('tlsSecret', text(t, i + 2), span(t, i, 3));
    return 3;
  }
  sink.set('tls', true, span(t, i, 1));
  return 1;
};

/** Reads `allow from a and b`, `from a`, `deny all`, `default deny`. */
export const allow: Matcher = (t, i, sink) => {
  const w = lower(t, i);
  if ((w === 'deny' && lower(t, i + 1) === 'all') || (w === 'default' && lower(t, i + 1) === 'deny')) {
    sink.set('denyAll', true, span(t, i, 2));
    return 2;
  }
  if (w === 'deny-all') {
    sink.set('denyAll', true, span(t, i, 1));
    return 1;
  }
  let j = i;
  if (w === 'allow') j += 1;
  if (lower(t, j) === 'from') j += 1;
  if (j === i) return 0;
  const from: string[] = [];
  while (isDnsLabel(text(t, j)) && !['port', 'on', 'in', 'namespace'].includes(lower(t, j))) {
    from.push(text(t, j));
    j += 1;
    if (lower(t, j) === 'and' && isDnsLabel(text(t, j + 1))) j += 1;
  }
  if (from.length === 0) return 0;
  sink.set('allowFrom', from, span(t, i, j - i));
  return j - i;
};
