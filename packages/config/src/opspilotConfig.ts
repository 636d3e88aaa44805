import { z } from 'zod';
import { commaList } from './commaList.js';
import { deliverySection } from './deliveryConfig.js';
import { healingSection } from './healingConfig.js';
import { incidentsSection } from './incidentsConfig.js';
import { jobsSection } from './jobsConfig.js';

/** Log levels accepted by `log.level`, most to least severe (pino's levels). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/** Language-model providers accepted by `llm.provider`; `offline` is the built-in deterministic planner. */
export const LLM_PROVIDERS = ['offline', 'openai', 'openai-compatible', 'anthropic', 'ollama'] as const;

/** Where `kube.cluster` points: the built-in simulated cluster, or a real one through a kubeconfig. */
export const CLUSTER_MODES = ['simulated', 'kubeconfig'] as const;

/** Event-bus implementations accepted by `events.bus`. */
export const EVENT_BUSES = ['memory', 'redis', 'nats'] as const;

const oneOf = (values: readonly string[]) => `expected one of ${values.join(', ')}`;
const PORT = 'expected an integer between 1 and 65535';
const TEXT = 'expected a non-empty string';
const SECTION = 'expected a mapping of keys';
const BASE64_32 = /^[A-Za-z0-9+/]{43}=?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const text = () => z.string({ error: TEXT }).min(1, { error: TEXT });

const server = z
  .strictObject(
    {
      port: z.int({ error: PORT }).min(1, { error: PORT }).max(65535, { error: PORT }).default(8080),
      host: text().default('127.0.0.1'),
      public_url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
    },
    { error: SECTION },
  )
  .prefault({});

const database = z
  .strictObject(
    {
      url: z
        .url({
          protocol: /^postgres(ql)?$/,
          error: 'expected a postgres:// URL, e.g. postgres://user:pass@host:5432/db',
        })
        .optional(),
      sqlite_path: text().optional(),
    },
    { error: SECTION },
  )
  .prefault({});

const log = z
  .strictObject({ level: z.enum(LOG_LEVELS, { error: oneOf(LOG_LEVELS) }).default('info') }, { error: SECTION })
  .prefault({});

const llm = z
  .strictObject(
    {
      provider: z.enum(LLM_PROVIDERS, { error: oneOf(LLM_PROVIDERS) }).default('offline'),
      base_url: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }).optional(),
      model: text().optional(),
      api_key: text().optional(),
    },
    { error: SECTION },
  )
  .prefault({});

const kube = z
  .strictObject(
    {
      kubeconfig: text().optional(),
      context: text().optional(),
      namespace: z
        .string({ error: 'expected a Kubernetes namespace name' })
        .regex(DNS_LABEL, {
          error: 'expected a Kubernetes namespace name (lowercase DNS label, at most 63 characters)',
        })
        .optional(),
      cluster: z.enum(CLUSTER_MODES, { error: oneOf(CLUSTER_MODES) }).default('simulated'),
    },
    { error: SECTION },
  )
  .prefault({});

const events = z
  .strictObject(
    {
      bus: z.enum(EVENT_BUSES, { error: oneOf(EVENT_BUSES) }).default('memory'),
      redis_url: z.url({ protocol: /^rediss?$/, error: 'expected a redis:// or rediss:// URL' }).optional(),
      nats_url: z.url({ protocol: /^(nats|tls)$/, error: 'expected a nats:// or tls:// URL' }).optional(),
    },
    { error: SECTION },
  )
  .prefault({});

const DURATION = 'expected a duration like 30s, 15m, 12h or 7d';
const duration = (fallback: string) =>
  z
    .string({ error: DURATION })
    .regex(/^[0-9]+[smhdw]$/, { error: DURATION })
    .default(fallback);
const COUNT = 'expected a positive integer';
const auth = z
  .strictObject(
    {
      session_idle_timeout: duration('30m'),
      session_absolute_timeout: duration('12h'),
      login_max_failures: z.int({ error: COUNT }).min(1, { error: COUNT }).default(5),
      login_window: duration('15m'),
      cookie_secure: z.boolean({ error: 'expected true or false' }).optional(),
      admin_username: text().default('admin'),
    },
    { error: SECTION },
  )
  .prefault({});

const COMMANDS = 'expected a list of commands (a comma-separated string in the environment)';
const commandList = () => commaList(text(), COMMANDS);

