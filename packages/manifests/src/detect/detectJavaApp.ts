import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { readJavaBuild } from './javaBuild.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';
import { readSpringConfig } from './springConfig.js';
import { springEndpoints } from './springEndpoints.js';

/**
 * A port in code: Javalin/Helidon `.start(N)`, `new InetSocketAddress(N)`, Spark `port(N)`, Ktor
 * `embeddedServer(Netty, port = N)`.
 */
const CODE_PORT =
  /\.start\(\s*(\d{2,5})\s*\)|InetSocketAddress\(\s*(\d{2,5})\s*\)|\bport\(\s*(\d{2,5})\s*\)|embeddedServer\([^)]*?\bport\s*=\s*(\d{2,5})/;
/** A health route: Javalin/Spark/Ktor `get("/health"`, `createContext("/healthz"`, Spring `@GetMapping("/health")`. */
const HEALTH =
  /(?:\.get|\bget|createContext|Mapping)\(\s*(?:value\s*=\s*)?"(\/(?:api\/)?(?:health|healthz|readyz|livez|ready))"/;

/**
 * Detects a Java service in `dir` from pom.xml (Maven) or build.gradle(.kts) (Gradle). The Java release comes from
 * `maven.compiler.release`, `java.version`, `<release>`, the Gradle toolchain or `sourceCompatibility` (default
 * 21); the packaging from the build (Spring Boot's executable jar, a shaded jar, Gradle's `installDist`, or a plain
 * jar run with its dependencies on the class path). Spring Boot takes its ports and health path from its effective
 * configuration ({@link springEndpoints}: `server.port`, `management.server.port`, the actuator's base path; TCP
 * probes without the actuator, with a note). A gRPC server (`io.grpc` or a gRPC Spring starter) listens on
 * `grpc.server.port` or `ServerBuilder.forPort(N)` (default 9090). Undefined for an aggregator pom or a library
 * (no main class, no executable jar).
 */
export function detectJavaApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const build = readJavaBuild(project, dir);
  if (!build) return undefined;
  const { text } = build;
  const spring = /spring-boot|org\.springframework\.boot|libs\.plugins\.spring[.-]?boot/.test(text);
  if (!build.mainClass && build.packaging !== 'boot') return undefined;
  const actuator = /spring[-.]boot[-.](?:starter[-.])?actuator/.test(text);
  // The project's own coordinates: not its parent's, dependencies', plugins' or profiles'.
  const pom =
    build.tool === 'maven'
      ? text.replace(/<(parent|dependencies|dependencyManagement|build|profiles|reporting)>[\s\S]*?<\/\1>/g, '')
      : undefined;
  const artifact = pom
    ? /<artifactId>([^<]+)<\/artifactId>/.exec(pom)?.[1]
    : /rootProject\.name\s*=\s*['"]([^'"]+)/.exec(
        project.read(joinPath(dir, 'settings.gradle')) ?? project.read(joinPath(dir, 'settings.gradle.kts')) ?? '',
      )?.[1];
  // A module without a version of its own has its parent's.
  const version = pom
    ? (/<version>([^<]+)<\/version>/.exec(pom)?.[1] ??
      /<parent>[\s\S]*?<version>([^<]+)<\/version>[\s\S]*?<\/parent>/.exec(text)?.[1])
    : (/^\s*version\s*=\s*['"]([^'"]+)/m.exec(text)?.[1] ??
      (build.reactor
        ? /^\s*version\s*=\s*['"]([^'"]+)/m.exec(rootGradle(project, build.reactor.root))?.[1]
        : undefined));
  const sources = filesUnder(project, dir, /\.java$|\.kt$/).map((f) => f.content);
  const config = readSpringConfig(project, dir);
  const grpc = /io\.grpc|grpc-spring|grpc-server-spring-boot|spring-grpc/.test(text);
  const grpcPort =
    config.port('grpc.server.port') ??
    config.port('spring.grpc.server.port') ??
    Number(sources.map((s) => /ServerBuilder\s*\.forPort\(\s*(\d{2,5})/.exec(s)?.[1]).find(Boolean) ?? 9090);
  const codePort = sources
    .map((s) => CODE_PORT.exec(s))
    .find(Boolean)
    ?.slice(1)
    .find(Boolean);
  const codeHealth = sources.map((s) => HEALTH.exec(s)?.[1]).find(Boolean);
  const web = spring && !grpc ? springEndpoints(config, actuator) : undefined;
  const port = grpc ? grpcPort : (web?.port ?? config.port('server.port') ?? Number(codePort ?? 8080));
  const grpcHealth =
    /grpc-services|grpc-spring|grpc-server-spring-boot/.test(text) ||
    sources.some((s) => /HealthStatusManager/.test(s));
  const main = build.mainClass ?? 'app';
  const startCommand =
    build.packaging === 'boot' || build.packaging === 'shade'
      ? ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar']
      : ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/lib/*', main];
  return {
    name: appNameOf(artifact ?? fallbackName, fallbackName),
    path: dir,
    stack: 'java',
    framework: grpc ? 'grpc' : spring ? 'spring-boot' : 'java',
    runtimeVersion: build.release,
    packageManager: build.tool,
    port,
    protocol: grpc ? 'grpc' : 'http',
    startCommand,
    healthPath: grpc ? undefined : web ? web.healthPath : codeHealth,
    ...(web?.managementPort ? { probePort: web.managementPort } : {}),
    ...(web && web.notes.length > 0 ? { notes: web.notes } : {}),
    version: version && !version.includes('$') ? version.replace(/-SNAPSHOT$/, '') : '0.1.0',
    env: envNamesIn(
      [...sources, ...config.texts],
      [/System\.getenv\(\s*"([A-Z_][A-Z0-9_]*)"/g, /\$\{([A-Z_][A-Z0-9_]*)(?::[^}]*)?\}/g],
    ),
    facts: {
      packaging: build.packaging,
      wrapper: String(build.wrapper),
      ...(build.mainClass ? { mainClass: build.mainClass } : {}),
      ...(grpc ? { grpcHealth: String(grpcHealth) } : {}),
      ...(build.jar ? { jar: build.jar } : {}),
      ...(build.reactor ? { buildContext: build.reactor.root, module: build.reactor.module } : {}),
    },
    evidence: [build.file, ...config.files],
  };
}

/** The root build file of a Gradle multi-project build (its `allprojects { version = … }`). */
function rootGradle(project: ProjectFiles, root: string): string {
  return project.read(joinPath(root, 'build.gradle.kts')) ?? project.read(joinPath(root, 'build.gradle')) ?? '';
}
