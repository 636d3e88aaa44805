import { Timestamp, Uuid } from '@opspilot/core';
import { z } from 'zod';
import type { EntitySpec } from './repository.js';

const findingFields = {
  scan_id: Uuid,
  cluster_id: Uuid.optional(),
  /** The finding's id in its scan (`check:Kind/ns/name:path`), stable across scans of the same problem. */
  finding_key: z.string().min(1),
  check_id: z.string().min(1),
  category: z.string().min(1),
  severity: z.enum(['critical', 'high', 'medium', 'low']),
  object_kind: z.string().min(1),
  object_namespace: z.string().optional(),
  object_name: z.string().min(1),
  message: z.string(),
  evidence: z.array(z.string()).default([]),
  fix: z.string(),
  pss_control: z.string().optional(),
  pss_level: z.enum(['baseline', 'restricted']).optional(),
};

/** One finding of a stored security scan (migration 0015 `security_findings`). */
export const StoredSecurityFinding = z.object({ id: Uuid, ...findingFields, created_at: Timestamp });
export type StoredSecurityFinding = z.infer<typeof StoredSecurityFinding>;

/** What a caller supplies to record a finding. */
export const NewStoredSecurityFinding = z.object(findingFields);
export type NewStoredSecurityFinding = z.input<typeof NewStoredSecurityFinding>;

/** The generic-repository mapping of `security_findings`. */
export const SECURITY_FINDING_SPEC: EntitySpec<StoredSecurityFinding, NewStoredSecurityFinding> = {
  table: 'security_findings',
  noun: 'security finding',
  schema: StoredSecurityFinding,
  newSchema: NewStoredSecurityFinding,
  stamps: ['created_at'],
};
