import type { DetectedApp } from '../../detect/detectedApp.js';
import { javaImages } from './baseImages.js';
import { addUser, footer, header, wgetProbe } from './dockerfileParts.js';

/**
 * Copies the runnable jar of `dir` to `to`: the one the build names (`*-jar-with-dependencies.jar`, a shaded
 * classifier), else the largest jar that is not a plain, sources, javadoc or pre-shade one (the fat jar is the
 * largest).
 */
function pickJar(app: DetectedApp, dir: string, to: string): string {
  return `find ${dir} -maxdepth 1 -name '${app.facts.jar ?? '*.jar'}' ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name 'original-*.jar' -printf '%s %p\\n' | sort -rn | head -n 1 | cut -d' ' -f2 | xargs -I{} cp {} ${to}`;
}

/** The build images are Ubuntu-based: run with bash and pipefail, so a failing `find` fails the build. */
const PIPEFAIL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

/** The module's folder inside the build context (`''` for a standalone build). */
const moduleDir = (app: DetectedApp, leaf: string) => (app.facts.module ? `${app.facts.module}/${leaf}` : leaf);

function mavenBuild(app: DetectedApp): string[] {
  const images = javaImages(app.runtimeVersion);
  const wrapper = app.facts.wrapper === 'true';
  const mvn = wrapper ? './mvnw -B -q' : 'mvn -B -q';
  // A wrapper checked out without its executable bit (Windows, some archives) still runs.
  const prepare = wrapper ? 'chmod +x mvnw && ' : '';
  const classpath = app.facts.packaging === 'classpath';
  const target = moduleDir(app, 'target');
  const copyDeps = `${mvn}${app.facts.module ? ` -pl ${app.facts.module}` : ''} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib`;
  const pick = classpath ? pickJar(app, target, '/out/lib/app.jar') : pickJar(app, target, '/out/app.jar');
  if (app.facts.module) {
    // A module of a reactor: the whole reactor is the context; build the module and the modules it needs (-am).
    return [
      `FROM ${wrapper ? images.jdk : images.maven} AS build`,
      PIPEFAIL,
      'WORKDIR /src',
      'COPY . .',
      `RUN ${prepare}mkdir -p /out && ${mvn} -pl ${app.facts.module} -am package -DskipTests${classpath ? ` && ${copyDeps}` : ''} && ${pick}`,
    ];
  }
  return [
    `FROM ${wrapper ? images.jdk : images.maven} AS build`,
    PIPEFAIL,
    'WORKDIR /src',
    ...(wrapper ? ['COPY mvnw pom.xml ./', 'COPY .mvn ./.mvn'] : ['COPY pom.xml ./']),
    `RUN ${prepare}${mvn} dependency:go-offline`,
    'COPY src ./src',
    `RUN mkdir -p /out && ${mvn} package -DskipTests${classpath ? ` && ${copyDeps}` : ''} && ${pick}`,
  ];
}

function gradleBuild(app: DetectedApp): string[] {
  const images = javaImages(app.runtimeVersion);
  const wrapper = app.facts.wrapper === 'true';
  const gradle = wrapper ? 'chmod +x gradlew && ./gradlew --no-daemon -q' : 'gradle --no-daemon -q';
  const packaging = app.facts.packaging;
  const task = (name: string) => (app.facts.module ? `:${app.facts.module.replace(/\//g, ':')}:${name}` : name);
  const jarTask = packaging === 'boot' ? 'bootJar' : packaging === 'shade' ? 'shadowJar' : 'jar';
  const run =
    packaging === 'dist'
      ? `RUN ${gradle} ${task('installDist')} -x test && mkdir -p /out && cp -r ${moduleDir(app, 'build/install')}/*/lib /out/lib`
      : `RUN mkdir -p /out${packaging === 'classpath' ? '/lib' : ''} && ${gradle} ${task(jarTask)} -x test && ${pickJar(app, moduleDir(app, 'build/libs'), packaging === 'classpath' ? '/out/lib/app.jar' : '/out/app.jar')}`;
  return [`FROM ${wrapper ? images.jdk : images.gradle} AS build`, PIPEFAIL, 'WORKDIR /src', 'COPY . .', run];
}

/**
 * A multi-stage Dockerfile for a Java service: Maven (`dependency:go-offline` cached, then `package`) or Gradle
 * (`bootJar`, `shadowJar`, `installDist` or `jar`), with the project's wrapper on a pinned JDK when it has one,
 * else on a pinned Maven/Gradle image for its Java release; a pinned Temurin JRE Alpine runtime of the same
 * release runs the executable jar (Spring Boot, shaded) or the jar and its runtime dependencies on the class path
 * (`/app/lib/*`), as uid 10001, with a wget HEALTHCHECK (none for a gRPC server).
 */
export function javaDockerfile(app: DetectedApp): string {
  const jar = app.startCommand.includes('-jar');
  const lines = [
    header(app),
    '',
    ...(app.packageManager === 'maven' ? mavenBuild(app) : gradleBuild(app)),
    '',
    `FROM ${javaImages(app.runtimeVersion).jre} AS runtime`,
    'WORKDIR /app',
    addUser('alpine'),
    jar ? 'COPY --from=build /out/app.jar /app/app.jar' : 'COPY --from=build /out/lib /app/lib',
    footer(app, wgetProbe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
