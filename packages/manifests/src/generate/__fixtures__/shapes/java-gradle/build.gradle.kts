plugins {
    application
    java
}

group = "com.example"
version = "0.9.0"

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

repositories { mavenCentral() }

dependencies {
    implementation("io.javalin:javalin:6.3.0")
    implementation("org.slf4j:slf4j-simple:2.0.16")
}

application {
    mainClass = "com.example.catalog.CatalogServer"
}
