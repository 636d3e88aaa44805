import type { ChartFile, ChartRenderer } from '@opspilot/core';
import { RuleCategory, type ValidationSeverity, Violation } from '@opspilot/core';
import { z } from 'zod';
import type { KustomizeRenderer } from './kustomize.js';

/**
 * Reads a chart folder by its path relative to the input's paths (`..` resolved): the files under it, with paths
 * relative to it; undefined when it holds no chart.
 */
export type ChartFolderReader = (dir: string) => ChartFile[] | undefined;

/** One JSON schema of a custom resource, as a CRD catalog folder holds it. */
export interface CrdSchemaFile {
  group: string;
  /** The kind in lower case, as the catalog's file names write it. */
  kind: string;
  version: string;
  schema: unknown;
}

/** One file handed to {@link validateFiles}: a path (used in reports and for per-path settings) and its bytes or text. */
export interface InputFile {
  path: string;
  content: string | Uint8Array;
  /** The file's real size when `content` was cut short (a reader may stop past the size limit). */
  size?: number;
}

/**
 * One finding of a validation run: a {@link Violation} (seed 000 `ValidationResult` plus `fix`) located in a file,
 * with the rule's category and the resource it is about (`Deployment/web` or `Deployment/shop/web`).
 */
export const Finding = Violation.extend({
  file: z.string(),
  category: z.union([RuleCategory, z.literal('input'), z.literal('schema')]),
  resource: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

/** How one input file was understood. */
export const FileKind = z.enum(['kubernetes', 'dockerfile', 'helm-chart', 'kustomize', 'yaml', 'skipped']);
export type FileKind = z.infer<typeof FileKind>;

/**
 * The result of {@link validateFiles}; this schema is the documented JSON output of `opspilot validate -o json`.
 * Findings are sorted by file, line, column and rule.
 */
export const ValidationReport = z.object({
  version: z.literal(1),
  valid: z.boolean().describe('true when no finding has severity ERROR'),
  files: z.array(z.object({ path: z.string(), kind: FileKind, resources: z.number().int().min(0) })),
  findings: z.array(Finding),
  summary: z.object({
    files: z.number().int().min(0),
    resources: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
    infos: z.number().int().min(0),
  }),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

/** Per-rule settings: switch a rule off, change its severity, or limit it to (or keep it off) some paths (globs). */
export interface RuleSetting {
  enabled?: boolean;
  severity?: ValidationSeverity;
  include?: string[];
  exclude?: string[];
}

/** The `validate:` section of the configuration, as {@link validateFiles} reads it. */
export interface ValidateSettings {
  /** Globs of files never validated. */
  exclude?: string[];
  rules?: Record<string, RuleSetting>;
}

/** Options of {@link validateFiles}. */
export interface ValidateOptions {
  settings?: ValidateSettings;
  /** Renders Helm charts found in the input (a `Chart.yaml`); without it a chart is reported, not rendered. */
  chartRenderer?: ChartRenderer;
  /**
   * Reads a chart folder outside the input (a `file://` dependency such as `file://../common`), by its path
   * relative to the input's paths: the files under it with paths relative to it. Folders in the input need none.
   */
  readChartFolder?: ChartFolderReader;
  /** Values passed to every chart rendered. */
  chartValues?: Record<string, unknown>;
  /** Builds the kustomizations found in the input (`kustomization.yaml`); without it they are reported, not built. */
  kustomizeRenderer?: KustomizeRenderer;
  /**
   * Schemas of custom resources from a schema folder (kubeconform's CRD-catalog layout,
   * `<group>/<kind>_<version>.json`), used with the CRDs found in the input.
   */
  crdSchemas?: CrdSchemaFile[];
  /**
   * The Kubernetes version the input must run on (`1.24`, `v1.24.3`): API versions that version does not serve yet
   * or any more are errors (k8s-api-unavailable, k8s-removed-api). Unset: the newest Kubernetes.
   */
  kubeVersion?: string;
  /** Files larger than this are refused (default 32 MiB). */
  maxFileBytes?: number;
}
