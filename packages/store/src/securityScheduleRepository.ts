import { Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const scheduleFields = {
  cluster_id: Uuid,
  /** Only this namespace is scanned (cluster-scoped kinds still are). */
  namespace: z.string().min(1).max(253).optional(),
  /** Five-field cron expression (`0 2 * * *`), read in `timezone`. */
  cron: z.string().min(1).max(120),
  /** IANA time zone of the cron expression (`Europe/Berlin`, `UTC`). */
  timezone: z.string().min(1).max(64),
  enabled: z.boolean().default(true),
  next_run_at: Timestamp,
  last_run_at: Timestamp.optional(),
  last_scan_id: Uuid.optional(),
  last_status: z.string().max(20).optional(),
  created_by: z.string().min(1),
};

/** A scheduled posture scan of one cluster (migration 0019 `security_scan_schedules`). */
export const StoredScanSchedule = z.object({
  id: Uuid,
  ...scheduleFields,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type StoredScanSchedule = z.infer<typeof StoredScanSchedule>;

/** What a caller supplies to add one. */
export const NewStoredScanSchedule = z.object(scheduleFields);
export type NewStoredScanSchedule = z.input<typeof NewStoredScanSchedule>;

/** The generic-repository mapping of `security_scan_schedules`. */
export const SCAN_SCHEDULE_SPEC: EntitySpec<StoredScanSchedule, NewStoredScanSchedule> = {
  table: 'security_scan_schedules',
  noun: 'scan schedule',
  schema: StoredScanSchedule,
  newSchema: NewStoredScanSchedule,
  stamps: ['created_at', 'updated_at'],
};

const gateFields = {
  /** `IMAGE`: the image gate; `SECRET_MAX_AGE`: the secret rotation policy. */
  kind: z.enum(['IMAGE', 'SECRET_MAX_AGE']),
  /** `all` for every cluster, else the cluster's id (unique with `kind`). */
  scope: z.string().min(1).max(64),
  cluster_id: Uuid.optional(),
  /** The policy's settings, validated by the security guardian's schema of its kind. */
  settings: z.record(z.string(), z.unknown()),
  enabled: z.boolean().default(true),
  updated_by: z.string().min(1),
};

/** A gate policy of the security guardian (migration 0020 `security_gates`). */
export const StoredSecurityGate = z.object({ id: Uuid, ...gateFields, created_at: Timestamp, updated_at: Timestamp });
export type StoredSecurityGate = z.infer<typeof StoredSecurityGate>;

/** What a caller supplies to store one. */
export const NewStoredSecurityGate = z.object(gateFields);
export type NewStoredSecurityGate = z.input<typeof NewStoredSecurityGate>;

/** The generic-repository mapping of `security_gates`. */
export const SECURITY_GATE_SPEC: EntitySpec<StoredSecurityGate, NewStoredSecurityGate> = {
  table: 'security_gates',
  noun: 'security gate',
  schema: StoredSecurityGate,
  newSchema: NewStoredSecurityGate,
  stamps: ['created_at', 'updated_at'],
};
