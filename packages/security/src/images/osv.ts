import { InputError } from '@opspilot/core';
import { z } from 'zod';

/**
 * An OSV record, the fields matching needs (the published OSV schema; unknown fields are kept).
 * @see https://ossf.github.io/osv-schema/
 */
export const OsvRecord = z
  .object({
    schema_version: z.string().optional(),
    id: z.string().min(1),
    modified: z.string().min(1),
    summary: z.string().optional(),
    details: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    severity: z.array(z.object({ type: z.string(), score: z.string() })).optional(),
    affected: z
      .array(
        z
          .object({
            package: z.object({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() }),
            ranges: z
              .array(
                z.object({
                  type: z.enum(['SEMVER', 'ECOSYSTEM', 'GIT']),
                  events: z.array(
                    z.object({
                      introduced: z.string().optional(),
                      fixed: z.string().optional(),
                      last_affected: z.string().optional(),
                      limit: z.string().optional(),
                    }),
                  ),
                }),
              )
              .optional(),
            versions: z.array(z.string()).optional(),
            database_specific: z.record(z.string(), z.unknown()).optional(),
          })
          .loose(),
      )
      .default([]),
    database_specific: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();
export type OsvRecord = z.infer<typeof OsvRecord>;

/**
 * The OSV records of one file (a record, or an array of them). A malformed file is an InputError naming the file and
 * the field.
 */
export function parseOsv(text: string, file: string): OsvRecord[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`, { hint: 'OSV records are JSON files' });
  }
  const parsed = z.array(OsvRecord).safeParse(Array.isArray(json) ? json : [json]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (Array.isArray(json) ? issue?.path : issue?.path.slice(1)) ?? [];
    throw new InputError(`${file}: field ${path.join('.') || '(root)'}: ${issue?.message}`, {
      hint: 'see the OSV schema: https://ossf.github.io/osv-schema/',
    });
  }
  return parsed.data;
}
