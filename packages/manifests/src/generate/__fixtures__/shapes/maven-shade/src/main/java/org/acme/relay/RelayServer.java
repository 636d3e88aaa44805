package org.acme.relay;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

public class RelayServer {
  public static void main(String[] args) throws IOException {
    String target = System.getenv("RELAY_TARGET_URL");
    String token = System.getenv("RELAY_SIGNING_SECRET");
    HttpServer server = HttpServer.create(new InetSocketAddress(8181), 0);
    server.createContext("/healthz", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }
}
