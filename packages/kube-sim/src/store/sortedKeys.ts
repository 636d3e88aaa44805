/**
 * Keys kept in ascending order, so the object store lists a kind (or one namespace of it) by a binary search
 * and a walk instead of sorting everything on every page: `kubectl get pods -A` over 10,000 pods asks for 20
 * pages of 500.
 */
export class SortedKeys {
  private readonly keys: string[] = [];

  /** How many keys are held. */
  get size(): number {
    return this.keys.length;
  }

  /** Adds a key (a key already held is left alone). */
  insert(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  /** Removes a key if held. */
  remove(key: string): void {
    const at = this.lowerBound(key);
    if (this.keys[at] === key) this.keys.splice(at, 1);
  }

  /** The keys starting with `prefix` and greater than `after` (when given), in order. */
  *range(prefix: string, after?: string): Generator<string> {
    let at = this.lowerBound(after !== undefined && after > prefix ? after : prefix);
    if (after !== undefined && this.keys[at] === after) at++;
    for (; at < this.keys.length; at++) {
      const key = this.keys[at]!;
      if (!key.startsWith(prefix)) return;
      yield key;
    }
  }

  /** The index of the first key not less than `key`. */
  private lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.keys[mid]! < key) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
