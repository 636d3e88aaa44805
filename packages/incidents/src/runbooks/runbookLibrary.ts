import {
  type AuditLog,
  InputError,
  type NewRunbook,
  type NewRunbookVersion,
  NotFoundError,
  type Paginated,
  type PaginationParams,
  type Runbook,
  type RunbookStep,
  type RunbookVersion,
} from '@opspilot/core';
import type { CauseKind } from '../rca/cause.js';
import { actionCatalog } from './actionCatalog.js';
import { parseRunbook } from './parseRunbook.js';
import type { RunbookAction } from './runbookAction.js';
import type { RunbookDocStep, RunbookDocument } from './runbookDocument.js';
import { SHIPPED_RUNBOOKS } from './shippedRunbooks.js';

type Filter = Record<string, string | number | boolean | undefined>;

/** Where runbooks and their versions are kept (`store.runbooks` and `store.runbookVersions` fit). */
export interface RunbookStores {
  runbooks: {
    create(input: NewRunbook): Promise<Runbook>;
    get(id: string): Promise<Runbook>;
    update(id: string, patch: Partial<Runbook>): Promise<Runbook>;
    list(filter?: Filter, page?: Partial<PaginationParams>): Promise<Paginated<Runbook>>;
  };
  versions: {
    create(input: NewRunbookVersion): Promise<RunbookVersion>;
    list(filter?: Filter, page?: Partial<PaginationParams>): Promise<Paginated<RunbookVersion>>;
  };
}

/** A stored runbook with its current version, its YAML and the document parsed from it. */
export interface LoadedRunbook {
  runbook: Runbook;
  version: number;
  source: string;
  document: RunbookDocument;
  order: string[];
}

/** The seed-004 step of a document step (what the `runbooks.steps` column shows). */
function seedStep(step: RunbookDocStep, catalog: Map<string, RunbookAction>): RunbookStep {
  const changing = step.type === 'action';
  const drain = step.type === 'action' && step.action === 'node:drain';
  return {
    id: step.id,
    name:
      step.name ??
      (step.type === 'wait' ? `wait ${step.seconds}s` : (catalog.get(step.action)?.description ?? step.action)),
    action: step.type === 'wait' ? 'wait' : step.action,
    input: step.type === 'wait' ? { seconds: step.seconds } : step.with,
    effect: drain ? 'DESTRUCTIVE' : changing ? 'WRITE' : 'READ',
    timeout_seconds: step.timeout_seconds,
    continue_on_failure: step.continue_on_failure,
  };
}

/**
 * Runbooks as versioned YAML: saving validates (see {@link parseRunbook}: an unknown action, a missing parameter or a
 * cycle is refused with its line) and keeps every version; the seed-004 `runbooks` row mirrors the newest one.
 * Audited as `runbook.saved`.
 */
export function createRunbookLibrary(
  stores: RunbookStores,
  audit: Pick<AuditLog, 'append'>,
  catalog: Map<string, RunbookAction> = actionCatalog(),
) {
  const byName = async (name: string) => (await stores.runbooks.list({ name }, { page_size: 1 })).items[0];
  const latest = async (runbookId: string) =>
    (await stores.versions.list({ runbook_id: runbookId }, { page_size: 100 })).items.sort(
      (a, b) => b.version - a.version,
    )[0];

  async function load(nameOrId: string): Promise<LoadedRunbook> {
    const runbook = /^[0-9a-f-]{36}$/.test(nameOrId) ? await stores.runbooks.get(nameOrId) : await byName(nameOrId);
    if (!runbook)
      throw new NotFoundError(`runbook ${nameOrId} not found`, { hint: 'list the runbooks (opspilot runbooks list)' });
    const version = await latest(runbook.id);
    if (!version)
      throw new NotFoundError(`runbook ${runbook.name} has no saved YAML`, { hint: 'save it again from its YAML' });
    const parsed = parseRunbook(version.source, catalog);
    if (!parsed.ok) {
      throw new InputError(`runbook ${runbook.name} v${version.version} no longer validates`, {
        hint: parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; '),
      });
    }
    return { runbook, version: version.version, source: version.source, document: parsed.runbook, order: parsed.order };
  }

  async function save(source: string, user: string): Promise<LoadedRunbook> {
    const parsed = parseRunbook(source, catalog);
    if (!parsed.ok) {
      throw new InputError(
        `the runbook is invalid: ${parsed.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`,
        { hint: 'fix the lines named and save again', details: { problems: parsed.problems } },
      );
    }
    const doc = parsed.runbook;
    const fields = {
      name: doc.metadata.name,
      description: doc.metadata.description,
      trigger_conditions: { causes: doc.triggers.causes, alerts: doc.triggers.alerts },
      steps: doc.steps.map((s) => seedStep(s, catalog)),
      auto_execute: doc.auto_execute,
      requires_approval: doc.requires_approval,
    };
    const existing = await byName(doc.metadata.name);
    const runbook = existing ? await stores.runbooks.update(existing.id, fields) : await stores.runbooks.create(fields);
    const version = ((existing ? await latest(existing.id) : undefined)?.version ?? 0) + 1;
    await stores.versions.create({ runbook_id: runbook.id, version, source, created_by: user });
    await audit.append({
      action: 'runbook.saved',
      user_id: user,
      target: `runbook/${doc.metadata.name}`,
      details: { runbook_id: runbook.id, version },
    });
    return { runbook, version, source, document: doc, order: parsed.order };
  }

  return {
    save,
    load,
    /** Saves the shipped runbooks that are not stored yet (at start; a user's changes to them are kept). */
    async installShipped(): Promise<number> {
      let installed = 0;
      for (const source of SHIPPED_RUNBOOKS) {
        const name = /name: ([a-z0-9-]+)/.exec(source)?.[1] as string;
        if (await byName(name)) continue;
        await save(source, 'system');
        installed++;
      }
      return installed;
    },
    list: (page?: Partial<PaginationParams>) => stores.runbooks.list({}, page),
    /** Every version of a runbook, newest first. */
    versions: async (nameOrId: string) => {
      const { runbook } = await load(nameOrId);
      return (await stores.versions.list({ runbook_id: runbook.id }, { page_size: 100 })).items.sort(
        (a, b) => b.version - a.version,
      );
    },
    /** The runbooks whose triggers name a cause kind (shipped and user-defined). */
    async forCause(kind: CauseKind): Promise<Runbook[]> {
      const all = await stores.runbooks.list({}, { page_size: 100 });
      return all.items.filter((r) => ((r.trigger_conditions.causes as string[] | undefined) ?? []).includes(kind));
    },
  };
}

/** The runbook library built by {@link createRunbookLibrary}. */
export type RunbookLibrary = ReturnType<typeof createRunbookLibrary>;
