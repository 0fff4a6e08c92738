package com.exceptionless.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.ByteString;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Deflater level for event batches, measured: the time to gzip one batch of 50 events as the reporter posts
 * it (through Okio's GzipSink, as the client's interceptor does) and the compressed bytes per event
 * ({@code compressedBytes / events}) and the thread's CPU time per event ({@code cpuNanos / events}: on a
 * loaded machine the wall time is not the cost), for levels 1 (the SDK's), 6 (the JDK's default) and 9.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class GzipLevelBenchmark {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Param({"ERRORS", "PRODUCTION"})
  public Workload workload;

  @Param({"1", "6", "9"})
  public int level;

  private List<ByteString> batches;
  private int next;

  /** Totals per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Size {
    public long events;
    public long compressedBytes;
    public long cpuNanos;

    @Setup(Level.Iteration)
    public void reset() {
      events = 0;
      compressedBytes = 0;
      cpuNanos = 0;
    }
  }

  @Setup(Level.Trial)
  public void capture() throws IOException {
    batches = DeliveryBenchmark.capture(workload, workload.material());
  }

  @Benchmark
  public long gzipBatch(Size size) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    ByteString compressed = DeliveryBenchmark.gzip(batches.get(next++ % batches.size()), level);
    size.cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
    size.events += DeliveryBenchmark.BATCH;
    size.compressedBytes += compressed.size();
    return compressed.size();
  }
}
