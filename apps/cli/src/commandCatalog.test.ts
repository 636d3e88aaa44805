import { Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_CATALOG, loadCommands } from './commandCatalog.js';
import { buildProgram } from './program.js';
import { memoryIo } from './testing/index.js';

/** `opspilot --help` of a program built with the given commands loaded. */
async function helpWith(argv: readonly string[]): Promise<string> {
  const io = memoryIo();
  const program = buildProgram(io, { exitCode: 0 }, await loadCommands(argv));
  await expect(program.parseAsync(['--help'], { from: 'user' })).rejects.toThrow();
  return io.out();
}

describe('COMMAND_CATALOG', () => {
  it('lists every command with the term and description its module registers', async () => {
    const all = await loadCommands(COMMAND_CATALOG.map((entry) => entry.name));
    const program = buildProgram(memoryIo(), { exitCode: 0 }, all);
    const help = new Help();
    const registered = program.commands.map((cmd) => [help.subcommandTerm(cmd), cmd.description()]);
    expect(registered).toEqual(COMMAND_CATALOG.map((entry) => [entry.term, entry.description]));
  });

  it('prints the same --help whether no command or every command is loaded', async () => {
    const lazy = await helpWith([]);
    expect(lazy).toContain('validate [options] [paths...]');
    expect(lazy).toBe(await helpWith(COMMAND_CATALOG.map((entry) => entry.name)));
  });
});

describe('loadCommands', () => {
  it('loads no command for --help and only the named one otherwise', async () => {
    expect([...(await loadCommands(['--help'])).keys()]).toEqual([]);
    expect([...(await loadCommands(['-o', 'json', 'validate', 'k8s/'])).keys()]).toEqual(['validate']);
    expect([...(await loadCommands(['help', 'config'])).keys()]).toEqual(['config']);
  });
});
