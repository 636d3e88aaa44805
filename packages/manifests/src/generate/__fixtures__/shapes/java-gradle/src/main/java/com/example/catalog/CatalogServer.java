package com.example.catalog;

import io.javalin.Javalin;

public class CatalogServer {
  public static void main(String[] args) {
    String searchUrl = System.getenv("SEARCH_URL");
    Javalin.create()
        .get("/health", ctx -> ctx.result("ok"))
        .get("/items", ctx -> ctx.result("[]" + searchUrl))
        .start(7070);
  }
}
