/** The environments a cluster may serve (seed 003 §2.1). */
export const ENVIRONMENTS = ['DEVELOPMENT', 'STAGING', 'PRODUCTION', 'LAB'] as const;

/** How the form's credentials are given; `KEEP` (edit only) leaves the stored ones. */
export type CredentialMode = 'SERVICE_ACCOUNT' | 'KUBECONFIG' | 'KEEP';

/** What the add/edit cluster form holds, as typed. */
export interface ClusterFormState {
  name: string;
  display_name: string;
  environment: (typeof ENVIRONMENTS)[number];
  /** `key=value` pairs, one per line or comma-separated. */
  labels: string;
  credentials: CredentialMode;
  api_server_url: string;
  token: string;
  ca_pem: string;
  insecure_skip_tls_verify: boolean;
  kubeconfig: string;
  context: string;
  prometheus_url: string;
  alertmanager_url: string;
  loki_url: string;
  tempo_url: string;
}

/** An empty form: a service-account token is the default way in. */
export function emptyForm(): ClusterFormState {
  return {
    name: '',
    display_name: '',
    environment: 'DEVELOPMENT',
    labels: '',
    credentials: 'SERVICE_ACCOUNT',
    api_server_url: '',
    token: '',
    ca_pem: '',
    insecure_skip_tls_verify: false,
    kubeconfig: '',
    context: '',
    prometheus_url: '',
    alertmanager_url: '',
    loki_url: '',
    tempo_url: '',
  };
}

const NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const ENDPOINTS = ['prometheus_url', 'alertmanager_url', 'loki_url', 'tempo_url'] as const;

function isUrl(text: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/** Reads `key=value` pairs; a malformed one is an error naming it. */
export function parseLabels(text: string): { labels: Record<string, string>; error?: string } {
  const labels: Record<string, string> = {};
  for (const part of text
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9./_-]+)=(.*)$/.exec(part);
    if (!match?.[1]) return { labels, error: `"${part}" is not key=value` };
    labels[match[1]] = (match[2] ?? '').trim();
  }
  return { labels };
}

/** The credentials of the form as the API takes them (`clusters.register`, `update` and `test`). */
export function accessOf(state: ClusterFormState) {
  if (state.credentials === 'SERVICE_ACCOUNT') {
    return {
      api_server_url: state.api_server_url.trim(),
      service_account: {
        token: state.token.trim(),
        ...(state.ca_pem.trim() ? { ca_pem: state.ca_pem.trim() } : {}),
        ...(state.insecure_skip_tls_verify ? { insecure_skip_tls_verify: true } : {}),
      },
    };
  }
  if (state.credentials === 'KUBECONFIG') {
    return { kubeconfig: state.kubeconfig, ...(state.context.trim() ? { context: state.context.trim() } : {}) };
  }
  return {};
}

/** Field errors of the form (empty when it may be sent); `adding` requires credentials and checks the name. */
export function formErrors(state: ClusterFormState, adding: boolean): Partial<Record<keyof ClusterFormState, string>> {
  const errors: Partial<Record<keyof ClusterFormState, string>> = {};
  if (adding && !NAME.test(state.name)) {
    errors.name = "3 to 63 lowercase letters, digits or '-', starting and ending with a letter or digit";
  }
  if (state.display_name.length > 128) errors.display_name = 'at most 128 characters';
  const labels = parseLabels(state.labels);
  if (labels.error) errors.labels = labels.error;
  if (state.credentials === 'SERVICE_ACCOUNT') {
    if (!isUrl(state.api_server_url.trim(), ['https:'])) errors.api_server_url = 'an https:// URL';
    if (!state.token.trim()) errors.token = 'the service-account token is required';
    const pem = state.ca_pem.trim();
    if (pem && !pem.startsWith('-----BEGIN CERTIFICATE-----'))
      errors.ca_pem = 'a PEM certificate (-----BEGIN CERTIFICATE-----)';
  }
  if (state.credentials === 'KUBECONFIG' && !state.kubeconfig.trim()) errors.kubeconfig = 'paste a kubeconfig';
  for (const key of ENDPOINTS) {
    const value = state[key].trim();
    if (value && !isUrl(value, ['http:', 'https:'])) errors[key] = 'an http:// or https:// URL';
  }
  return errors;
}

function endpointsOf(state: ClusterFormState) {
  const endpoints: Partial<Record<(typeof ENDPOINTS)[number], string>> = {};
  for (const key of ENDPOINTS) if (state[key].trim()) endpoints[key] = state[key].trim();
  return endpoints;
}

/** `clusters.register`'s input from a valid form; the connection is tested before anything is saved. */
export function registerInput(state: ClusterFormState) {
  const endpoints = endpointsOf(state);
  return {
    name: state.name,
    ...(state.display_name.trim() ? { display_name: state.display_name.trim() } : {}),
    environment: state.environment,
    labels: parseLabels(state.labels).labels,
    ...(Object.keys(endpoints).length > 0 ? { endpoints } : {}),
    ...accessOf(state),
    check_connection: true,
  };
}

/** `clusters.update`'s input from a valid form: every shown field, credentials only when replaced. */
export function updateInput(id: string, state: ClusterFormState) {
  return {
    id,
    display_name: state.display_name.trim(),
    environment: state.environment,
    labels: parseLabels(state.labels).labels,
    endpoints: endpointsOf(state),
    ...accessOf(state),
    check_connection: state.credentials !== 'KEEP',
  };
}

/** The form of a registered cluster, its credentials kept unless replaced. */
export function formOf(cluster: {
  name: string;
  display_name?: string;
  environment: ClusterFormState['environment'];
  labels: Record<string, string>;
  api_server_url: string;
  endpoints?: Partial<Record<(typeof ENDPOINTS)[number], string>>;
}): ClusterFormState {
  return {
    ...emptyForm(),
    name: cluster.name,
    display_name: cluster.display_name ?? '',
    environment: cluster.environment,
    labels: Object.entries(cluster.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join(', '),
    credentials: 'KEEP',
    api_server_url: cluster.api_server_url,
    prometheus_url: cluster.endpoints?.prometheus_url ?? '',
    alertmanager_url: cluster.endpoints?.alertmanager_url ?? '',
    loki_url: cluster.endpoints?.loki_url ?? '',
    tempo_url: cluster.endpoints?.tempo_url ?? '',
  };
}
