import { Writable } from 'node:stream';
import { checkbox } from '@inquirer/prompts';
import type { ProjectSummary } from '@opspilot/manifests';
import type { CliIo } from '../cliIo.js';

/** The prompt's output: the CLI's stderr, so stdout keeps only the generated files (redirectable). */
function promptOutput(io: CliIo): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      io.stderr.write(String(chunk));
      done();
    },
  });
}

/**
 * Asks which services of a monorepo to generate for, on the terminal: every service is listed (folder, framework,
 * port, own Dockerfile) and checked; space unchecks one, Enter accepts — so Enter alone keeps the default, every
 * service. Returns the names chosen. Only called on a terminal: piped or in CI, `generate` asks nothing and generates
 * for every service, as documented.
 */
export async function askServices(io: CliIo, project: ProjectSummary): Promise<string[]> {
  return checkbox(
    {
      message: `${project.name} has ${project.apps.length} services: which to generate for? (space toggles, a toggles all, Enter accepts)`,
      choices: project.apps.map((app) => ({
        name: `${app.name}  (${app.path || '.'}: ${app.framework}, port ${app.port}${app.dockerfile ? `, own ${app.dockerfile}` : ''})`,
        value: app.name,
        checked: true,
      })),
      required: true,
      pageSize: Math.min(project.apps.length, 15),
    },
    { input: io.terminal, output: promptOutput(io) },
  );
}
