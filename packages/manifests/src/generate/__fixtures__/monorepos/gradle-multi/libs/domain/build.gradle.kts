plugins {
    `java-library`
}

java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }
