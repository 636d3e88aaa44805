plugins {
    kotlin("jvm") version "2.0.21"
    application
}

group = "com.acme"
version = "1.1.0"

kotlin {
    jvmToolchain(21)
}

application {
    mainClass.set("com.acme.pricing.ApplicationKt")
}

repositories {
    mavenCentral()
}

dependencies {
    implementation("io.ktor:ktor-server-core-jvm:2.3.12")
    implementation("io.ktor:ktor-server-netty-jvm:2.3.12")
    implementation("ch.qos.logback:logback-classic:1.5.12")
}
