package com.exceptionless.client.reporting;

import com.exceptionless.benchmarks.LoopbackSink;
import com.exceptionless.benchmarks.SampleErrors;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.model.Event;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.ByteString;
import okio.GzipSink;
import okio.Okio;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Delivery rate to a loopback sink: the reporter (submit, then flush: conversion, batching of 50, JSON, gzip
 * and posting on its worker) side by side with plain OkHttp loops over TCP_NODELAY sockets posting the same
 * gzipped batches, either prepared once (the transport floor) or serialized for every post. Scores are
 * microseconds per delivered event; the rate is their inverse.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DeliveryBenchmark {
  static final int EVENTS = 5_000;
  static final int BATCH = 50;
  private static final String API_KEY = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0";

  private LoopbackSink sink;
  private ExceptionlessReporter reporter;
  private RuntimeException error;
  private OkHttpClient plain;
  private ByteString gzippedBatch;
  private List<Event> preparedBatch;
  private com.squareup.moshi.JsonAdapter<List<Event>> batchAdapter;

  @Setup
  public void setUp() throws IOException {
    sink = new LoopbackSink();
    error = SampleErrors.threeLevelChain();
    ExceptionlessClient client = ExceptionlessClient.builder().serverUrl(sink.url()).apiKey(API_KEY).build();
    reporter = ExceptionlessReporter.builder().client(client).duplicateWindow(Duration.ZERO).includeModules(false)
        .queueCapacity(EVENTS * 2).batchSize(BATCH).shutdownHook(false).build();

    ReporterSettings settings = new ReporterSettings(ExceptionlessReporter.builder().client(client)
        .duplicateWindow(Duration.ZERO).includeModules(false));
    EventPreparer preparer = new EventPreparer(settings, () -> ServerSettings.NONE, new ReporterCounters());
    List<Event> batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(preparer.prepare(new QueuedEvent(Event.builder().type("error").date(java.time.OffsetDateTime.now()).build(), error)));
    }
    preparedBatch = batch;
    batchAdapter = client.moshi().adapter(Types.newParameterizedType(List.class, Event.class));
    gzippedBatch = gzip(batchAdapter.toJson(batch));
    plain = new OkHttpClient.Builder().socketFactory(new NoDelay()).build();
  }

  @TearDown
  public void tearDown() {
    reporter.close(Duration.ofSeconds(5));
    sink.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long reporter() {
    long before = reporter.stats().accepted();
    for (int i = 0; i < EVENTS; i++) {
      reporter.submitException(error);
    }
    if (!reporter.flush(Duration.ofSeconds(60)) || reporter.stats().accepted() - before != EVENTS) {
      throw new IllegalStateException("Not every event was delivered: " + reporter.stats());
    }
    return reporter.stats().accepted();
  }

  /** The transport floor: the same gzipped batch bytes, prepared once, posted in a loop. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long plainOkHttpFloor() throws IOException {
    return post(() -> gzippedBatch);
  }

  /** The same loop, serializing and gzipping the (already converted) batch for every post, as any client must. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long plainOkHttpSerializingFloor() throws IOException {
    return post(() -> gzip(batchAdapter.toJson(preparedBatch)));
  }

  private static ByteString gzip(String json) {
    Buffer compressed = new Buffer();
    GzipSink gzipSink = new GzipSink(compressed);
    gzipSink.deflater().setLevel(java.util.zip.Deflater.BEST_SPEED);
    try (BufferedSink gzip = Okio.buffer(gzipSink)) {
      gzip.writeUtf8(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return compressed.readByteString();
  }

  private long post(java.util.function.Supplier<ByteString> body) throws IOException {
    long delivered = 0;
    for (int i = 0; i < EVENTS / BATCH; i++) {
      Request request = new Request.Builder().url(sink.url() + "/api/v2/events")
          .header("Authorization", "Bearer " + API_KEY)
          .header("Content-Encoding", "gzip")
          .post(RequestBody.create(body.get(), MediaType.get("application/json")))
          .build();
      try (Response response = plain.newCall(request).execute()) {
        if (response.code() != 202) {
          throw new IllegalStateException("Sink answered " + response.code());
        }
        delivered += BATCH;
      }
    }
    return delivered;
  }

  /** TCP_NODELAY sockets, as the SDK uses. */
  private static final class NoDelay extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      Socket socket = delegate.createSocket();
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(java.net.InetAddress host, int port) throws IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local, int localPort)
        throws IOException {
      throw new UnsupportedOperationException();
    }
  }
}
