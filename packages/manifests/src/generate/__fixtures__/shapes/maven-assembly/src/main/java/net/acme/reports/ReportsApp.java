package net.acme.reports;

import io.javalin.Javalin;

public class ReportsApp {
  public static void main(String[] args) {
    String bucket = System.getenv("REPORTS_BUCKET");
    Javalin app = Javalin.create().start(7001);
    app.get("/ready", ctx -> ctx.result("ok"));
  }
}
