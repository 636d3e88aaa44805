import type { DetectedApp } from '../../detect/detectedApp.js';
import { javaImages } from './baseImages.js';
import { addUser, footer, header, wgetProbe } from './dockerfileParts.js';

const PICK_JAR =
  "find {dir} -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name 'original-*.jar' | head -n 1 | xargs -I{} cp {} /out/app.jar";

/** The build images are Ubuntu-based: run with bash and pipefail, so a failing `find` fails the build. */
const PIPEFAIL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

function mavenBuild(app: DetectedApp): string[] {
  const images = javaImages(app.runtimeVersion);
  const wrapper = app.facts.wrapper === 'true';
  const mvn = wrapper ? './mvnw -B -q' : 'mvn -B -q';
  // A wrapper checked out without its executable bit (Windows, some archives) still runs.
  const prepare = wrapper ? 'chmod +x mvnw && ' : '';
  const classpath = app.facts.packaging === 'classpath';
  return [
    `FROM ${wrapper ? images.jdk : images.maven} AS build`,
    PIPEFAIL,
    'WORKDIR /src',
    ...(wrapper ? ['COPY mvnw pom.xml ./', 'COPY .mvn ./.mvn'] : ['COPY pom.xml ./']),
    `RUN ${prepare}${mvn} dependency:go-offline`,
    'COPY src ./src',
    classpath
      ? `RUN ${mvn} package -DskipTests && ${mvn} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib && ${PICK_JAR.replace('{dir}', 'target').replace('/out/app.jar', '/out/lib/app.jar')}`
      : `RUN mkdir -p /out && ${mvn} package -DskipTests && ${PICK_JAR.replace('{dir}', 'target')}`,
  ];
}

function gradleBuild(app: DetectedApp): string[] {
  const images = javaImages(app.runtimeVersion);
  const wrapper = app.facts.wrapper === 'true';
  const gradle = wrapper ? 'chmod +x gradlew && ./gradlew --no-daemon -q' : 'gradle --no-daemon -q';
  const packaging = app.facts.packaging;
  const run =
    packaging === 'dist'
      ? `RUN ${gradle} installDist -x test && mkdir -p /out && cp -r build/install/*/lib /out/lib`
      : `RUN mkdir -p /out && ${gradle} ${packaging === 'boot' ? 'bootJar' : packaging === 'shade' ? 'shadowJar' : 'jar'} -x test && ${PICK_JAR.replace('{dir}', 'build/libs')}`;
  return [
    `FROM ${wrapper ? images.jdk : images.gradle} AS build`,
    PIPEFAIL,
    'WORKDIR /src',
    'COPY . .',
    ...(packaging === 'classpath' ? [run.replace('/out/app.jar', '/out/lib/app.jar')] : [run]),
  ];
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
