import { Environment } from '@marcbachmann/cel-js';
import { parseQuantity } from '../controllers/quantity.js';

/** A Kubernetes quantity inside CEL (`quantity('500m')`), compared by value. */
class Quantity {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
}

function quantityOf(text: string): Quantity {
  const value = parseQuantity(text);
  if (value === undefined) throw new Error(`quantities must match the regular expression for quantities: ${text}`);
  return new Quantity(text, value);
}

const sign = (a: Quantity, b: Quantity) => BigInt(Math.sign(a.value - b.value));

/**
 * The CEL environment of admission expressions: standard CEL plus the Kubernetes quantity library (`quantity`,
 * `isQuantity`, `isGreaterThan`, `isLessThan`, `compareTo`, `asApproximateFloat`), with optional field access
 * (`object.?spec.?x.orValue(…)`) and undeclared variables dynamic.
 * @see https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-quantity-library
 */
const ENV = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  enableOptionalTypes: true,
})
  .registerType('Quantity', Quantity)
  .registerFunction('quantity(string): Quantity', quantityOf)
  .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined)
  .registerFunction('Quantity.isGreaterThan(Quantity): bool', (a: Quantity, b: Quantity) => a.value > b.value)
  .registerFunction('Quantity.isLessThan(Quantity): bool', (a: Quantity, b: Quantity) => a.value < b.value)
  .registerFunction('Quantity.compareTo(Quantity): int', sign)
  .registerFunction('Quantity.asApproximateFloat(): double', (a: Quantity) => a.value);

const parsed = new Map<string, ReturnType<typeof ENV.parse>>();

/**
 * Evaluates one admission CEL expression against its variables (`object`, `oldObject`, `request`, `params`,
 * `namespaceObject`, `variables`); parsed expressions are cached. Throws the CEL error of a bad expression or a
 * runtime error (a missing field without `has()`), which the caller maps to the policy's failurePolicy.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/#validation-expression
 */
export function evaluateCel(expression: string, activation: Record<string, unknown>): unknown {
  let program = parsed.get(expression);
  if (!program) {
    program = ENV.parse(expression);
    if (parsed.size > 5000) parsed.clear();
    parsed.set(expression, program);
  }
  return program(activation);
}
