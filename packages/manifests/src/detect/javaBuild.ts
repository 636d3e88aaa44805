import { filesUnder, joinPath, type ProjectFiles } from './projectFiles.js';

/** What a Maven or Gradle build says about the service it builds. */
export interface JavaBuild {
  tool: 'maven' | 'gradle';
  /** The build file's text (pom.xml, build.gradle or build.gradle.kts). */
  text: string;
  file: string;
  /** Java release the code is compiled for (`17`, `21` …). */
  release: string;
  /**
   * `boot` (Spring Boot's executable jar), `shade` (a jar with its dependencies: maven-shade / assembly, Gradle
   * shadow), `dist` (Gradle's application plugin: `installDist`), or `classpath` (a plain jar run with its
   * dependencies beside it).
   */
  packaging: 'boot' | 'shade' | 'dist' | 'classpath';
  /** The class with `main`, when the build or the code names one. */
  mainClass?: string;
  wrapper: boolean;
}

function releaseOf(text: string): string {
  const found =
    /<maven\.compiler\.release>\s*(\d+)/.exec(text)?.[1] ??
    /<java\.version>\s*(?:1\.)?(\d+)/.exec(text)?.[1] ??
    /<release>\s*(\d+)/.exec(text)?.[1] ??
    /<maven\.compiler\.(?:target|source)>\s*(?:1\.)?(\d+)/.exec(text)?.[1] ??
    /languageVersion(?:\.set)?\s*[=(]\s*JavaLanguageVersion\.of\(\s*(\d+)\s*\)/.exec(text)?.[1] ??
    /jvmToolchain\(\s*(\d+)\s*\)/.exec(text)?.[1] ??
    /(?:source|target)Compatibility\s*=\s*(?:JavaVersion\.VERSION_(?:1_)?(\d+)|['"]?(?:1\.)?(\d+))/
      .exec(text)
      ?.slice(1)
      .find(Boolean);
  return found ?? '21';
}

function packagingOf(tool: 'maven' | 'gradle', text: string): JavaBuild['packaging'] {
  if (tool === 'maven') {
    if (/spring-boot-maven-plugin/.test(text)) return 'boot';
    if (/maven-shade-plugin|jar-with-dependencies/.test(text)) return 'shade';
    return 'classpath';
  }
  if (/org\.springframework\.boot['"]?\)?\s+version|id\s*\(?\s*['"]org\.springframework\.boot['"]/.test(text))
    return 'boot';
  if (/com\.github\.johnrengelman\.shadow|com\.gradleup\.shadow/.test(text)) return 'shade';
  if (/\bapplication\b/.test(text) && /mainClass/.test(text)) return 'dist';
  return 'classpath';
}

/** The main class the build names, else the first class in the sources with `static void main` (or `fun main`). */
function mainClassOf(project: ProjectFiles, dir: string, text: string): string | undefined {
  const named =
    /<mainClass>\s*([\w.$]+)\s*<\/mainClass>/.exec(text)?.[1] ??
    /<start-class>\s*([\w.$]+)\s*</.exec(text)?.[1] ??
    /mainClass(?:Name)?(?:\.set)?\s*[=(]\s*['"]([\w.$]+)['"]/.exec(text)?.[1];
  if (named) return named;
  for (const file of filesUnder(project, dir, /^src\/main\/(java|kotlin)\/.+\.(java|kt)$/)) {
    const isMain = /public\s+static\s+void\s+main\s*\(/.test(file.content) || /^fun\s+main\s*\(/m.test(file.content);
    if (!isMain) continue;
    const pkg = /^package\s+([\w.]+)/m.exec(file.content)?.[1];
    const cls = file.path
      .split('/')
      .pop()!
      .replace(/\.(java|kt)$/, '');
    const name = file.path.endsWith('.kt') ? `${cls}Kt` : cls;
    return pkg ? `${pkg}.${name}` : name;
  }
  return undefined;
}

/** Reads the Maven or Gradle build of `dir`; undefined when there is none or it is a Maven aggregator (`pom`). */
export function readJavaBuild(project: ProjectFiles, dir: string): JavaBuild | undefined {
  const pom = project.read(joinPath(dir, 'pom.xml'));
  const gradleFile = ['build.gradle.kts', 'build.gradle'].find((f) => project.read(joinPath(dir, f)) !== undefined);
  const tool = pom !== undefined ? 'maven' : gradleFile ? 'gradle' : undefined;
  if (!tool) return undefined;
  const text = pom ?? project.read(joinPath(dir, gradleFile!))!;
  if (tool === 'maven' && /<packaging>\s*pom\s*<\/packaging>/.test(text)) return undefined;
  const gradleProps = project.read(joinPath(dir, 'gradle.properties')) ?? '';
  return {
    tool,
    text,
    file: joinPath(dir, pom !== undefined ? 'pom.xml' : gradleFile!),
    release: releaseOf(`${text}\n${gradleProps}`),
    packaging: packagingOf(tool, text),
    mainClass: mainClassOf(project, dir, text),
    wrapper: project.read(joinPath(dir, tool === 'maven' ? 'mvnw' : 'gradlew')) !== undefined,
  };
}
