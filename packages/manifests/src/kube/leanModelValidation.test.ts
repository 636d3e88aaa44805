import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AJV_LOCALES, DRAFT2019_CHECKS, installLeanModelValidation } from './leanModelValidation.js';

const modelFile = createRequire(import.meta.url).resolve('kubernetes-models/apps/v1/Deployment');
const validateEntry = createRequire(modelFile).resolve('@kubernetes-models/validate');
const requireFormats = createRequire(createRequire(validateEntry).resolve('./formats.js'));
const requireValidate = createRequire(createRequire(validateEntry).resolve('./validate.js'));
const draft2019 = requireFormats('ajv-formats-draft2019/formats/index.js') as Record<string, unknown>;
const locales = requireValidate('ajv-i18n') as Record<string, unknown>;
const isCidr = requireFormats('is-cidr') as ((s: string) => number) & { v4(s: string): boolean };

/** A fresh module cache holding only the stand-ins, and a `require` that reads it. */
function withStandIns() {
  const cache: NodeJS.Require['cache'] = {};
  installLeanModelValidation(cache, modelFile);
  const take = <T>(from: NodeJS.Require, request: string) => cache[from.resolve(request)]?.exports as T;
  return {
    cache,
    draft2019: take<Record<string, unknown>>(requireFormats, 'ajv-formats-draft2019/formats/index.js'),
    isCidr: take<typeof isCidr>(requireFormats, 'is-cidr'),
    locales: take<Record<string, unknown>>(requireValidate, 'ajv-i18n'),
  };
}

describe('installLeanModelValidation', () => {
  it('stands in for every export of the modules it defers', () => {
    const lean = withStandIns();
    expect(Object.keys(lean.draft2019).sort()).toEqual(Object.keys(draft2019).sort());
    expect(Object.keys(draft2019).filter((k) => typeof draft2019[k] === 'function')).toEqual(
      expect.arrayContaining([...DRAFT2019_CHECKS]),
    );
    expect(Object.keys(lean.locales).sort()).toEqual(Object.keys(locales).sort());
    expect(AJV_LOCALES).toHaveLength(Object.keys(locales).length);
    expect(lean.draft2019.duration).toBe(draft2019.duration);
  });

  it('answers as the real formats and locales once used', () => {
    const lean = withStandIns();
    for (const value of ['https://example.com/a?b', 'not an iri', 'user@example.com', 'xn--bcher-kva.example']) {
      for (const name of DRAFT2019_CHECKS) {
        const check = (f: unknown) => (f as (v: string) => boolean)(value);
        expect(check(lean.draft2019[name]), `${name} ${value}`).toBe(check(draft2019[name]));
      }
    }
    for (const value of ['10.0.0.0/8', '::1/128', '10.0.0.0']) {
      expect(lean.isCidr(value)).toBe(isCidr(value));
      expect(lean.isCidr.v4(value)).toBe(isCidr.v4(value));
    }
    expect(lean.locales.en).toBe(locales.en);
  });

  it('leaves a module cache that already holds @kubernetes-models/validate alone', () => {
    const cache: NodeJS.Require['cache'] = { [validateEntry]: {} as NodeJS.Module };
    installLeanModelValidation(cache, modelFile);
    expect(Object.keys(cache)).toEqual([validateEntry]);
  });
});
