import type { TraceQuery } from '@opspilot/core';

const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regexOf = (glob: string) =>
  glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');

/** A tag value as a TraceQL literal: numbers and booleans bare (attributes keep their types), text quoted. */
function literal(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false' ? value : quoted(value);
}

/**
 * The TraceQL spanset filter of a seed 003 §3.4 query: `service_name` (with `*` wildcards) on
 * `resource.service.name`, `operation_name` on `name`, each tag as an unscoped attribute (`error: "true"` as
 * `status = error`). Every condition must hold on one span, as in Tempo. `{}` matches every trace.
 * @see https://grafana.com/docs/tempo/latest/traceql/
 */
export function traceqlOf(query: Pick<TraceQuery, 'service_name' | 'operation_name' | 'tags'>): string {
  const conditions: string[] = [];
  if (query.service_name) {
    conditions.push(
      query.service_name.includes('*')
        ? `resource.service.name =~ ${quoted(regexOf(query.service_name))}`
        : `resource.service.name = ${quoted(query.service_name)}`,
    );
  }
  if (query.operation_name) conditions.push(`name = ${quoted(query.operation_name)}`);
  for (const [key, value] of Object.entries(query.tags ?? {})) {
    if (key === 'error' && value === 'true') conditions.push('status = error');
    else if (/^[A-Za-z0-9_.\-/]+$/.test(key)) conditions.push(`.${key} = ${literal(value)}`);
    else conditions.push(`.${quoted(key)} = ${literal(value)}`);
  }
  return conditions.length ? `{ ${conditions.join(' && ')} }` : '{}';
}
