import type { Rule, RuleCategory, ValidationSeverity, Violation } from '@opspilot/core';
import { type DockerDoc, type DockerInstruction, shellCommands } from '../docker/dockerDoc.js';

/** A validator rule over one parsed Dockerfile. */
export type DockerRule = Rule<DockerDoc, unknown>;

/** A problem a Dockerfile rule reports at an instruction (or line 1 when the whole file is concerned). */
export interface DockerProblem {
  message: string;
  at?: DockerInstruction;
  fix?: string;
  severity?: ValidationSeverity;
}

/** The short form {@link dockerRule} accepts. */
export interface DockerRuleDefinition {
  id: string;
  category: RuleCategory;
  severity: ValidationSeverity;
  description: string;
  fix: string;
  check(doc: DockerDoc): DockerProblem[];
}

/**
 * Declares a Dockerfile rule as core's `defineRule` would; its problems become violations with the rule id, the
 * default severity, the instruction's line and column, and a fix.
 * @example
 * export const dockerNoSudo = dockerRule({ id: 'docker-no-sudo', category: 'security', severity: 'ERROR',
 *   description: 'RUN must not use sudo', fix: 'drop sudo', check: (doc) => [...] });
 */
export function dockerRule(definition: DockerRuleDefinition): DockerRule {
  const { fix, check, ...rest } = definition;
  // Not through core's `defineRule`: its zod check of ~180 definitions cost every `opspilot validate` ~10 ms at
  // start; ruleDefinitions.test.ts runs that check over every built-in rule instead.
  return {
    ...rest,
    appliesTo: 'Dockerfile',
    check(doc): Violation[] {
      return check(doc).map((p) => ({
        rule: definition.id,
        severity: p.severity ?? definition.severity,
        message: p.message,
        line: p.at?.line ?? 1,
        column: p.at?.column ?? 1,
        fix: p.fix ?? fix,
      }));
    },
  };
}

/** The RUN instructions of a Dockerfile with their shell commands. */
export function runCommands(doc: DockerDoc): { ins: DockerInstruction; commands: string[][] }[] {
  return doc.instructions
    .filter((i) => i.keyword === 'RUN')
    .map((ins) => ({ ins, commands: shellCommandsCached(ins) }));
}

const commandCache = new WeakMap<DockerInstruction, string[][]>();

function shellCommandsCached(ins: DockerInstruction): string[][] {
  let c = commandCache.get(ins);
  if (!c) {
    c = shellCommands(ins);
    commandCache.set(ins, c);
  }
  return c;
}

/** The final build stage (the image that ships), if any. */
export function finalStage(doc: DockerDoc) {
  return doc.stages[doc.stages.length - 1];
}

/** One problem per RUN naming every unpinned package (hadolint reports pinning once per instruction). */
export function unpinnedOnce(at: DockerInstruction, packages: string[]): DockerProblem[] {
  const unique = [...new Set(packages)];
  if (unique.length === 0) return [];
  const message =
    unique.length === 1
      ? `package ${unique[0]} is not pinned to a version`
      : `packages not pinned to a version: ${unique.join(', ')}`;
  return [{ message, at }];
}
