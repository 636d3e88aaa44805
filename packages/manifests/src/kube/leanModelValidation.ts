import { createRequire, Module } from 'node:module';

type Cache = NodeJS.Require['cache'];
type Check = (value: string) => unknown;

/** The formats of `ajv-formats-draft2019` that are functions (its `duration` is a regular expression, loaded as is). */
export const DRAFT2019_CHECKS = ['iri', 'idn-email', 'idn-hostname', 'iri-reference'] as const;
/** The locales of `ajv-i18n` (only `en` is used: the message of a failed validation). */
export const AJV_LOCALES = [
  'ar',
  'ca',
  'cs',
  'de',
  'en',
  'es',
  'fi',
  'fr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'pl',
  'pt-BR',
  'ru',
  'sk',
  'sv',
  'th',
  'zh',
  'zh-TW',
] as const;

/**
 * Puts stand-ins in the module cache for what `@kubernetes-models/validate` (as the model module `modelFile`
 * resolves it) loads up front and a validation rarely uses: the formats of `ajv-formats-draft2019` (IRI and e-mail
 * grammars, the IANA scheme lists), `is-cidr`, and the 23 locales of `ajv-i18n` (the English message of a failed
 * validation). About 45 modules, a fifth of the CPU time of `opspilot validate` of one file, where the compiled
 * schemas of Kubernetes kinds use none of those formats. Each stand-in loads the real module the first time it is
 * used and hands over to it, so validation and its messages are unchanged. A module already loaded stays.
 */
export function installLeanModelValidation(cache: Cache, modelFile: string): void {
  const validateEntry = createRequire(modelFile).resolve('@kubernetes-models/validate');
  if (cache[validateEntry]) return;
  const requireFormats = createRequire(createRequire(validateEntry).resolve('./formats.js'));
  const requireValidate = createRequire(createRequire(validateEntry).resolve('./validate.js'));

  standIn(cache, requireFormats, 'ajv-formats-draft2019/formats/index.js', (load, requireReal) => {
    const exports: Record<string, unknown> = { duration: requireReal('./duration') };
    for (const name of DRAFT2019_CHECKS) {
      exports[name] = (value: string) => (load()[name] as Check)(value);
    }
    return exports;
  });
  standIn(cache, requireFormats, 'is-cidr', (load) => {
    const real = () => load() as unknown as Check & { v4: Check; v6: Check };
    return Object.assign((value: string) => real()(value), {
      v4: (value: string) => real().v4(value),
      v6: (value: string) => real().v6(value),
    });
  });
  standIn(cache, requireValidate, 'ajv-i18n', (load) => {
    const exports = {};
    for (const locale of AJV_LOCALES) {
      Object.defineProperty(exports, locale, { enumerable: true, get: () => load()[locale] });
    }
    return exports;
  });
}

/** Caches `make(load)` as the module `request` resolves to from `from`; `load()` replaces it with the real one. */
function standIn(
  cache: Cache,
  from: NodeJS.Require,
  request: string,
  make: (load: () => Record<string, unknown>, requireReal: NodeJS.Require) => unknown,
): void {
  const file = from.resolve(request);
  if (cache[file]) return;
  let real: Record<string, unknown> | undefined;
  const load = () => {
    if (real === undefined) {
      delete cache[file];
      real = from(request) as Record<string, unknown>;
    }
    return real;
  };
  const module = new Module(file);
  module.filename = file;
  module.loaded = true;
  module.exports = make(load, createRequire(file));
  cache[file] = module;
}
