import type { BadgeTone } from './Badge.js';

const TONE: Record<string, BadgeTone> = {
  // cluster status
  ONLINE: 'good',
  HEALTHY: 'good',
  DEGRADED: 'warn',
  OFFLINE: 'bad',
  UNKNOWN: 'neutral',
  // operation and review states
  APPLIED: 'good',
  APPROVED: 'good',
  NEEDS_REVIEW: 'info',
  REVIEW_AGAIN: 'info',
  APPLYING: 'info',
  NEEDS_CHANGES: 'warn',
  FAILED: 'bad',
  REJECTED: 'bad',
  INVALID: 'bad',
  // risk
  read: 'good',
  write: 'warn',
  destructive: 'bad',
  // severities
  CRITICAL: 'bad',
  ERROR: 'bad',
  HIGH: 'bad',
  WARNING: 'warn',
  MEDIUM: 'warn',
  LOW: 'info',
  INFO: 'info',
  // audit
  SUCCESS: 'good',
  PARTIAL_SUCCESS: 'warn',
  FAILURE: 'bad',
};

/** The badge colour for a state, status, risk or severity word (neutral for anything unknown). */
export function toneOf(word: string): BadgeTone {
  return TONE[word] ?? TONE[word.toUpperCase()] ?? 'neutral';
}
