import type { BootstrapAdmin } from './auth/authService.js';

/** What the start banner shows. */
export interface StartBanner {
  url: string;
  /** Present only on the very first start: shown once, never again. */
  admin?: BootstrapAdmin;
  /** The embedded simulated clusters (`npm start` runs two: sim-demo and sim-staging), each with its API server. */
  simClusters?: { name: string; url: string }[];
}

/**
 * Prints where opspilot listens, the simulated clusters it runs and, on the first start, the administrator's one-time credentials (a password for
 * the dashboard and an API token for scripts), with a ready-to-run example.
 */
export function printStartBanner(out: { write(text: string): unknown }, banner: StartBanner): void {
  const lines = [``, `opspilot is running at ${banner.url}`, `  API docs: ${banner.url}/api/docs`];
  for (const sim of banner.simClusters ?? []) lines.push(`  simulated cluster: ${sim.name} (${sim.url})`);
  if (banner.admin) {
    lines.push(
      ``,
      `First start: created the administrator "${banner.admin.username}". These credentials are shown only once:`,
      `  password:  ${banner.admin.password}`,
      `  API token: ${banner.admin.token}`,
      `  try:       curl -H "Authorization: Bearer ${banner.admin.token}" ${banner.url}/api/v1/clusters`,
    );
  }
  out.write(`${lines.join('\n')}\n\n`);
}
