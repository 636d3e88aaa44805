import { describe, expect, it } from 'vitest';
import { detectProject } from './detectProject.js';
import type { ProjectFile } from './projectFiles.js';

const pkg = (o: object): ProjectFile => ({ path: 'package.json', content: JSON.stringify(o) });
const appsOf = (files: ProjectFile[]) => {
  const r = detectProject(files, { name: 'svc' });
  if (!r.ok) throw r.error;
  return r.value.apps;
};

describe('Node services without a start script, and libraries', () => {
  it('finds the entry file that starts a server (a microservices-demo currencyservice shape) and its engines', () => {
    const apps = appsOf([
      pkg({ name: 'currencyservice', engines: { node: '>=22.0.0' }, dependencies: { '@grpc/grpc-js': '1.12.2' } }),
      {
        path: 'server.js',
        content:
          "const server = new grpc.Server();\nserver.bindAsync('0.0.0.0:7000');\nhttp.createServer(h).listen(7001);\n",
      },
    ]);
    expect(apps.map((a) => [a.name, a.startCommand.join(' '), a.runtimeVersion])).toEqual([
      ['currencyservice', 'node server.js', '22'],
    ]);
  });

  it('does not turn a library (main only exports code) into a service', () => {
    expect(() =>
      appsOf([
        pkg({ name: '@shop/utils', main: 'dist/index.js' }),
        { path: 'dist/index.js', content: 'exports.add = (a, b) => a + b;\n' },
      ]),
    ).toThrow();
  });
});
