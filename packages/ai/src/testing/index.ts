/** Test helpers of `@opspilot/ai`: an in-memory cluster gateway, its fixture cluster and scripted models. */
export { type MemoryGateway, memoryGateway, type RecordedWrite } from './memoryGateway.js';
export { obedientModel } from './obedientModel.js';
export { deployment, plannerCluster, pod } from './plannerCluster.js';
export { callTools, type ScriptedModel, scriptedModel } from './scriptedModel.js';
