import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/** The oldest release of each Node line the project supports: each must satisfy our range and every dependency's. */
const OLDEST_SUPPORTED = ['20.19.0', '22.13.0', '24.0.0'];

/**
 * Dependencies that declare a newer Node than we support but run on it (our tests pass on Node 20), with the
 * reason we keep them. Nothing else may join this list: choose a version that supports the whole range instead.
 */
const KNOWN_EXCEPTIONS: Record<string, string> = {
  // fastify 5 requires light-my-request ^6, whose current release requires cookie ^2 (engines >=22 by policy).
  'node_modules/cookie': 'fastify → light-my-request',
};

describe('Node versions', () => {
  it('declares the supported Node lines in engines', () => {
    for (const version of OLDEST_SUPPORTED) expect(semver.satisfies(version, root.engines.node), version).toBe(true);
    expect(semver.satisfies('20.18.0', root.engines.node)).toBe(false);
    expect(semver.satisfies('21.7.0', root.engines.node)).toBe(false);
  });

  it('installs only dependencies whose engines admit every supported Node line', () => {
    const unfit: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!range || path in KNOWN_EXCEPTIONS) continue;
      const refused = OLDEST_SUPPORTED.filter((v) => !semver.satisfies(v, range));
      if (refused.length > 0)
        unfit.push(`${path}@${entry.version} wants node ${range} (refuses ${refused.join(', ')})`);
    }
    expect(unfit).toEqual([]);
  });
});
