package com.acme.inventory.api;

import io.javalin.Javalin;

public class ApiMain {
  public static void main(String[] args) {
    String warehouse = System.getenv("WAREHOUSE_ID");
    Javalin.create().get("/healthz", ctx -> ctx.result("ok")).start(7080);
  }
}
