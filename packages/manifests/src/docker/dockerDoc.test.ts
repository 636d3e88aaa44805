import { describe, expect, it } from 'vitest';
import { isExecForm, parseDockerfile, shellCommands } from './dockerDoc.js';

describe('parseDockerfile', () => {
  it('groups instructions into named stages with 1-based positions and flags', () => {
    const doc = parseDockerfile('FROM node:20 AS Build\nRUN npm ci\n\nFROM alpine:3.19\nCOPY --from=build /a /b\n');
    expect(doc.stages.map((s) => [s.index, s.image, s.name, s.instructions.map((i) => i.keyword)])).toEqual([
      [0, 'node:20', 'build', ['RUN']],
      [1, 'alpine:3.19', undefined, ['COPY']],
    ]);
    const copy = doc.instructions[3];
    expect(copy).toMatchObject({ line: 5, column: 1, stage: 1 });
    expect(copy?.flags.get('from')).toBe('build');
  });

  it('reads ignore comments for the next instruction and for the whole file', () => {
    const doc = parseDockerfile(
      '# opspilot-ignore-file docker-healthcheck\nFROM a:1\n# opspilot-ignore docker-no-cd, docker-no-sudo\n# why: legacy\nRUN cd /x\n',
    );
    expect([...doc.ignoredInFile]).toEqual(['docker-healthcheck']);
    expect([...(doc.ignoredAt.get(5) ?? [])]).toEqual(['docker-no-cd', 'docker-no-sudo']);
  });

  it('splits RUN into commands, in shell and exec form', () => {
    const [shell, exec] = parseDockerfile(
      'FROM a:1\nRUN apt-get update && \\\n  apt-get install -y x | tee; ls\nRUN ["echo", "hi"]\n',
    ).instructions.slice(1);
    expect(shell && shellCommands(shell)).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'x'],
      ['tee'],
      ['ls'],
    ]);
    expect(exec && shellCommands(exec)).toEqual([['echo', 'hi']]);
  });
});

describe('isExecForm', () => {
  it('is a JSON array of strings only, as Docker reads it; a shell test starting with [ is shell form', () => {
    expect(isExecForm('["nginx", "-g", "daemon off;"]')).toBe(true);
    expect(isExecForm('[ -d /app ] || mkdir /app')).toBe(false);
    expect(isExecForm('[[ -d /app ]] || mkdir /app')).toBe(false);
    expect(isExecForm("['nginx']")).toBe(false);
    expect(isExecForm('[1, 2]')).toBe(false);
    const doc = parseDockerfile('FROM alpine:3.20\nRUN [ -d /app ] || mkdir /app\nCMD ["sh"]\n');
    expect(doc.instructions.map((i) => i.json)).toEqual([false, false, true]);
  });
});
