/**
 * @opspilot/manifests — validation (and generation) of Kubernetes manifests, Helm charts and Dockerfiles.
 *
 * Keep this file additive: each area adds its own exports (biome keeps them sorted by path).
 */

export type { AppFramework, AppStack, DetectedApp } from './detect/detectedApp.js';
export { type DetectedProject, detectProject } from './detect/detectProject.js';
export { IGNORED_FOLDERS, isIgnoredPath, ProjectFile, type ProjectFiles } from './detect/projectFiles.js';
export { type DockerDoc, type DockerInstruction, type DockerStage, parseDockerfile } from './docker/dockerDoc.js';
export type { DescriptionFields, DescriptionIssue } from './generate/description/descriptionFields.js';
export { parseDescription } from './generate/description/parseDescription.js';
export { generateDockerfiles } from './generate/dockerfile/generateDockerfiles.js';
export { type GeneratedFile, toYamlDocuments } from './generate/generatedFile.js';
export { generateHelmChart } from './generate/helm/generateHelmChart.js';
export type { ChartOptions } from './generate/helm/helmValues.js';
export { generateManifest, type ManifestGeneration, manifestFromFields } from './generate/kube/generateManifest.js';
export { ManifestKind } from './generate/kube/manifestSpecs.js';
export type { Manifest } from './generate/kube/workloadManifests.js';
export { probeKind } from './generate/project/appDefaults.js';
export {
  generateFromProject,
  type ProjectGeneration,
  type ProjectGenerationOptions,
  type ProjectTarget,
} from './generate/project/generateFromProject.js';
export { generateK8sManifests, type K8sOptions } from './generate/project/generateK8sManifests.js';
export {
  listProjectServices,
  ProjectSummary,
  ServiceSummary,
  summarizeProject,
} from './generate/project/projectSummary.js';
export { type GenerationRecords, projectRecords, resourcesOfFiles } from './generate/records/projectRecords.js';
export { type ImageRef, parseImageRef } from './kube/imageRef.js';
export { isKubeObj, type KubeObj, type KubeResource, refOfObj } from './kube/kubeResource.js';
export {
  type ContainerAt,
  containersOf,
  type PodSpecAt,
  podSpecOf,
  selectorMatches,
  WORKLOAD_KINDS,
} from './kube/podSpec.js';
export { renderValidationText, type TextStyle } from './report/renderText.js';
export { type SarifLog, toSarif } from './report/toSarif.js';
export type { DockerRule } from './rules/dockerRule.js';
export { DOCKER_RULES } from './rules/dockerRules.js';
export {
  type KubeRule,
  type KubeRuleContext,
  type KubeRuleDefinition,
  kubeRule,
  kubeRuleContext,
  namespaceOf,
  type Problem,
} from './rules/kubeRule.js';
export { KUBE_RULES } from './rules/kubeRules.js';
export { IGNORE_ANNOTATION } from './validate/checkManifests.js';
export { DEFAULT_MAX_FILE_BYTES } from './validate/decodeInput.js';
export { KUSTOMIZATION_FILE, type KustomizeRenderer } from './validate/kustomize.js';
export { INPUT_RULES, type RuleInfo, ruleCatalog } from './validate/ruleCatalog.js';
export {
  type ChartFolderReader,
  type CrdSchemaFile,
  FileKind,
  Finding,
  type InputFile,
  type RuleSetting,
  type ValidateOptions,
  type ValidateSettings,
  ValidationReport,
} from './validate/types.js';
export { validateFiles } from './validate/validateFiles.js';
export { type ParsedYaml, parseYamlFile, type YamlDoc } from './yaml/parseYamlFile.js';
