package com.exceptionless.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback server that imitates {@code POST api/v2/events}: it reads the whole body and answers 202 at once.
 * It counts requests and body bytes so a benchmark can check that everything arrived.
 */
public final class LoopbackSink implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  public LoopbackSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "loopback-sink");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      byte[] buffer = new byte[16 * 1024];
      long read = 0;
      try (InputStream body = exchange.getRequestBody()) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          read += n;
        }
      }
      bytes.addAndGet(read);
      requests.incrementAndGet();
      exchange.getResponseHeaders().add("X-Exceptionless-ConfigVersion", "0");
      int status = exchange.getRequestMethod().equals("GET") ? 304 : 202;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public long requests() {
    return requests.get();
  }

  public long bytes() {
    return bytes.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
