import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { filesUnder, type ProjectFiles } from './projectFiles.js';

const HEALTH = /Map(?:HealthChecks|Get)\(\s*"(\/(?:api\/)?(?:health|healthz|readyz|livez|ready)\/?)"/;
const ENV = [
  /Environment\.GetEnvironmentVariable\(\s*"([A-Z_][A-Z0-9_]*)"/g,
  /Configuration\[\s*"([A-Z_][A-Z0-9_]*)"\s*\]/g,
  /GetValue<[^>]+>\(\s*"([A-Z_][A-Z0-9_]*)"/g,
];

/** The project file of `dir`: the one `*.csproj` directly in it. */
export function csprojOf(project: ProjectFiles, dir: string): { path: string; content: string } | undefined {
  const found = filesUnder(project, dir, /^[^/]+\.csproj$/);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Detects a .NET service in `dir` from its `*.csproj`: `TargetFramework` (`net8.0`) picks the SDK and runtime
 * images; `Microsoft.NET.Sdk.Web` makes an ASP.NET Core app served on 8080 (`ASPNETCORE_URLS`), `Grpc.AspNetCore`
 * a gRPC server (HTTP/2 on 8080); the health path comes from `MapHealthChecks("/healthz")`. `dotnet
 * <AssemblyName>.dll` starts it. Undefined for a class library, a test project or a console tool that serves
 * nothing (no `Exe` output and no web SDK).
 */
export function detectDotnetApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const csproj = csprojOf(project, dir);
  if (!csproj) return undefined;
  const text = csproj.content;
  const web = /Sdk\s*=\s*"Microsoft\.NET\.Sdk\.Web"/.test(text);
  const exe = /<OutputType>\s*Exe\s*<\/OutputType>/i.test(text);
  const test = /Microsoft\.NET\.Test\.Sdk|<IsTestProject>\s*true/i.test(text);
  if (test || (!web && !exe)) return undefined;
  const framework = /<TargetFrameworks?>\s*net(\d+\.\d+)/.exec(text)?.[1] ?? '8.0';
  const file = csproj.path
    .split('/')
    .pop()!
    .replace(/\.csproj$/, '');
  const assembly = /<AssemblyName>\s*([\w.-]+)\s*<\/AssemblyName>/.exec(text)?.[1] ?? file;
  const grpc = /Include\s*=\s*"Grpc\.AspNetCore"/.test(text);
  const sources = filesUnder(project, dir, /\.cs$/).map((f) => f.content);
  return {
    name: appNameOf(file, fallbackName),
    path: dir,
    stack: 'dotnet',
    framework: grpc ? 'grpc' : web ? 'aspnet' : 'dotnet',
    runtimeVersion: framework,
    packageManager: 'dotnet',
    port: 8080,
    protocol: grpc ? 'grpc' : 'http',
    startCommand: ['dotnet', `${assembly}.dll`],
    healthPath: grpc ? undefined : sources.map((s) => HEALTH.exec(s)?.[1]).find(Boolean),
    version: /<Version>\s*([\w.-]+)\s*<\/Version>/.exec(text)?.[1] ?? '0.1.0',
    env: envNamesIn(sources, ENV),
    facts: {
      project: csproj.path.slice(dir === '' ? 0 : dir.length + 1),
      web: String(web),
      ...(grpc ? { grpcHealth: String(sources.some((s) => /MapGrpcHealthChecksService/.test(s))) } : {}),
    },
    evidence: [csproj.path],
  };
}
