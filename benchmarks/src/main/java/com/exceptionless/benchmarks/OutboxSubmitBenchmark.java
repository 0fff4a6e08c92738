package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.DiscardReason;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The outbox's two costs. {@code submitException}: what {@code submitException} costs the caller with an outbox
 * folder configured, paced by a 50 µs pause between calls (about 8,000 errors a second here: an error storm the
 * writer keeps up with; the pause is a per-invocation setup, not measured). {@code submitToDisk}: the time from a {@code submit} to its
 * event being in a file of the folder (the durability bound), one event at a time. The server URL refuses
 * connections, so files stay in the folder and the writer, not the network, is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class OutboxSubmitBenchmark {
  private Path folder;
  private ExceptionlessReporter reporter;
  private RuntimeException error;
  private long nextFile;

  @Setup(Level.Trial)
  public void prepareError() {
    error = SampleErrors.threeLevelChain();
  }

  @Setup(Level.Iteration)
  public void startReporter() throws IOException {
    folder = Files.createTempDirectory("outbox-benchmark");
    nextFile = 0;
    reporter = ExceptionlessReporter.builder()
        .serverUrl("http://127.0.0.1:9/")
        .apiKey(BenchmarkReporters.API_KEY)
        .outboxFolder(folder)
        .outboxMaxBytes(Long.MAX_VALUE)
        .duplicateWindow(Duration.ZERO)
        .shutdownHook(false)
        .build();
  }

  /** Paces the calls: a 50 µs pause before each (longer in practice: the scheduler wakes late). */
  @Setup(Level.Invocation)
  public void pace() {
    LockSupport.parkNanos(50_000);
  }

  @TearDown(Level.Iteration)
  public void stopReporter() throws IOException {
    if (reporter.stats().discarded(DiscardReason.OUTBOX_FULL) > 0) {
      throw new IllegalStateException("The outbox filled up: " + reporter.stats());
    }
    reporter.close(Duration.ofMillis(100));
    try (java.util.stream.Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public void submitException() {
    reporter.submitException(error);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void submitToDisk() {
    reporter.submitException(error);
    Path expected = folder.resolve(String.format("%019d.events", nextFile++));
    while (!Files.exists(expected)) {
      LockSupport.parkNanos(20_000);
    }
  }
}
