package com.exceptionless.benchmarks;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.log4j2.ExceptionlessAppender;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Log4j2 appender's cost on the logging thread, measured through a Log4j logger of a private
 * {@link LoggerContext} (so Log4j's own work, creating the event and formatting the message, is included): an
 * {@code INFO} line that only becomes a breadcrumb, and a {@code WARN} line that becomes a log event. The appender
 * is given a reporter whose queue never fills within an iteration, as in {@link LogbackAppenderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class Log4j2AppenderBenchmark {
  private static final String LOGGER_NAME = "com.acme.checkout.Checkout";

  private LoopbackSink sink;
  private ExceptionlessReporter reporter;
  private LoggerContext context;
  private ExceptionlessAppender appender;
  private Logger logger;
  private int order;

  @Setup(org.openjdk.jmh.annotations.Level.Trial)
  public void startSink() throws Exception {
    sink = new LoopbackSink();
  }

  @Setup(org.openjdk.jmh.annotations.Level.Iteration)
  public void startAppender() {
    reporter = BenchmarkReporters.withRoomyQueue(sink);
    context = new LoggerContext("exceptionless-benchmark");
    Configuration configuration = new DefaultConfiguration();
    context.start(configuration);
    appender = ExceptionlessAppender.newBuilder().setName("EXCEPTIONLESS").setReporter(reporter).build();
    appender.start();
    configuration.addAppender(appender);
    LoggerConfig checkout = new LoggerConfig(LOGGER_NAME, Level.INFO, false);
    checkout.addAppender(appender, null, null);
    configuration.addLogger(LOGGER_NAME, checkout);
    context.updateLoggers();
    logger = context.getLogger(LOGGER_NAME);
  }

  @TearDown(org.openjdk.jmh.annotations.Level.Iteration)
  public void stopAppender() {
    BenchmarkReporters.requireNothingDropped(reporter);
    context.stop();
    reporter.close(Duration.ofMillis(100));
  }

  @TearDown(org.openjdk.jmh.annotations.Level.Trial)
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
