import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../errors/index.js';
import { functionField, PluginId, parseDefinition, schemaField } from './parseDefinition.js';

const Definition = z.object({ id: PluginId, run: functionField<() => void>(), input: schemaField() });

describe('parseDefinition', () => {
  it('accepts ids made of lowercase letters, digits and : . -', () => {
    for (const id of ['pod-crash-loop', 'deployment:rollback', 'k8s.v1', '0day']) {
      expect(PluginId.safeParse(id).success).toBe(true);
    }
    for (const id of ['Pod', '-leading', 'has space', 'under_score', '']) {
      expect(PluginId.safeParse(id).success).toBe(false);
    }
  });

  it('throws an InputError naming the kind, the id and every bad field', () => {
    const call = () => parseDefinition('analyzer', Definition, { id: 'Bad Id', run: 1, input: {} });
    expect(call).toThrow(InputError);
    expect(call).toThrow(/invalid analyzer definition "Bad Id": id: .*; run: must be a function; input: must be a zod/);
    try {
      call();
    } catch (error) {
      expect((error as InputError).hint).toMatch(/analyzer definition/);
    }
  });

  it('copes with a definition that is not an object', () => {
    expect(() => parseDefinition('tool', Definition, undefined)).toThrow(/invalid tool definition: \(definition\)/);
  });

  it('returns a valid definition', () => {
    const definition = { id: 'ok', run: () => {}, input: z.string() };
    expect(parseDefinition('tool', Definition, definition).id).toBe('ok');
  });
});