/** `clusters:` — what the server trusts in the kubeconfigs of registered clusters. */
const clusters = z.strictObject({ allowed_exec_commands: commandList().default([]) }, { error: SECTION }).prefault({});

const BYTES = 'expected a number of bytes of at least 1024';
/** `webhooks:` — limits of the webhook receivers. */
const webhooks = z
  .strictObject(
    {
      alertmanager_max_bytes: z
        .int({ error: BYTES })
        .min(1024, { error: BYTES })
        .default(4 * 1024 * 1024),
    },
    { error: SECTION },
  )
  .prefault({});

const HTTP_URL = 'expected an http:// or https:// URL';
const TIMEOUT = 'expected a timeout in milliseconds, at least 100';
/** The keys of every HTTP API of the observability stack: base URL, optional bearer token, request timeout. */
const endpointShape = {
  url: z.url({ protocol: /^https?$/, error: HTTP_URL }).optional(),
  bearer_token: text().optional(),
  timeout_ms: z.int({ error: TIMEOUT }).min(100, { error: TIMEOUT }).default(10_000),
};

/** A configuration section for an HTTP API of the observability stack: {@link endpointShape} plus `extra` keys. */
const observeEndpoint = <E extends z.ZodRawShape = Record<never, never>>(extra?: E) =>
  // Every key is optional or defaulted, so an absent section is the empty one (the generic hides that from tsc).
  z.strictObject({ ...endpointShape, ...extra } as typeof endpointShape & E, { error: SECTION }).prefault({} as never);

/** `alertmanager:` — the Alertmanager whose live alerts and silences opspilot reads and writes (v2 API). */
const alertmanager = observeEndpoint();

/** `loki:` — a Loki to search logs with instead of the Kubernetes API; `tenant` is sent as `X-Scope-OrgID`. */
const loki = observeEndpoint({ tenant: text().optional() });

/** `tempo:` — a Tempo to search traces in instead of the spans opspilot received itself; `tenant` as `X-Scope-OrgID`. */
const tempo = observeEndpoint({ tenant: text().optional() });

/** `traces:` — the built-in OTLP receiver (`POST /v1/traces`): how long spans are kept and how large an export may be. */
const traces = z
  .strictObject(
    {
      retention: duration('24h'),
      max_bytes: z
        .int({ error: BYTES })
        .min(1024, { error: BYTES })
        .default(4 * 1024 * 1024),
    },
    { error: SECTION },
  )
  .prefault({});

const POSITIVE = 'expected a positive integer';
/**
 * `prometheus:` — the Prometheus (or Thanos) that answers PromQL for clusters without a `prometheus_url` endpoint of
 * their own; without one, the built-in sampler answers the named queries. Limits bound every metric query.
 */
const prometheus = z
  .strictObject(
    {
      url: z.url({ protocol: /^https?$/, error: HTTP_URL }).optional(),
      bearer_token: text().optional(),
      timeout_ms: z.int({ error: TIMEOUT }).min(100, { error: TIMEOUT }).default(10_000),
      username: text().optional(),
      password: text().optional(),
      max_series: z.int({ error: POSITIVE }).min(1, { error: POSITIVE }).default(10_000),
      max_points: z.int({ error: POSITIVE }).min(2, { error: POSITIVE }).default(11_000),
      max_range: duration('7d'),
      sampler_interval: duration('15s'),
      sampler_window: duration('6h'),
    },
    { error: SECTION },
  )
  .prefault({});

const BASE64_KEY = 'expected the base64 encoding of 32 bytes (generate one with `openssl rand -base64 32`)';
const secrets = z
  .strictObject(
    { encryption_key: z.string({ error: BASE64_KEY }).regex(BASE64_32, { error: BASE64_KEY }).optional() },
    { error: SECTION },
  )
  .prefault({});

const SEVERITIES = ['ERROR', 'WARNING', 'INFO'] as const;
const GLOBS = 'expected a list of path globs (a comma-separated string in the environment)';
const globs = () => commaList(text(), GLOBS);
const RULES = 'expected a mapping of rule ids to { enabled, severity, include, exclude } (JSON in the environment)';
const ruleSetting = z.strictObject(
  {
    enabled: z.boolean({ error: 'expected true or false' }).optional(),
    severity: z.enum(SEVERITIES, { error: oneOf(SEVERITIES) }).optional(),
    include: globs().optional(),
    exclude: globs().optional(),
  },
  { error: 'expected { enabled, severity, include, exclude }' },
);

