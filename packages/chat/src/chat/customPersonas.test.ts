import { memoryGateway, plannerCluster } from '@opspilot/ai/testing';
import { createLanguageModel } from '@opspilot/ai-providers';
import type { Clock } from '@opspilot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryBackend, startFakeOpenAi } from '../testing/index.js';
import { BUILTIN_TOOLS } from '../tools/builtinTools.js';
import { createToolRegistry } from '../tools/toolRegistry.js';
import { createChatService } from './chatService.js';
import { memoryChatStore } from './memoryChatStore.js';

const instant: Clock = { now: () => new Date(), sleep: async () => {} };
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const fleet = {
  id: 'fleet-watch',
  name: 'Fleet watch',
  description: 'every cluster at a glance',
  system_prompt: 'You watch every cluster of the fleet.',
  capabilities: ['list_clusters'],
  tone: 'terse, numbers first',
  scope: 'all-clusters' as const,
};

describe("a custom persona's own tone and scope", () => {
  it('speaks in its tone, starts sessions on its scope, and follows a change of either', async () => {
    const fake = await startFakeOpenAi([{ text: 'Two clusters.' }, { text: 'One.' }]);
    stops.push(fake.stop);
    const model = createLanguageModel(
      { provider: 'openai-compatible', base_url: fake.url, model: 'gpt-4o-mini' },
      { clock: instant, policy: { maxRetries: 0 } },
    );
    if (!model.ok) throw model.error;
    const chat = createChatService({
      store: memoryChatStore(),
      registry: createToolRegistry(BUILTIN_TOOLS),
      model: model.value,
    });
    const context = { backend: memoryBackend(memoryGateway(plannerCluster())), user: 'alice' };
    const created = await chat.createPersona(fleet, 'admin');
    expect(created).toMatchObject({ tone: 'terse, numbers first', scope: 'all-clusters', is_builtin: false });

    const wide = await chat.startSession('alice', { persona_id: 'fleet-watch', default_cluster: 'c1' });
    expect(wide.cluster_context).toEqual([]);
    await chat.send(wide, 'how many clusters?', { context });
    const system = String(fake.requests[0]?.messages.find((m) => m.role === 'system')?.content);
    expect(system).toContain('Tone: terse, numbers first.');
    expect(fake.requests[0]?.tools?.map((t) => t.function.name)).toEqual(['list_clusters']);

    await chat.updatePersona('fleet-watch', { scope: 'session', tone: 'warm' });
    const narrow = await chat.startSession('alice', { persona_id: 'fleet-watch', default_cluster: 'c1' });
    expect(narrow.cluster_context).toEqual(['c1']);
    await chat.send(narrow, 'and now?', { context });
    expect(String(fake.requests[1]?.messages.find((m) => m.role === 'system')?.content)).toContain('Tone: warm.');
    // Clusters chosen by the user win over the persona's scope.
    expect(
      (await chat.startSession('alice', { persona_id: 'fleet-watch', cluster_context: ['c2'], default_cluster: 'c1' }))
        .cluster_context,
    ).toEqual(['c2']);
  });

  it('refuses to change a built-in persona, an unknown one, or with nothing to change', async () => {
    const chat = createChatService({ store: memoryChatStore(), registry: createToolRegistry() });
    await chat.createPersona(fleet, 'admin');
    await expect(chat.updatePersona('sre-oncall', { tone: 'loud' })).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(chat.updatePersona('nobody-here', { tone: 'x' })).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(chat.updatePersona('fleet-watch', {})).rejects.toMatchObject({ name: 'InputError' });
    expect((await chat.persona('fleet-watch')).tone).toBe('terse, numbers first');
  });
});
