import { describeShapes, http, type Shape, tcp } from './__fixtures__/shapeHarness.js';

const JDK17 = 'eclipse-temurin:17.0.13_11-jdk';
const JRE = (release: string) =>
  ({
    '11': 'eclipse-temurin:11.0.25_9-jre-alpine',
    '17': 'eclipse-temurin:17.0.13_11-jre-alpine',
    '21': 'eclipse-temurin:21.0.5_11-jre-alpine',
  })[release]!;
const JAR = ['java', '-XX:MaxRAMPercentage=75', '-jar', '/app/app.jar'];
const classpath = (main: string) => ['java', '-XX:MaxRAMPercentage=75', '-cp', '/app/lib/*', main];

/** Java services as real projects build them: Spring Boot's configuration, Gradle without Boot, fat jars. */
const CASES: Record<string, Shape> = {
  // application.yml: server.port 8082 under a servlet context path, the actuator on management.server.port 9001
  // (so the probes ask /actuator/health there, without the context path); profiles local and prod not active.
  'spring-management': {
    name: 'orders-service',
    builder: JDK17,
    runtime: JRE('17'),
    start: JAR,
    port: 8082,
    probe: http('/actuator/health', 'management'),
    probePort: 9001,
    config: ['ORDERS_DB_URL', 'ORDERS_DB_USER'],
    secrets: ['ORDERS_DB_PASSWORD'],
    steps: ['./mvnw -B -q package -DskipTests'],
  },
  // Kotlin DSL, Spring Boot through a version-catalog alias, server.port=${PORT:8090}, no actuator.
  'spring-no-actuator': {
    name: 'billing',
    builder: 'eclipse-temurin:21.0.5_11-jdk',
    runtime: JRE('21'),
    start: JAR,
    port: 8090,
    probe: tcp(),
    config: ['BILLING_CURRENCY'],
    secrets: [],
    steps: ['./gradlew --no-daemon -q bootJar -x test', 'HEALTHCHECK NONE'],
  },
  // Groovy DSL, the plain `application` plugin (mainClassName), no wrapper, Java 11, Spark on port(4567).
  'gradle-groovy-app': {
    name: 'ledger',
    builder: 'gradle:8.10.2-jdk11',
    runtime: JRE('11'),
    start: classpath('io.acme.ledger.LedgerMain'),
    port: 4567,
    probe: http('/health'),
    config: [],
    secrets: ['LEDGER_DATABASE_URL'],
    steps: ['gradle --no-daemon -q installDist -x test', 'cp -r build/install/*/lib /out/lib'],
  },
  // Kotlin DSL with Kotlin sources: application { mainClass.set("…ApplicationKt") }, Ktor embeddedServer(port = 8088).
  'kotlin-ktor': {
    name: 'pricing',
    builder: 'eclipse-temurin:21.0.5_11-jdk',
    runtime: JRE('21'),
    start: classpath('com.acme.pricing.ApplicationKt'),
    port: 8088,
    probe: http('/healthz'),
    config: ['PRICING_CURRENCY'],
    secrets: [],
    steps: ['./gradlew --no-daemon -q installDist -x test'],
  },
  // maven-shade attaching its jar with the classifier `bundle`: that jar, not the thin one, is run.
  'maven-shade': {
    name: 'webhook-relay',
    builder: 'maven:3.9.9-eclipse-temurin-17',
    runtime: JRE('17'),
    start: JAR,
    port: 8181,
    probe: http('/healthz'),
    config: ['RELAY_TARGET_URL'],
    secrets: ['RELAY_SIGNING_SECRET'],
    steps: ["find target -maxdepth 1 -name '*-bundle.jar'", 'COPY --from=build /out/app.jar /app/app.jar'],
  },
  // maven-assembly's jar-with-dependencies beside the thin jar of the same build.
  'maven-assembly': {
    name: 'reports',
    builder: 'maven:3.9.9-eclipse-temurin-11',
    runtime: JRE('11'),
    start: JAR,
    port: 7001,
    probe: http('/ready'),
    config: ['REPORTS_BUCKET'],
    secrets: [],
    steps: ["-name '*-jar-with-dependencies.jar'"],
  },
};

describeShapes('generate --from over Java projects (Spring Boot configuration, Gradle, fat jars)', CASES);
