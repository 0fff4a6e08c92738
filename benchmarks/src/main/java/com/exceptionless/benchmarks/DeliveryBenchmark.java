package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
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
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Delivery to a loopback sink, the reporter beside the fair floor in one run. {@code reporter}: submit
 * {@value #EVENTS} events, then flush (preparing, JSON, batches of {@value #BATCH}, gzip and posting happen on
 * the reporter's writer and sender threads). {@code floor}: the same events, serialized once up front (the
 * very batches the reporter posted in a capture run before the trial), posted by a plain OkHttp loop in
 * gzipped batches of the same size (gzip level 1, as the SDK) over one keep-alive TCP_NODELAY connection.
 * The score is microseconds per delivered event (events/s is its inverse); the secondary results are totals
 * per iteration, to be divided by {@code events}: {@code cpuNanos} the CPU time of the threads doing the work
 * (the benchmark thread, and for the reporter its writer and sender threads), {@code processCpuNanos} the whole
 * process's (sink included), {@code wireBytes} the bodies as sent. {@link DeliveryReport} prints the per-event
 * figures and the ratios.
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
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Param({"ERRORS", "PRODUCTION"})
  public Workload workload;

  private Workload.Material material;
  private LoopbackSink sink;
  private ExceptionlessReporter reporter;
  private long[] reporterThreads;
  private List<ByteString> batches;
  private OkHttpClient plain;

  /** Per-iteration totals; JMH reports them beside the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cost {
    public long events;
    public long cpuNanos;
    public long processCpuNanos;
    public long wireBytes;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
      cpuNanos = 0;
      processCpuNanos = 0;
      wireBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    material = workload.material();
    batches = capture();
    sink = new LoopbackSink();
    reporter = reporter(sink);
    reporterThreads = reporterThreadIds();
    plain = new OkHttpClient.Builder().socketFactory(new NoDelay()).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    reporter.close(Duration.ofSeconds(5));
    sink.close();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long reporter(Cost cost) {
    long cpu = threadCpu(reporterThreads);
    long processCpu = OS.getProcessCpuTime();
    long bytes = sink.bytes();
    long before = reporter.stats().accepted();
    for (int i = 0; i < EVENTS; i++) {
      workload.submit(reporter, i, material);
    }
    if (!reporter.flush(Duration.ofSeconds(60)) || reporter.stats().accepted() - before != EVENTS) {
      throw new IllegalStateException("Not every event was delivered: " + reporter.stats());
    }
    cost.cpuNanos += threadCpu(reporterThreads) - cpu;
    cost.processCpuNanos += OS.getProcessCpuTime() - processCpu;
    cost.wireBytes += sink.bytes() - bytes;
    cost.events += EVENTS;
    return reporter.stats().accepted();
  }

  /** The fair floor: the reporter's own batches, serialized up front, gzipped and posted by a plain loop. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long floor(Cost cost) throws IOException {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long processCpu = OS.getProcessCpuTime();
    long bytes = sink.bytes();
    long delivered = 0;
    for (ByteString batch : batches) {
      Request request = new Request.Builder().url(sink.url() + "/api/v2/events")
          .header("Authorization", "Bearer " + BenchmarkReporters.API_KEY)
          .header("Content-Encoding", "gzip")
          .post(RequestBody.create(gzip(batch, Deflater.BEST_SPEED), JSON))
          .build();
      try (Response response = plain.newCall(request).execute()) {
        if (response.code() != 202) {
          throw new IllegalStateException("Sink answered " + response.code());
        }
        delivered += BATCH;
      }
    }
    cost.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    cost.processCpuNanos += OS.getProcessCpuTime() - processCpu;
    cost.wireBytes += sink.bytes() - bytes;
    cost.events += delivered;
    return delivered;
  }

  private static ExceptionlessReporter reporter(LoopbackSink target) {
    String classPath = System.getProperty("java.class.path");
    System.setProperty("java.class.path", Workload.CLASS_PATH);
    try {
      return ExceptionlessReporter.builder().serverUrl(target.url()).apiKey(BenchmarkReporters.API_KEY).duplicateWindow(Duration.ZERO)
          .queueCapacity(EVENTS * 2).batchSize(BATCH).shutdownHook(false).build();
    } finally {
      System.setProperty("java.class.path", classPath);
    }
  }

  /** The batches the reporter posts for one invocation's events, decompressed. */
  private List<ByteString> capture() throws IOException {
    return capture(workload, material);
  }

  /** Runs a reporter over {@value #EVENTS} events of the workload and returns the bodies it posted, decompressed. */
  static List<ByteString> capture(Workload workload, Workload.Material material) throws IOException {
    try (LoopbackSink capturing = LoopbackSink.capturing()) {
      ExceptionlessReporter capturer = reporter(capturing);
      for (int i = 0; i < EVENTS; i++) {
        workload.submit(capturer, i, material);
      }
      if (!capturer.flush(Duration.ofSeconds(60)) || capturer.stats().accepted() != EVENTS) {
        throw new IllegalStateException("The capture run lost events: " + capturer.stats());
      }
      capturer.close(Duration.ofSeconds(5));
      List<ByteString> captured = new ArrayList<>();
      for (byte[] body : capturing.bodies()) {
        captured.add(ByteString.of(body));
      }
      if (captured.size() != EVENTS / BATCH) {
        throw new IllegalStateException("Expected " + EVENTS / BATCH + " batches, captured " + captured.size());
      }
      return captured;
    }
  }

  private static long[] reporterThreadIds() {
    List<Long> ids = new ArrayList<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("exceptionless-reporter-")) {
        ids.add(thread.getId());
      }
    }
    if (ids.size() != 2) {
      throw new IllegalStateException("Expected the reporter's writer and sender threads, found " + ids.size());
    }
    return new long[] {Thread.currentThread().getId(), ids.get(0), ids.get(1)};
  }

  /** CPU time of the given threads; the first is the benchmark's own thread, read as the current thread. */
  private static long threadCpu(long[] ids) {
    long total = THREADS.getCurrentThreadCpuTime();
    for (int i = 1; i < ids.length; i++) {
      total += Math.max(0, THREADS.getThreadCpuTime(ids[i]));
    }
    return total;
  }

  /** The JSON gzipped at a Deflater level through Okio's {@code GzipSink}, as the client's gzip interceptor does. */
  static ByteString gzip(ByteString json, int level) {
    Buffer compressed = new Buffer();
    GzipSink gzipSink = new GzipSink(compressed);
    gzipSink.deflater().setLevel(level);
    try (BufferedSink gzip = Okio.buffer(gzipSink)) {
      gzip.write(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return compressed.readByteString();
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
