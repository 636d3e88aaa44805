package io.acme.ledger;

import static spark.Spark.get;
import static spark.Spark.port;

public final class LedgerMain {
  public static void main(String[] args) {
    String dbUrl = System.getenv("LEDGER_DATABASE_URL");
    port(4567);
    get("/health", (req, res) -> "ok");
    get("/entries", (req, res) -> "[]");
  }
}
