package com.acme.pricing

import io.ktor.server.application.*
import io.ktor.server.engine.*
import io.ktor.server.netty.*
import io.ktor.server.response.*
import io.ktor.server.routing.*

fun main() {
    val currency = System.getenv("PRICING_CURRENCY") ?: "EUR"
    embeddedServer(Netty, port = 8088, host = "0.0.0.0") {
        routing {
            get("/healthz") { call.respondText("ok") }
            get("/prices") { call.respondText("[] $currency") }
        }
    }.start(wait = true)
}
