package com.exceptionless.client.reporting;

import com.exceptionless.benchmarks.SampleErrors;
import com.exceptionless.client.json.ExceptionlessMoshi;
import com.exceptionless.client.model.ErrorInfo;
import com.squareup.moshi.JsonAdapter;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Throwable (three-level cause chain) to {@code @error} JSON, as the worker thread does it (modules excluded). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThrowableToJsonBenchmark {
  private ErrorConverter converter;
  private DataExclusions exclusions;
  private JsonAdapter<ErrorInfo> adapter;
  private RuntimeException error;

  @Setup
  public void setUp() {
    converter = new ErrorConverter(false, new ModuleCatalog(""));
    exclusions = new DataExclusions(Collections.<String>emptyList(), Collections.<String>emptyList());
    adapter = ExceptionlessMoshi.create().adapter(ErrorInfo.class);
    error = SampleErrors.threeLevelChain();
  }

  @Benchmark
  public String throwableToJson() {
    return adapter.toJson(converter.convert(error, exclusions));
  }
}
