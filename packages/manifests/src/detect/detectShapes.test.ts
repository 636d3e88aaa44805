import { describe, expect, it } from 'vitest';
import { probeKind } from '../generate/project/appDefaults.js';
import { type DetectedProject, detectProject } from './detectProject.js';
import type { ProjectFile } from './projectFiles.js';

function detect(files: ProjectFile[], name = 'shop'): DetectedProject {
  const result = detectProject(files, { name });
  if (!result.ok) throw result.error;
  return result.value;
}

const csproj = (sdk: string, extra = '') =>
  `<Project Sdk="${sdk}"><PropertyGroup><TargetFramework>net9.0</TargetFramework>${extra}</PropertyGroup></Project>`;

describe('detecting the shapes real services come in', () => {
  it('takes only deployable apps from a monorepo: no class library, test project, library module or JS library', () => {
    const project = detect([
      { path: 'src/Api/Api.csproj', content: csproj('Microsoft.NET.Sdk.Web') },
      { path: 'src/Shared/Shared.csproj', content: csproj('Microsoft.NET.Sdk') },
      {
        path: 'tests/Api.Tests/Api.Tests.csproj',
        content: csproj('Microsoft.NET.Sdk', '<IsTestProject>true</IsTestProject>'),
      },
      { path: 'src/Api/obj/project.assets.json', content: '{}' },
      { path: 'java/common/pom.xml', content: '<project><artifactId>common</artifactId></project>' },
      { path: 'java/common/src/main/java/x/Util.java', content: 'package x; public class Util {}' },
      { path: 'packages/ui/package.json', content: '{"name":"@shop/ui","main":"index.js"}' },
      { path: 'packages/ui/index.js', content: 'export const Button = () => null;' },
      // Projects kept as test data are fixtures, not apps of the repository.
      { path: 'src/Api/__fixtures__/sample/requirements.txt', content: 'flask\n' },
      { path: 'src/Api/__fixtures__/sample/app.py', content: 'from flask import Flask\napp = Flask(__name__)\n' },
      { path: 'tools/testdata/svc/go.mod', content: 'module x/svc\n\ngo 1.23\n' },
    ]);
    expect(project.apps.map((a) => [a.path, a.stack, a.framework, a.runtimeVersion])).toEqual([
      ['src/Api', 'dotnet', 'aspnet', '9.0'],
    ]);
  });

  it('probes a gRPC server with the gRPC health service only when it registers one, TCP otherwise', () => {
    const files = (health: boolean): ProjectFile[] => [
      { path: 'go.mod', content: 'module x/ledger\n\ngo 1.23\n\nrequire google.golang.org/grpc v1.68.0\n' },
      {
        path: 'main.go',
        content: `package main\nfunc main() {\n\tlis, _ := net.Listen("tcp", ":7000")\n\ts := grpc.NewServer()\n${health ? '\thealthpb.RegisterHealthServer(s, health.NewServer())\n' : ''}\ts.Serve(lis)\n}\n`,
      },
    ];
    const withHealth = detect(files(true)).apps[0]!;
    expect(withHealth).toMatchObject({ protocol: 'grpc', port: 7000 });
    expect(probeKind(withHealth)).toBe('grpc');
    expect(probeKind(detect(files(false)).apps[0]!)).toBe('tcp');
  });

  it('reads the Java release from maven.compiler.release, sourceCompatibility and jvmToolchain', () => {
    const main = {
      path: 'src/main/java/a/Main.java',
      content: 'package a; public class Main { public static void main(String[] a) {} }',
    };
    const pom = `<project><artifactId>jobs</artifactId><properties><maven.compiler.release>17</maven.compiler.release></properties></project>`;
    expect(detect([{ path: 'pom.xml', content: pom }, main]).apps[0]).toMatchObject({
      runtimeVersion: '17',
      startCommand: ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/lib/*', 'a.Main'],
      facts: { packaging: 'classpath', mainClass: 'a.Main' },
    });
    const groovy = "plugins { id 'java' }\nsourceCompatibility = JavaVersion.VERSION_11\n";
    expect(detect([{ path: 'build.gradle', content: groovy }, main]).apps[0]!.runtimeVersion).toBe('11');
    const kotlin = 'plugins { kotlin("jvm") }\nkotlin { jvmToolchain(21) }\n';
    expect(detect([{ path: 'build.gradle.kts', content: kotlin }, main]).apps[0]!.runtimeVersion).toBe('21');
  });

  it('serves a Create React App or a Next.js static export with nginx, and reads Poetry and Pipfile projects', () => {
    const cra = detect([
      {
        path: 'package.json',
        content: JSON.stringify({
          name: 'dash',
          scripts: { build: 'react-scripts build', start: 'react-scripts start' },
          dependencies: { 'react-scripts': '5.0.1' },
        }),
      },
      { path: 'src/index.js', content: 'fetch(process.env.REACT_APP_API)' },
    ]).apps[0]!;
    expect(cra).toMatchObject({ stack: 'static', framework: 'cra', port: 8080, facts: { out: 'build' }, env: [] });
    expect(cra.facts.buildArgs).toBe('REACT_APP_API');
    const exported = detect([
      {
        path: 'package.json',
        content: JSON.stringify({ name: 'docs', scripts: { build: 'next build' }, dependencies: { next: '15.0.3' } }),
      },
      { path: 'next.config.js', content: "module.exports = { output: 'export' }" },
    ]).apps[0]!;
    expect(exported).toMatchObject({ stack: 'static', facts: { out: 'out' } });
    const pipenv = detect([
      { path: 'Pipfile', content: '[packages]\nflask = "*"\ngunicorn = "*"\n' },
      { path: 'app.py', content: 'from flask import Flask\napp = Flask(__name__)\n' },
    ]).apps[0]!;
    expect(pipenv).toMatchObject({ packageManager: 'pipenv', framework: 'flask' });
  });

  it('never lists what the platform sets (PATH, HOME, PORT …) as the app’s configuration', () => {
    const app = detect([
      { path: 'go.mod', content: 'module x/api\n\ngo 1.23\n' },
      {
        path: 'main.go',
        content:
          'package main\nfunc main() { os.Getenv("PATH"); os.Getenv("HOME"); os.Getenv("PORT"); os.Getenv("API_TOKEN"); http.ListenAndServe(":8080", nil) }\n',
      },
      { path: '.env.example', content: '# local settings\nHOSTNAME=localhost\nexport CACHE_TTL=60\n' },
    ]).apps[0]!;
    expect(app.env).toEqual(['API_TOKEN', 'CACHE_TTL']);
  });

  it('runs a TypeScript server with the runner its start script names, keeping that dev dependency', () => {
    const app = detect([
      {
        path: 'package.json',
        content: JSON.stringify({
          name: 'events',
          scripts: { start: 'tsx --env-file=.env src/main.ts' },
          dependencies: { fastify: '5.1.0' },
          devDependencies: { tsx: '4.19.2' },
        }),
      },
      { path: 'src/main.ts', content: "import Fastify from 'fastify';\nFastify().listen({ port: 7000 });\n" },
    ]).apps[0]!;
    expect(app).toMatchObject({
      port: 7000,
      startCommand: ['node_modules/.bin/tsx', 'src/main.ts'],
      facts: { keepDev: 'true' },
    });
  });
});
