import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_VERSION } from './cliVersion.js';
import { loadCommands } from './commandCatalog.js';
import { buildProgram } from './program.js';
import { runCli } from './runCli.js';
import { memoryIo } from './testing/index.js';

/** An empty working directory, so no stray opspilot.yaml is read. */
const cwd = mkdtempSync(join(tmpdir(), 'opspilot-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('buildProgram', () => {
  it('declares every global option and documents the exit codes in --help', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    const help = io.out();
    for (const flag of ['--version', '--help', '-o, --output <format>', '--kubeconfig <file>', '--context <name>']) {
      expect(help).toContain(flag);
    }
    for (const flag of ['-n, --namespace <ns>', '--config <file>', '--no-color']) expect(help).toContain(flag);
    expect(help).toMatch(/Exit codes:\n\s+0\s+ok\n\s+1\s+findings or refused.*\n\s+2\s+usage or runtime error/);
    expect(io.err()).toBe('');
  });

  it('accepts global options after the command and passes them to it', async () => {
    const io = memoryIo({}, cwd);
    const argv = ['config', 'show', '-o', 'yaml', '-n', 'payments', '--no-color'];
    const program = buildProgram(io, { exitCode: 0 }, await loadCommands(argv));
    await program.parseAsync(argv, { from: 'user' });
    expect(program.opts()).toMatchObject({ output: 'yaml', namespace: 'payments', color: false });
    expect(parse(io.out()).kube).toEqual({ cluster: 'simulated', namespace: 'payments' });
  });

  it('prints the version with --version and exits 0', async () => {
    const io = memoryIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${CLI_VERSION}\n`);
  });

  it('exits 2 on an unknown option, with an error and a hint on stderr', async () => {
    const io = memoryIo();
    expect(await runCli(['--bogus'], io)).toBe(2);
    expect(io.err()).toMatch(/^error: unknown option '--bogus'\nhint: Run `opspilot --help`/);
    expect(io.out()).toBe('');
  });

  it('exits 2 on an unknown command or an invalid --output, as JSON on stderr with -o json', async () => {
    expect(await runCli(['frobnicate'], memoryIo())).toBe(2);
    expect(await runCli(['-o', 'xml', 'version'], memoryIo())).toBe(2);
    const io = memoryIo();
    expect(await runCli(['-o', 'json', 'version', '--bogus'], io)).toBe(2);
    expect(JSON.parse(io.err())).toMatchObject({ error_code: 'INPUT', message: "unknown option '--bogus'" });
  });

  it('exits 2 with usage when no command is given', async () => {
    const io = memoryIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.err()).toContain('Usage: opspilot');
  });

  it('colours errors only on a terminal without NO_COLOR or --no-color', async () => {
    const env = { OPSPILOT_SERVER_PORT: 'x' };
    const tty = memoryIo(env, cwd, true);
    await runCli(['config', 'validate'], tty);
    expect(tty.err()).toContain('\u001b[');
    for (const [io, args] of [
      [memoryIo({ ...env, NO_COLOR: '1' }, cwd, true), ['config', 'validate']],
      [memoryIo(env, cwd, true), ['--no-color', 'config', 'validate']],
      [memoryIo(env), ['config', 'validate']],
    ] as const) {
      await runCli(args, io);
      expect(io.err()).toMatch(/^error: config: server\.port/);
    }
  });
});
