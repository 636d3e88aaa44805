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
  /** The project's Maven or Gradle wrapper, at the build's root. */
  wrapper: boolean;
  /**
   * For a module of a multi-module build (a Maven reactor listing it in `<modules>`, a Gradle build whose settings
   * `include` it): the folder of the root build, which the image is built from, and the module's path from there.
   */
  reactor?: { root: string; module: string };
  /** The name pattern of the runnable jar when the build makes several (`*-jar-with-dependencies.jar`). */
  jar?: string;
}

/** The jar a build attaches beside the plain one: Maven assembly's, a classified shaded jar, Gradle shadow's. */
function jarOf(tool: 'maven' | 'gradle', text: string, packaging: JavaBuild['packaging']): string | undefined {
  if (packaging !== 'shade') return undefined;
  if (tool === 'gradle') return /archiveClassifier(?:\.set)?\s*[=(]\s*['"]['"]/.test(text) ? undefined : '*-all.jar';
  if (/maven-shade-plugin/.test(text)) {
    if (!/<shadedArtifactAttached>\s*true/.test(text)) return undefined;
    return `*-${/<shadedClassifierName>\s*([\w.-]+)/.exec(text)?.[1] ?? 'shaded'}.jar`;
  }
  return '*-jar-with-dependencies.jar';
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

/** The Spring Boot Gradle plugin: by id (`id("org.springframework.boot")`), `apply plugin:` or a version-catalog alias. */
const GRADLE_BOOT =
  /org\.springframework\.boot['"]?\)?\s+version|(?:id|apply\s+plugin:)\s*\(?\s*['"]org\.springframework\.boot['"]|alias\(\s*libs\.plugins\.spring[.-]?boot\s*\)/;

function packagingOf(tool: 'maven' | 'gradle', buildText: string): JavaBuild['packaging'] {
  // A plugin declared with `apply false` (a multi-project root's plugins block) is not applied to this build.
  const text = buildText.replace(/^.*\bapply\s*\(?\s*false\b.*$/gm, '');
  if (tool === 'maven') {
    if (/spring-boot-maven-plugin/.test(text)) return 'boot';
    if (/maven-shade-plugin|jar-with-dependencies/.test(text)) return 'shade';
    return 'classpath';
  }
  if (GRADLE_BOOT.test(text)) return 'boot';
  if (/com\.github\.johnrengelman\.shadow|com\.gradleup\.shadow/.test(text)) return 'shade';
  if (/\bapplication\b/.test(text) && /mainClass/.test(text)) return 'dist';
  if (/^\s*(?:id\s*\(?\s*['"]application['"]|application\s*$|apply\s+plugin:\s*['"]application['"])/m.test(text))
    return 'dist';
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

const parentDir = (dir: string) => (dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '');
const relativeTo = (root: string, dir: string) => (root === '' ? dir : dir.slice(root.length + 1));

/** The `<modules>` of a pom, as folders relative to it. */
function modulesOf(pom: string): string[] {
  const block = /<modules>([\s\S]*?)<\/modules>/.exec(pom)?.[1] ?? '';
  return [...block.matchAll(/<module>\s*([^<]+?)\s*<\/module>/g)].map((m) => m[1]!.replace(/\/pom\.xml$|\/$/g, ''));
}

/** The Gradle project paths a settings file includes (`include("services:orders")`, `include 'app', 'lib'`). */
function gradleIncludes(settings: string): string[] {
  const names: string[] = [];
  for (const m of settings.matchAll(/^\s*include\s*\(?([^)\n]+)\)?/gm)) {
    for (const q of m[1]!.matchAll(/['"]([^'"]+)['"]/g)) names.push(q[1]!.replace(/^:/, '').replace(/:/g, '/'));
  }
  return names;
}

/**
 * The multi-module build `dir` belongs to: the topmost ancestor whose pom lists it (through nested aggregators) or
 * whose Gradle settings include it. Undefined for a standalone build.
 */
function reactorOf(project: ProjectFiles, dir: string, tool: 'maven' | 'gradle'): JavaBuild['reactor'] {
  let found: string | undefined;
  let member = dir;
  for (let at = dir; at !== ''; ) {
    const up = parentDir(at);
    if (tool === 'maven') {
      const pom = project.read(joinPath(up, 'pom.xml'));
      if (pom === undefined || !modulesOf(pom).includes(relativeTo(up, member))) {
        at = up;
        continue;
      }
      found = up;
      member = up;
    } else {
      const settings =
        project.read(joinPath(up, 'settings.gradle.kts')) ?? project.read(joinPath(up, 'settings.gradle'));
      if (settings !== undefined && gradleIncludes(settings).includes(relativeTo(up, dir))) found = up;
    }
    at = up;
  }
  return found === undefined ? undefined : { root: found, module: relativeTo(found, dir) };
}

/** The poms above a Maven module (its reactor's), nearest first: their properties (java.version …) are inherited. */
function ancestorsText(project: ProjectFiles, dir: string, file: string): string {
  const texts: string[] = [];
  for (let at = dir; at !== ''; ) {
    at = parentDir(at);
    const text = project.read(joinPath(at, file));
    if (text !== undefined) texts.push(text);
  }
  return texts.join('\n');
}

/**
 * Reads the Maven or Gradle build of `dir`; undefined when there is none or it is a Maven aggregator (`pom`). A
 * module of a multi-module build inherits the Java release from the builds above it and uses the root's wrapper.
 */
export function readJavaBuild(project: ProjectFiles, dir: string): JavaBuild | undefined {
  const pom = project.read(joinPath(dir, 'pom.xml'));
  const gradleFile = ['build.gradle.kts', 'build.gradle'].find((f) => project.read(joinPath(dir, f)) !== undefined);
  const tool = pom !== undefined ? 'maven' : gradleFile ? 'gradle' : undefined;
  if (!tool) return undefined;
  const text = pom ?? project.read(joinPath(dir, gradleFile!))!;
  if (tool === 'maven' && /<packaging>\s*pom\s*<\/packaging>/.test(text)) return undefined;
  const reactor = reactorOf(project, dir, tool);
  const root = reactor?.root ?? dir;
  const gradleProps =
    project.read(joinPath(dir, 'gradle.properties')) ?? project.read(joinPath(root, 'gradle.properties')) ?? '';
  const inherited =
    tool === 'maven'
      ? ancestorsText(project, dir, 'pom.xml')
      : [ancestorsText(project, dir, 'build.gradle.kts'), ancestorsText(project, dir, 'build.gradle')].join('\n');
  return {
    tool,
    text,
    file: joinPath(dir, pom !== undefined ? 'pom.xml' : gradleFile!),
    release: releaseOf(`${text}\n${gradleProps}\n${reactor ? inherited : ''}`),
    packaging: packagingOf(tool, text),
    jar: jarOf(tool, text, packagingOf(tool, text)),
    mainClass: mainClassOf(project, dir, text),
    wrapper: project.read(joinPath(root, tool === 'maven' ? 'mvnw' : 'gradlew')) !== undefined,
    ...(reactor ? { reactor } : {}),
  };
}
