package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
 * The cost of {@code submitException} on the caller's thread for an exception with a three-level cause chain.
 * The queue is large enough never to fill within an iteration, so every call takes the accepting path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class SubmitBenchmark {
  private LoopbackSink sink;
  private ExceptionlessReporter reporter;
  private RuntimeException error;

  @Setup(Level.Trial)
  public void startSink() throws Exception {
    sink = new LoopbackSink();
    error = SampleErrors.threeLevelChain();
  }

  @Setup(Level.Iteration)
  public void startReporter() {
    reporter = BenchmarkReporters.withRoomyQueue(sink);
  }

  @TearDown(Level.Iteration)
  public void stopReporter() {
    BenchmarkReporters.requireNothingDropped(reporter);
    reporter.close(Duration.ofMillis(100));
  }

  @TearDown(Level.Trial)
  public void stopSink() {
    sink.close();
  }

  @Benchmark
  public void submitException() {
    reporter.submitException(error);
  }
}
