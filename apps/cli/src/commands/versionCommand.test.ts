import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_VERSION } from '../cliVersion.js';
import { runCli } from '../runCli.js';
import { memoryIo } from '../testing/index.js';

describe('opspilot version', () => {
  it('prints name, version and runtime as JSON', async () => {
    const io = memoryIo();
    expect(await runCli(['version', '--output', 'json'], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      name: 'opspilot',
      version: CLI_VERSION,
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
    });
  });

  it('prints one line of text by default and YAML on request', async () => {
    const text = memoryIo();
    await runCli(['version'], text);
    expect(text.out()).toBe(`opspilot ${CLI_VERSION} (node ${process.version}, ${process.platform}/${process.arch})\n`);
    const yaml = memoryIo();
    await runCli(['-o', 'yaml', 'version'], yaml);
    expect(parse(yaml.out())).toMatchObject({ name: 'opspilot', version: CLI_VERSION });
  });
});
