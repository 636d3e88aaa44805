/**
 * @opspilot/config — the one zod-validated configuration of opspilot: `opspilot.yaml` overlaid by `OPSPILOT_*`
 * environment variables. See README.md for every key.
 */
export { coerceEnvValue } from './coerceEnvValue.js';
export { type ConfigKey, type ConfigValueKind, configKeys, type EnvAlias } from './configKeys.js';
export { type ConfigProblem, formatConfigProblem } from './configProblem.js';
export type { ConfigSetting, Env } from './configSetting.js';
export { describeConfig } from './describeConfig.js';
export { ensureEncryptionKey } from './ensureEncryptionKey.js';
export { JOB_QUEUES } from './jobsConfig.js';
export { type IndependentSection, type LoadConfigOptions, loadConfig, loadConfigSection } from './loadConfig.js';
export { MASK, maskSecret, maskUrlPassword } from './maskSecret.js';
export {
  CLUSTER_MODES,
  EVENT_BUSES,
  LLM_PROVIDERS,
  LOG_LEVELS,
  OpspilotConfig,
  type OpspilotConfigInput,
} from './opspilotConfig.js';
export { DEFAULT_CONFIG_FILE } from './readConfigFile.js';
