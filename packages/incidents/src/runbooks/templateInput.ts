const PLACEHOLDER = /\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}/g;
const WHOLE = /^\{\{\s*([a-zA-Z_][\w.]*)\s*\}\}$/;

type Value = string | number | boolean;

/**
 * A step's `with` with every `{{ name }}` replaced by its value; a value that is only a placeholder keeps the value's
 * type (a number stays a number). Values are data, never evaluated.
 */
export function templateInput(input: Record<string, Value>, values: Record<string, Value>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, raw] of Object.entries(input)) {
    if (typeof raw !== 'string') {
      out[key] = raw;
      continue;
    }
    const whole = WHOLE.exec(raw);
    if (whole) {
      const v = values[whole[1] as string];
      if (v !== undefined && v !== '') out[key] = v;
      continue;
    }
    out[key] = raw.replace(PLACEHOLDER, (_m, name: string) => String(values[name] ?? ''));
  }
  return out;
}
