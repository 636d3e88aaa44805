import { checkNodeDrained, checkNodeReady, checkRolloutComplete, checkSignalsClear } from './actions/checkActions.js';
import { configMapRevert } from './actions/configActions.js';
import { workloadCpuLimit } from './actions/cpuLimitAction.js';
import { nodeCordon, nodeDrain, nodeUncordon } from './actions/nodeActions.js';
import { events, getObject, logs, rolloutStatus } from './actions/readActions.js';
import { deploymentRollback, workloadMemoryLimit, workloadRestart, workloadScale } from './actions/workloadActions.js';
import type { RunbookAction } from './runbookAction.js';

/** Every built-in runbook action, listed explicitly. */
export const BUILTIN_RUNBOOK_ACTIONS: readonly RunbookAction[] = [
  rolloutStatus,
  events,
  logs,
  getObject,
  checkRolloutComplete,
  checkNodeReady,
  checkNodeDrained,
  checkSignalsClear,
  deploymentRollback,
  workloadRestart,
  workloadScale,
  workloadMemoryLimit,
  workloadCpuLimit,
  configMapRevert,
  nodeCordon,
  nodeDrain,
  nodeUncordon,
];

/** The actions a runbook may use, by id; throws on a duplicate id. */
export function actionCatalog(actions: readonly RunbookAction[] = BUILTIN_RUNBOOK_ACTIONS): Map<string, RunbookAction> {
  const map = new Map<string, RunbookAction>();
  for (const a of actions) {
    if (map.has(a.id)) throw new Error(`runbook action ${a.id} is registered twice`);
    map.set(a.id, a);
  }
  return map;
}
