/**
 * Recognises YAML and JSON files that are not Kubernetes manifests — CI pipelines, compose files, tool
 * configurations (kind, skaffold, k3d, kubeconfigs, kubeadm), package manifests — so they are skipped with an
 * INFO line instead of meeting the Kubernetes checks.
 */

/** Files recognised by their path alone: `[pattern, what the file is]`. */
const BY_PATH: [RegExp, string][] = [
  [/(^|\/)\.github\/(workflows|actions)\//, 'a GitHub Actions file'],
  [/(^|\/)\.github\/[^/]+\.ya?ml$/, 'a GitHub configuration file'],
  [/(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)\.gitlab\//, 'a GitLab CI file'],
  [/(^|\/)(\.travis|appveyor|azure-pipelines|bitbucket-pipelines|cloudbuild|codecov|\.codecov)\.ya?ml$/, 'a CI file'],
  [/(^|\/)\.circleci\/|(^|\/)\.buildkite\/|(^|\/)\.tekton\/pipelines-as-code/, 'a CI file'],
  [/(^|\/)(docker-)?compose(\.[^/]*)?\.ya?ml$/, 'a Compose file'],
  [/(^|\/)(skaffold|tilt|garden|devspace|okteto|ctlptl)(\.[^/]*)?\.ya?ml$/, 'a development tool configuration'],
  [/(^|\/)(kind|k3d|kubeconfig)([.-][^/]*)?\.ya?ml$/, 'a cluster tool configuration'],
  [
    /(^|\/)(\.pre-commit-config|\.golangci|\.goreleaser|mkdocs|\.yamllint|\.markdownlint|\.readthedocs|\.clang-format|\.prettierrc|pnpm-workspace|pnpm-lock|\.yarnrc|buf(\.gen|\.work)?|openapi|swagger|dependabot|renovate|release-please[^/]*|\.releaserc|ct|lintconf|artifacthub-repo)\.(ya?ml|json)$/,
    'a tool configuration',
  ],
  [
    /(^|\/)(package(-lock)?|tsconfig[^/]*|jsconfig|composer|bower|lerna|nx|turbo|deno|biome|\.eslintrc|\.babelrc|renovate|app|manifest|devcontainer|launch|settings|extensions)\.json$/,
    'a package or editor configuration',
  ],
  [/\.schema\.json$|(^|\/)values\.schema\.json$/, 'a JSON schema'],
];

/** API groups (and `apiVersion` prefixes) of configuration files that look like objects but are never applied. */
const CONFIG_API = [
  /^kind\.x-k8s\.io\//,
  /^skaffold\//,
  /^k3d\.io\//,
  /^ctlptl\.dev\//,
  /^kustomize\.config\.k8s\.io\//,
  /^config\.kubernetes\.io\//,
  /^kubeadm\.k8s\.io\//,
  /^kubelet\.config\.k8s\.io\//,
  /^kubeproxy\.config\.k8s\.io\//,
  /^apiserver\.config\.k8s\.io\//,
  /^audit\.k8s\.io\//,
  /^client\.authentication\.k8s\.io\//,
  /^kubescheduler\.config\.k8s\.io\//,
  /^eksctl\.io\//,
  /^builtin$/,
];

/** What a file is when its path says it is not a manifest, else undefined. */
export function nonManifestByPath(path: string): string | undefined {
  for (const [re, what] of BY_PATH) if (re.test(path)) return what;
  return undefined;
}

/** True for a JSON file that cannot be a manifest: it names no `apiVersion` and no `kind`. */
export function jsonWithoutObjects(path: string, text: string): boolean {
  return /\.json$/i.test(path) && !(/"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text));
}

/** What a document is when its apiVersion/kind is a tool configuration (kind, skaffold, a kubeconfig), else undefined. */
export function nonManifestDoc(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { apiVersion, kind } = value as { apiVersion?: unknown; kind?: unknown };
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  if (kind === 'Config' && apiVersion === 'v1' && ('clusters' in value || 'contexts' in value || 'users' in value)) {
    return 'a kubeconfig';
  }
  if (CONFIG_API.some((re) => re.test(apiVersion))) return `a ${kind} configuration (${apiVersion})`;
  return undefined;
}
