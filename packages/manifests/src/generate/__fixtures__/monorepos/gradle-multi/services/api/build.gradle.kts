plugins {
    application
}

java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }

dependencies {
    implementation(project(":libs:domain"))
    implementation("io.javalin:javalin:6.3.0")
}

application {
    mainClass.set("com.acme.inventory.api.ApiMain")
}
