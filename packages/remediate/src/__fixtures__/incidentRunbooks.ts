import { actionCatalog, createRunbookLibrary, createRunbookRunner } from '@opspilot/incidents';
import { type RunbookPort, runbookPortOf } from '../healing/runbookPort.js';
import type { remediateHarness } from './remediateHarness.js';

type Harness = Awaited<ReturnType<typeof remediateHarness>>;

/** The shipped incident runbooks and their runner over the harness's store and cluster, as a healing RunbookPort. */
export async function incidentRunbooks(h: Harness): Promise<RunbookPort & { runner: ReturnType<typeof createRunbookRunner> }> {
  const catalog = actionCatalog();
  const library = createRunbookLibrary({ runbooks: h.store.runbooks, versions: h.store.runbookVersions }, h.store.audit, catalog);
  await library.installShipped();
  const { recovery: _r, catalogue: _c, ...ops } = h.deps;
  const runner = createRunbookRunner({
    library,
    executions: h.store.runbookExecutions,
    ops,
    catalog,
    audit: h.store.audit,
    clock: h.clock,
  });
  return { runner, ...runbookPortOf({ library, runner, executions: h.store.runbookExecutions }) };
}
