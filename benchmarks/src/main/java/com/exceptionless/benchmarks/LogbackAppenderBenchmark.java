package com.exceptionless.benchmarks;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.logback.ExceptionlessAppender;
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
 * The Logback appender's cost on the logging thread, measured through a Logback logger (so Logback's own work,
 * creating the event and formatting the message, is included): an {@code INFO} line that only becomes a
 * breadcrumb, and a {@code WARN} line that becomes a log event. The queue is large enough never to fill within
 * an iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class LogbackAppenderBenchmark {
  private LoopbackSink sink;
  private ExceptionlessReporter reporter;
  private LoggerContext context;
  private ExceptionlessAppender appender;
  private Logger logger;
  private int order;

  @Setup(Level.Trial)
  public void startSink() throws Exception {
    sink = new LoopbackSink();
  }

  @Setup(Level.Iteration)
  public void startAppender() {
    reporter = BenchmarkReporters.withRoomyQueue(sink);
    context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    appender = new ExceptionlessAppender();
    appender.setContext(context);
    appender.setName("EXCEPTIONLESS");
    appender.setReporter(reporter);
    appender.start();
    logger = context.getLogger("com.acme.checkout.Checkout");
    logger.setAdditive(false);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    logger.addAppender(appender);
  }

  @TearDown(Level.Iteration)
  public void stopAppender() {
    BenchmarkReporters.requireNothingDropped(reporter);
    appender.stop();
    context.stop();
    reporter.close(Duration.ofMillis(100));
  }

  @TearDown(Level.Trial)
  public void stopSink() {
    sink.close();
  }

  @Benchmark
  public void breadcrumbLine() {
    logger.info("Cart {} priced", order++);
  }

  @Benchmark
  public void eventLine() {
    logger.warn("Order {} is slow", order++);
  }
}
