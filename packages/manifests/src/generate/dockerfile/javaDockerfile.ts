import type { DetectedApp } from '../../detect/detectedApp.js';
import { BASE_IMAGES, pick } from './baseImages.js';
import { addUser, footer, header, wgetProbe } from './dockerfileParts.js';

const PICK_JAR =
  "find {dir} -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | head -n 1 | xargs -I{} cp {} /tmp/app.jar";

/** The build images are Ubuntu-based: run with bash and pipefail, so a failing `find` fails the build. */
const PIPEFAIL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

/**
 * A multi-stage Dockerfile for a Java service: Maven (`dependency:go-offline` cached, then `package`) or Gradle
 * (`bootJar` for Spring Boot, else `jar`) on a pinned JDK image, and a pinned Temurin JRE Alpine runtime running
 * the jar as uid 10001 with a wget HEALTHCHECK.
 */
export function javaDockerfile(app: DetectedApp): string {
  const maven = app.packageManager === 'maven';
  const build = maven
    ? [
        `FROM ${pick(BASE_IMAGES.maven, app.runtimeVersion, '21')} AS build`,
        PIPEFAIL,
        'WORKDIR /src',
        'COPY pom.xml ./',
        'RUN mvn -B -q dependency:go-offline',
        'COPY src ./src',
        `RUN mvn -B -q package -DskipTests && ${PICK_JAR.replace('{dir}', 'target')}`,
      ]
    : [
        `FROM ${pick(BASE_IMAGES.gradle, app.runtimeVersion, '21')} AS build`,
        PIPEFAIL,
        'WORKDIR /src',
        'COPY . .',
        `RUN gradle --no-daemon -q ${app.framework === 'spring-boot' ? 'bootJar' : 'jar'} -x test && ${PICK_JAR.replace('{dir}', 'build/libs')}`,
      ];
  const lines = [
    header(app),
    '',
    ...build,
    '',
    `FROM ${pick(BASE_IMAGES.jre, app.runtimeVersion, '21')} AS runtime`,
    'WORKDIR /app',
    addUser('alpine'),
    'COPY --from=build /tmp/app.jar /app/app.jar',
    footer(app, wgetProbe(app)),
  ];
  return `${lines.join('\n')}\n`;
}
