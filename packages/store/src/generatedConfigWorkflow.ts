import type { GeneratedConfig, GeneratedConfigState, ValidationResult } from '@opspilot/core';
import type { Store } from './openStore.js';

/** The tool name recorded for configurations opspilot's own generators produce. */
export const GENERATOR_TOOL = 'opspilot-generate';

/** The audit action of a move into `state`, e.g. `generated_config.needs_review`. */
export function auditActionOf(state: GeneratedConfigState): string {
  return `generated_config.${state.toLowerCase()}`;
}

/** A validation finding of a generated file (the shape of a manifests finding), with the file it is about. */
export interface GeneratedFinding extends ValidationResult {
  file?: string;
}

/** A validation finding as a seed-000 validation result. */
export function toValidationResult(f: ValidationResult): ValidationResult {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...(f.path ? { path: f.path } : {}),
    ...(f.line ? { line: f.line } : {}),
    ...(f.column ? { column: f.column } : {}),
  };
}

/** Who did what, for a transition. */
export interface Actor {
  user: string;
  /** What was asked (the description or `--from DIR`), kept in the audit entry. */
  prompt?: string;
  notes?: string;
}

/**
 * Moves a configuration to `to` (the store checks the seed-000 state machine), optionally updating its review
 * notes, and appends the audit entry naming the acting user — all in one transaction, so no transition goes
 * unaudited.
 */
export async function transitionAudited(
  store: Store,
  id: string,
  to: GeneratedConfigState,
  actor: Actor,
  patch: Partial<Pick<GeneratedConfig, 'review_notes' | 'content' | 'validation_results'>> = {},
): Promise<GeneratedConfig> {
  return store.transaction(async (tx) => {
    const before = await tx.generatedConfigs.get(id);
    let after = await tx.generatedConfigs.transition(id, to);
    if (Object.keys(patch).length > 0) after = await tx.generatedConfigs.update(id, patch);
    await tx.audit.append({
      user_id: actor.user,
      action: auditActionOf(to),
      target: `generated_config/${id}`,
      ai_tool: GENERATOR_TOOL,
      input_prompt: actor.prompt ?? '',
      output_generated: patch.content ?? '',
      details: {
        from: before.state,
        to,
        file_path: after.file_path,
        resource_type: after.resource_type,
        ...(actor.notes ? { notes: actor.notes } : {}),
      },
    });
    return after;
  });
}

/** One stored file of a generation run. */
export interface StoredConfig {
  id: string;
  /** The revision of the generation it belongs to (1 the first time). */
  revision: number;
  path: string;
  resource_type: string;
  state: GeneratedConfigState;
  errors: number;
  warnings: number;
}

/**
 * Stores generated files as seed-000 Generated Configurations and walks each through the workflow: GENERATED →
 * VALIDATION → NEEDS_REVIEW, or → INVALID → REJECTED when validation found an error in it; `revision` numbers a
 * generation of files that were generated before (each revision goes through review anew). Also records the request
 * as an AI command linked to the configurations. Every move is audited with the acting user. Shared by the CLI
 * (`opspilot generate`, `opspilot pipeline`) and the server (`manifests.generateProject`).
 */
export async function storeGenerated(
  store: Store,
  files: readonly { path: string; content: string; resourceType: string }[],
  report: { valid: boolean; findings: readonly GeneratedFinding[] },
  actor: Actor & { prompt: string },
  revision = 1,
): Promise<StoredConfig[]> {
  const command = await store.aiCommands.create({
    command_type: 'OPSPILOT',
    natural_language_input: actor.prompt,
    generated_output: files.map((f) => `# ${f.path}\n${f.content}`).join('\n'),
    validation_status: report.valid ? 'NEEDS_REVIEW' : 'INVALID',
    user_id: actor.user,
  });
  const stored: StoredConfig[] = [];
  for (const file of files) {
    const results = report.findings.filter((f) => f.file === file.path).map(toValidationResult);
    const config = await store.transaction(async (tx) => {
      const created = await tx.generatedConfigs.create({
        ai_command_id: command.id,
        file_path: file.path,
        content: file.content,
        generator_tool: GENERATOR_TOOL,
        resource_type: file.resourceType,
        validation_results: results,
        human_review_required: true,
        revision,
      });
      await tx.audit.append({
        user_id: actor.user,
        action: auditActionOf('GENERATED'),
        target: `generated_config/${created.id}`,
        ai_tool: GENERATOR_TOOL,
        input_prompt: actor.prompt,
        output_generated: file.content,
        details: { to: 'GENERATED', file_path: file.path, resource_type: file.resourceType, revision },
      });
      return created;
    });
    await transitionAudited(store, config.id, 'VALIDATION', actor);
    const errors = results.filter((r) => r.severity === 'ERROR').length;
    let state: GeneratedConfigState = 'NEEDS_REVIEW';
    if (errors > 0) {
      await transitionAudited(store, config.id, 'INVALID', actor);
      const notes = `rejected automatically: ${errors} validation error(s)`;
      await transitionAudited(store, config.id, 'REJECTED', { ...actor, notes }, { review_notes: notes });
      state = 'REJECTED';
    } else {
      await transitionAudited(store, config.id, 'NEEDS_REVIEW', actor);
    }
    stored.push({
      id: config.id,
      revision,
      path: file.path,
      resource_type: file.resourceType,
      state,
      errors,
      warnings: results.filter((r) => r.severity === 'WARNING').length,
    });
  }
  return stored;
}
