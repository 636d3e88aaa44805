import type { Timestamp } from '../common.js';

/**
 * Whether `start` is not after `end`. True when either is missing, so it can guard optional windows such as a
 * query's `start_time`/`end_time` as well as required ones. Internal to the seed 003 models; not re-exported.
 */
export function isInOrder(start: Timestamp | undefined, end: Timestamp | undefined): boolean {
  return start === undefined || end === undefined || Date.parse(start) <= Date.parse(end);
}
