import type { HealingAction, HealingRule, NewHealingAction } from '@opspilot/core';

type Filter = Record<string, string | number | boolean | { gte?: string; lt?: string } | undefined>;
type Page<T> = { items: T[]; total: number };

/**
 * Where healing rules and their actions are kept (seed 004 `healing_rules`, `healing_actions`): the store's
 * `healingRules` and `healingActions` repositories fit it. Lists are newest first.
 */
export interface HealingStore {
  rules: {
    list(filter?: Filter, page?: { page?: number; page_size?: number }): Promise<Page<HealingRule>>;
    update(id: string, patch: Partial<HealingRule>): Promise<HealingRule>;
  };
  actions: {
    create(input: NewHealingAction): Promise<HealingAction>;
    update(id: string, patch: Partial<HealingAction>): Promise<HealingAction>;
    list(filter?: Filter, page?: { page?: number; page_size?: number }): Promise<Page<HealingAction>>;
  };
}

/** Every action matching `filter` (all pages, newest first). */
export async function allActions(store: HealingStore, filter: Filter): Promise<HealingAction[]> {
  const found: HealingAction[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await store.actions.list(filter, { page, page_size: 100 });
    found.push(...items);
    if (found.length >= total || items.length === 0) return found;
  }
}
