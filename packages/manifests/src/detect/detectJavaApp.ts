import { appNameOf, type DetectedApp, envNamesIn } from './detectedApp.js';
import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

function springPort(project: ProjectFiles, dir: string): number | undefined {
  const props = filesUnder(project, dir, /^src\/main\/resources\/application(-\w+)?\.(properties|ya?ml)$/);
  for (const file of props) {
    const m =
      /^server\.port\s*[=:]\s*(\d{2,5})/m.exec(file.content) ?? /^server:\s*\n\s+port:\s*(\d{2,5})/m.exec(file.content);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * Detects a Java service in `dir` from pom.xml (Maven) or build.gradle(.kts) (Gradle): Spring Boot when the build
 * names it (port from `server.port`, default 8080; `/actuator/health` when the actuator is a dependency), else a
 * plain runnable jar on 8080. The Java release comes from `java.version`, `<release>` or `languageVersion`
 * (default 21).
 */
export function detectJavaApp(project: ProjectFiles, dir: string, fallbackName: string): DetectedApp | undefined {
  const pom = project.read(joinPath(dir, 'pom.xml'));
  const gradleFile = ['build.gradle.kts', 'build.gradle'].find((f) => project.read(joinPath(dir, f)) !== undefined);
  const gradle = gradleFile ? project.read(joinPath(dir, gradleFile)) : undefined;
  const build = pom ?? gradle;
  if (build === undefined) return undefined;
  if (pom && /<packaging>\s*pom\s*<\/packaging>/.test(pom)) return undefined;
  const spring = /spring-boot|org\.springframework\.boot/.test(build);
  const actuator = /spring-boot-starter-actuator/.test(build);
  const javaVersion =
    /<java\.version>\s*(\d+)/.exec(build)?.[1] ??
    /<release>\s*(\d+)/.exec(build)?.[1] ??
    /languageVersion(?:\.set)?\s*[=(]\s*JavaLanguageVersion\.of\((\d+)\)/.exec(build)?.[1] ??
    '21';
  const artifact = pom
    ? /<artifactId>([^<]+)<\/artifactId>/.exec(pom.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1]
    : project.read(joinPath(dir, 'settings.gradle'))?.match(/rootProject\.name\s*=\s*['"]([^'"]+)/)?.[1];
  const version = pom
    ? /<version>([^<]+)<\/version>/.exec(pom.replace(/<parent>[\s\S]*?<\/parent>/, ''))?.[1]
    : /^version\s*=\s*['"]([^'"]+)/m.exec(gradle ?? '')?.[1];
  const sources = filesUnder(project, dir, /\.java$|\.kt$/).map((f) => f.content);
  return {
    name: appNameOf(artifact ?? fallbackName, fallbackName),
    path: dir,
    stack: 'java',
    framework: spring ? 'spring-boot' : 'java',
    runtimeVersion: ['17', '21'].includes(javaVersion) ? javaVersion : '21',
    packageManager: pom ? 'maven' : 'gradle',
    port: springPort(project, dir) ?? 8080,
    startCommand: ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'],
    healthPath: actuator ? '/actuator/health' : undefined,
    version: version && !version.includes('$') ? version.replace(/-SNAPSHOT$/, '') : '0.1.0',
    env: envNamesIn(sources, [/System\.getenv\(\s*"([A-Z_][A-Z0-9_]*)"/g]),
    facts: {
      gradleWrapper: String(project.read(joinPath(dir, 'gradlew')) !== undefined),
      mavenWrapper: String(project.read(joinPath(dir, 'mvnw')) !== undefined),
    },
    evidence: [joinPath(dir, pom ? 'pom.xml' : (gradleFile ?? 'build.gradle'))],
  };
}
