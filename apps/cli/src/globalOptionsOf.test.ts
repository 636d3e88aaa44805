import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { GlobalOptions } from './globalOptions.js';
import { globalOptionsOf } from './globalOptionsOf.js';

/** A command whose merged options are `raw`. */
const commandWith = (raw: Record<string, unknown>) => ({ optsWithGlobals: () => raw }) as unknown as Command;

const VALUES: Record<string, unknown[]> = {
  output: [undefined, 'text', 'json', 'yaml', 'sarif', 'wide', '', 3],
  kubeconfig: [undefined, 'kc.yaml', '', 1, null],
  context: [undefined, 'sim', ''],
  namespace: [undefined, 'payments', '', ['a']],
  config: [undefined, 'opspilot.yaml', '', true],
  color: [undefined, true, false, 'no', 0],
};

/** Every option set built from VALUES with at most two options away from their first (valid) value. */
function* optionSets(): Generator<Record<string, unknown>> {
  const keys = Object.keys(VALUES);
  const base = () => Object.fromEntries(keys.map((k) => [k, VALUES[k]?.[0]]));
  for (const [i, a] of keys.entries()) {
    for (const va of VALUES[a] ?? []) {
      yield { ...base(), [a]: va };
      for (const b of keys.slice(i + 1)) for (const vb of VALUES[b] ?? []) yield { ...base(), [a]: va, [b]: vb };
    }
  }
}

describe('globalOptionsOf', () => {
  it('accepts and rejects exactly what the GlobalOptions schema does, with the same result and message', () => {
    let checked = 0;
    for (const raw of optionSets()) {
      const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
      const parsed = GlobalOptions.safeParse({ ...defined, extra: 'ignored' });
      const run = () => globalOptionsOf(commandWith({ ...defined, extra: 'ignored' }));
      if (parsed.success) {
        expect(run()).toEqual(parsed.data);
        expect(Object.keys(run())).toEqual(Object.keys(parsed.data));
      } else {
        const issue = parsed.error.issues[0];
        expect(run).toThrow(`invalid option --${issue?.path.join('.')}: ${issue?.message}`);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
