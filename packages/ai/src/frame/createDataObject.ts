import type { KubeObject } from '@opspilot/core';
import { dataValues } from '../intent/matchers/dataValues.js';
import { type Built, question } from '../plan/planContext.js';
import { type CreationEnv, create, meta } from './createStep.js';
import { KIND_WORD, newName } from './creationKind.js';
import type { Frame } from './frame.js';

/** A ConfigMap or an Opaque Secret with the values the request gives (`key=value` pairs or words such as `with …`). */
export function createDataObject(frame: Frame, what: 'ConfigMap' | 'Secret', env: CreationEnv): Built {
  const { namespace, needNamespace, done } = env;
  const q = frame.quantities;
  const name = newName(frame, what);
  if (!name) return question(`What should the ${what.toLowerCase()} be called?`);
  const missing = needNamespace();
  if (missing) return missing;
  const at = frame.text.toLowerCase().indexOf(name);
  const rest = `${frame.text.slice(0, Math.max(0, at)).replace(/^\S+/, '')} ${frame.text.slice(at + name.length)}`
    .replace(new RegExp(String.raw`\b(?:${KIND_WORD[what]}|new|named|called|store|in|a|an)\b`, 'gi'), ' ')
    .trim();
  const data = { ...dataValues(what, name, rest), ...q.pairs };
  const object: KubeObject =
    what === 'Secret'
      ? { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, namespace), type: 'Opaque', stringData: data }
      : { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, namespace), data };
  return done(`Create ${what} ${name} in namespace ${namespace}`, [create(object)]);
}