/** `validate:` — switches and severities of the rules of `opspilot validate` (see @opspilot/manifests). */
const validate = z
  .strictObject(
    {
      exclude: globs().default([]),
      rules: z
        .preprocess(
          (v) => {
            if (typeof v !== 'string') return v;
            try {
              return JSON.parse(v);
            } catch {
              return v;
            }
          },
          z.record(z.string().regex(/^[a-z0-9][a-z0-9:.-]*$/, { error: 'expected a rule id' }), ruleSetting, {
            error: RULES,
          }),
        )
        .default({}),
    },
    { error: SECTION },
  )
  .prefault({});

/**
 * The configuration object before defaults that depend on other keys are filled in. Its shape is the source of
 * the key list and the environment-variable mapping ({@link configKeys}); use {@link OpspilotConfig} to parse.
 */
export const OpspilotConfigObject = z.strictObject(
  {
    server,
    data_dir: text().default('./.opspilot'),
    database,
    log,
    llm,
    kube,
    events,
    auth,
    secrets,
    validate,
    clusters,
    webhooks,
    jobs: jobsSection,
    alertmanager,
    loki,
    prometheus,
    tempo,
    traces,
    incidents: incidentsSection,
    healing: healingSection,
    delivery: deliverySection,
  },
  { error: 'expected a mapping of configuration sections at the top level' },
);

/** A value that is required because another key has a given value. */
interface Requirement {
  when: (c: z.output<typeof OpspilotConfigObject>) => boolean;
  path: [string, string];
  message: string;
}

const REQUIREMENTS: Requirement[] = [
  {
    when: (c) => c.events?.bus === 'redis',
    path: ['events', 'redis_url'],
    message: 'expected a redis:// URL because events.bus is redis',
  },
  {
    when: (c) => c.events?.bus === 'nats',
    path: ['events', 'nats_url'],
    message: 'expected a nats:// URL because events.bus is nats',
  },
  {
    when: (c) => c.llm?.provider === 'openai-compatible',
    path: ['llm', 'base_url'],
    message: 'expected the endpoint URL (e.g. http://127.0.0.1:8000/v1) because llm.provider is openai-compatible',
  },
  {
    when: (c) => c.llm?.provider === 'openai',
    path: ['llm', 'api_key'],
    message: 'expected an API key because llm.provider is openai (set OPENAI_API_KEY or OPSPILOT_LLM_API_KEY)',
  },
  {
    when: (c) => c.llm?.provider === 'anthropic',
    path: ['llm', 'api_key'],
    message: 'expected an API key because llm.provider is anthropic (set ANTHROPIC_API_KEY or OPSPILOT_LLM_API_KEY)',
  },
];

/**
 * The whole opspilot configuration (`opspilot.yaml` plus `OPSPILOT_*` environment variables). Every key is optional
 * with a default, so `{}` is a valid configuration: the embedded SQLite store, the simulated cluster, the offline
 * planner and the in-memory event bus. Keys are snake_case; unknown keys are rejected.
 * Use {@link loadConfig} to read it; parse with this schema only when you already hold the raw object.
 */
export const OpspilotConfig = OpspilotConfigObject.superRefine(
  (config, ctx) => {
    // Runs even after type errors elsewhere, so every problem is reported at once; sections may be malformed here.
    for (const r of REQUIREMENTS) {
      const [section, key] = r.path;
      const holder = (config as Record<string, unknown>)[section];
      const present = typeof holder === 'object' && holder !== null && (holder as Record<string, unknown>)[key];
      if (r.when(config) && present === undefined) ctx.addIssue({ code: 'custom', path: r.path, message: r.message });
    }
  },
  { when: () => true },
).transform((config) => ({
  ...config,
  database: {
    ...config.database,
    sqlite_path: config.database.sqlite_path ?? `${config.data_dir.replace(/\/+$/, '')}/opspilot.db`,
  },
}));

/** The effective, validated configuration with every default filled in. */
export type OpspilotConfig = z.output<typeof OpspilotConfig>;

/** A configuration as written in `opspilot.yaml`: every key optional. */
export type OpspilotConfigInput = z.input<typeof OpspilotConfig>;
