import type { Intent } from '../intent/intent.js';
import { deleteSteps, metadataSteps, nodeSteps, resizeVolumeSteps, switchTrafficSteps } from './changeSteps.js';
import type { Built, PlanContext } from './planContext.js';

type ChangeIntent = Extract<Intent, { action: 'delete' | 'node' | 'metadata' | 'switchTraffic' | 'resizeVolume' }>;

/** Steps of the intents that change existing objects other than through their pod template. */
export function changeStepsFor(intent: ChangeIntent, ctx: PlanContext): Promise<Built> {
  switch (intent.action) {
    case 'delete':
      return deleteSteps(intent, ctx);
    case 'node':
      return nodeSteps(intent, ctx);
    case 'metadata':
      return metadataSteps(intent, ctx);
    case 'switchTraffic':
      return switchTrafficSteps(intent, ctx);
    case 'resizeVolume':
      return resizeVolumeSteps(intent, ctx);
  }
}
