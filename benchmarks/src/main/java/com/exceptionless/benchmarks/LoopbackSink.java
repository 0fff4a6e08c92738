package com.exceptionless.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A loopback server that imitates {@code POST api/v2/events}: it reads the whole body and answers 202 at once.
 * It counts requests and body bytes (as sent, compressed or not) so a benchmark can check that everything
 * arrived; one made with {@link #capturing()} also keeps each posted body, decompressed.
 */
public final class LoopbackSink implements AutoCloseable {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final ConcurrentLinkedQueue<byte[]> bodies;

  public LoopbackSink() throws IOException {
    this(false);
  }

  private LoopbackSink(boolean capture) throws IOException {
    bodies = capture ? new ConcurrentLinkedQueue<>() : null;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "loopback-sink");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      byte[] buffer = new byte[16 * 1024];
      long read = 0;
      ByteArrayOutputStream kept = bodies != null ? new ByteArrayOutputStream() : null;
      try (InputStream body = exchange.getRequestBody()) {
        for (int n; (n = body.read(buffer)) > 0; ) {
          read += n;
          if (kept != null) {
            kept.write(buffer, 0, n);
          }
        }
      }
      bytes.addAndGet(read);
      requests.incrementAndGet();
      if (kept != null && exchange.getRequestMethod().equals("POST")) {
        bodies.add("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
            ? gunzip(kept.toByteArray()) : kept.toByteArray());
      }
      exchange.getResponseHeaders().add("X-Exceptionless-ConfigVersion", "0");
      int status = exchange.getRequestMethod().equals("GET") ? 304 : 202;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** A sink that also keeps every posted body, decompressed ({@link #bodies()}). */
  public static LoopbackSink capturing() throws IOException {
    return new LoopbackSink(true);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public long requests() {
    return requests.get();
  }

  /** The body bytes received, as they came over the wire. */
  public long bytes() {
    return bytes.get();
  }

  /** The posted bodies so far, decompressed, in the order they arrived (only for a {@link #capturing()} sink). */
  public List<byte[]> bodies() {
    return new ArrayList<>(bodies);
  }

  private static byte[] gunzip(byte[] gzipped) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
