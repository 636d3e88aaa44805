import { flushStreams } from './flushStreams.js';
import { runCli } from './runCli.js';

// The entry of the `opspilot` command and the only place that ends the process: only once stdout and stderr are
// flushed, so output piped into a slower reader is never cut.
const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  terminal: process.stdin,
});
process.exitCode = code;
await flushStreams([process.stdout, process.stderr]);
process.exit(code);
