/**
 * @opspilot/security — live security posture (the same rules `opspilot validate` runs on files), the policy library
 * with its plain-English mapper, and compliance reports.
 *
 * Keep this file additive: each area adds its own exports (sorted by path).
 */

export {
  type CheckedControl,
  type ComplianceResult,
  complianceReport,
  frameworkOf,
} from './compliance/complianceReport.js';
export { FRAMEWORKS, type Framework, type FrameworkControl } from './compliance/frameworks.js';
export { complianceHtml, complianceMarkdown } from './compliance/renderCompliance.js';
export { type SecurityFix, securityFix } from './fixes/securityFix.js';
export { cvss3BaseScore, cvssSeverity } from './images/cvss.js';
export {
  checkImageGate,
  gateProblems,
  ImageGatePolicy,
  type ImageGateResult,
  type ImageGateVerdict,
  imagesOfObjects,
  imagesOfPlan,
  normalizeImage,
  reportFor,
} from './images/imageGate.js';
export { compareVersions, type ImageVulnerability, matchVulnerabilities } from './images/matchVulnerabilities.js';
export { OsvRecord, parseOsv } from './images/osv.js';
export { checkProvenance, type ProvenanceCheck } from './images/provenance.js';
export {
  fetchImageSignatures,
  type OciReference,
  parseOciReference,
  type RegistryAccess,
  type RegistrySignature,
} from './images/registrySignatures.js';
export { parsePurl, parseSbom, type SbomComponent } from './images/sbom.js';
export { type ImageScanReport, parseScannerReport } from './images/scannerReports.js';
export { type ImageSignatureReport, verifyImageSignatures } from './images/verifyImageSignatures.js';
export {
  dssePae,
  type SignatureVerdict,
  sha256Digest,
  type VerifyOptions,
  verifyBundle,
  verifyDsse,
  verifySimpleSigning,
} from './images/verifySignature.js';
export {
  ADMISSION_TEMPLATES,
  admissionPolicyFor,
  type CelValidation,
  CROSS_OBJECT_TEMPLATES,
} from './policies/admissionPolicy.js';
export { AUDIT_KINDS, auditCluster, type ClusterAudit } from './policies/auditCluster.js';
export { auditPolicies, preparePolicy } from './policies/auditPolicies.js';
export { type EnforcementMode, enforcementPlan } from './policies/enforcementPlan.js';
export {
  type ClosestTemplate,
  closestTemplates,
  mapPolicySentence,
  type SentenceMapping,
} from './policies/mapPolicySentence.js';
export { policyAuditOutcome } from './policies/policyAuditQuestion.js';
export { POLICY_TEMPLATES, policyTemplate } from './policies/policyLibrary.js';
export { defineTemplate, type PolicyTemplate } from './policies/policyTemplate.js';
export { PolicyMatch, PolicyViolation, SecurityPolicy, violationLine } from './policies/securityPolicy.js';
export { namespacePostures, scoreOf } from './posture/namespacePostures.js';
export { POSTURE_CHECKS, type PostureCheck, SECURITY_RULES } from './posture/postureChecks.js';
export { rbacGrantsOf } from './posture/rbacGrantsOf.js';
export { type PostureOptions, type PostureRun, runPosture } from './posture/runPosture.js';
export { offlineScan, type ScanClusterOptions, SECURITY_KINDS, scanCluster } from './posture/scanCluster.js';
export { scanFiles } from './posture/scanFiles.js';
export { countBySeverity, type ScanMeta, scanResources, sortFindings } from './posture/scanResources.js';
export { CLUSTER_SCOPED, scanTargets, type TargetOptions } from './posture/scanTargets.js';
export {
  FindingObject,
  objectRef,
  PostureCategory,
  PssLevel,
  SEVERITY_ORDER,
  SEVERITY_WEIGHT,
  SecurityFinding,
  SecuritySeverity,
} from './posture/securityFinding.js';
export { NamespacePosture, RbacGrant, SecurityScan, SeverityCounts } from './posture/securityScan.js';
export { fileResources, liveResource, snapshotResources } from './posture/toResources.js';
export {
  type ImageGateRecords,
  imageGateOf,
  latestImageReports,
  planImageGateProblems,
  type StoredGateRow,
  storedGate,
} from './records/imageGateRecords.js';
export { policyFromRow, policyRow } from './records/policyRecords.js';
export {
  type FindingRow,
  findingRows,
  postureTrend,
  recordScan,
  type ScanRecords,
  scanFromRow,
  scanRow,
  type TrendPoint,
} from './records/scanRecords.js';
export { imageReportFromRows, recordImageScan, type VulnerabilityRecords } from './records/vulnerabilityRecords.js';
export { findingsToSarif, type SecuritySarif, violationsToSarif } from './report/securitySarif.js';
export {
  dueSchedules,
  isTimeZone,
  nextRunAt,
  ScanScheduleInput,
  type ScheduleState,
} from './schedules/scanSchedule.js';
export {
  liveSecretAges,
  MAX_AGE_ANNOTATION,
  RESTARTABLE_KINDS,
  ROTATED_AT_ANNOTATION,
  readsSecret,
  type SecretAge,
  secretAges,
} from './secrets/secretAges.js';
export { RotationRequest, randomSecretValue, type SecretRotation, secretRotation } from './secrets/secretRotation.js';
export { IMAGE_GATE_RULE, imageGateFindings } from './validate/imageGateFindings.js';
export {
  OFF_ON_FILES,
  securityRuleCatalog,
  securityRuleFindings,
  splitValidateSettings,
  withFindings,
} from './validate/securityRuleFindings.js';
