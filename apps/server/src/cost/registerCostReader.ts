import { hasRequestReader, registerRequestReader } from '@opspilot/ai';
import { costRequestReader } from '@opspilot/cost';

/**
 * Lets the planner read cost questions ("how much does namespace todo cost", "what can I save", "rightsize
 * backend") as `{ kind: 'cost' }` outcomes; `ops.ask` answers them with the cost optimizer. Once per process.
 */
export function registerCostReader(): void {
  if (!hasRequestReader(costRequestReader.id)) registerRequestReader(costRequestReader);
}
