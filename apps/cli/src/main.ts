import { runCli } from './runCli.js';

// The entry of the `opspilot` command and the only place that ends the process.
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  terminal: process.stdin,
});
process.exit(code);
