import { readFileSync } from 'node:fs';
import { PriceModel, parsePricingFile } from '@opspilot/cost';

const cache = new Map<string, PriceModel>();

/**
 * The price model of the server and the CLI: the pricing file named by `OPSPILOT_COST_PRICING_FILE` (YAML, see
 * docs/cost.md) over the built-in defaults, or the defaults alone. A broken file is refused naming its line.
 */
export function costPrices(file = process.env.OPSPILOT_COST_PRICING_FILE): PriceModel {
  if (!file) return new PriceModel();
  const cached = cache.get(file);
  if (cached) return cached;
  const model = new PriceModel(parsePricingFile(readFileSync(file, 'utf8'), file));
  cache.set(file, model);
  return model;
}
