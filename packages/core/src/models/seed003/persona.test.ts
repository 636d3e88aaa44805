import { describe, expect, it } from 'vitest';
import { Persona } from './persona.js';

const persona = { id: 'platform-ops', name: 'Platform Operations Expert', system_prompt: 'You operate clusters.' };

describe('Persona', () => {
  it('applies the defaults: a custom persona with no tools', () => {
    expect(Persona.parse(persona)).toEqual({ ...persona, description: '', capabilities: [], is_builtin: false });
  });

  it.each(['platform-ops', 'sre1', 'gpu-ops-2', `a${'b'.repeat(31)}`])('accepts the id %s', (id) => {
    expect(Persona.safeParse({ ...persona, id }).success).toBe(true);
  });

  it.each(['ops', 'Platform-ops', '1ops', 'ops-', 'ops_team', 'platform ops', `a${'b'.repeat(32)}`])(
    'refuses the id %s',
    (id) => {
      const result = Persona.safeParse({ ...persona, id });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['id']);
    },
  );

  it('requires a name and a system prompt', () => {
    expect(Persona.safeParse({ ...persona, name: '' }).success).toBe(false);
    expect(Persona.safeParse({ ...persona, system_prompt: '' }).success).toBe(false);
  });
});
