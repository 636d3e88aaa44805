import type { Intent } from '../intent/intent.js';
import { changeStepsFor } from './changeStepsFor.js';
import { createSteps, exposeSteps } from './createSteps.js';
import type { Built, PlanContext } from './planContext.js';
import { analyzeSteps, getSteps, listSteps, logsSteps } from './readSteps.js';
import {
  restartSteps,
  rollbackSteps,
  scaleSteps,
  setEnvSteps,
  setImageSteps,
  setResourcesSteps,
} from './workloadSteps.js';

/** The steps of one intent, resolving its names against the cluster (read-only). */
export async function buildSteps(intent: Intent, ctx: PlanContext): Promise<Built> {
  switch (intent.action) {
    case 'scale':
      return scaleSteps(intent, ctx);
    case 'restart':
      return restartSteps(intent, ctx);
    case 'rollback':
      return rollbackSteps(intent, ctx);
    case 'setImage':
      return setImageSteps(intent, ctx);
    case 'setEnv':
      return setEnvSteps(intent, ctx);
    case 'setResources':
      return setResourcesSteps(intent, ctx);
    case 'create':
      return createSteps(intent, ctx);
    case 'expose':
      return exposeSteps(intent, ctx);
    case 'logs':
      return logsSteps(intent, ctx);
    case 'list':
      return listSteps(intent, ctx);
    case 'get':
      return getSteps(intent, ctx);
    case 'analyze':
      return analyzeSteps(intent, ctx);
    default:
      return changeStepsFor(intent, ctx);
  }
}
