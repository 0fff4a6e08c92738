package com.exceptionless.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link DeliveryBenchmark} (JMH options as on the command line, for example {@code -f 2}) and prints, per
 * workload, the reporter's and the floor's delivered events/s, CPU per delivered event (the working threads',
 * and the process's), wire bytes per event, and the reporter's ratios to the floor:
 * {@code java -cp benchmarks/target/benchmarks.jar com.exceptionless.benchmarks.DeliveryReport -f 2}.
 */
public final class DeliveryReport {
  private DeliveryReport() {
  }

  public static void main(String[] args) throws Exception {
    CommandLineOptions options = new CommandLineOptions(args);
    Collection<RunResult> results = new Runner(new OptionsBuilder().parent(options)
        .include(DeliveryBenchmark.class.getName() + "\\.").build()).run();
    Map<String, Map<String, Figures>> byWorkload = new LinkedHashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      byWorkload.computeIfAbsent(result.getParams().getParam("workload"), w -> new LinkedHashMap<>())
          .put(method, new Figures(result));
    }
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-11s %-9s %12s %18s %18s %10s", "workload", "contender", "events/s",
        "thread CPU µs/ev", "process CPU µs/ev", "wire B/ev"));
    for (Map.Entry<String, Map<String, Figures>> workload : byWorkload.entrySet()) {
      for (Map.Entry<String, Figures> contender : workload.getValue().entrySet()) {
        Figures f = contender.getValue();
        lines.add(String.format("%-11s %-9s %12.0f %18.1f %18.1f %10.0f", workload.getKey(), contender.getKey(),
            f.eventsPerSecond, f.cpuMicros, f.processCpuMicros, f.wireBytes));
      }
      Figures reporter = workload.getValue().get("reporter");
      Figures floor = workload.getValue().get("floor");
      if (reporter != null && floor != null) {
        lines.add(String.format("%-11s %-9s %12.2f %18.2f %18.2f %10.2f", workload.getKey(), "ratio",
            reporter.eventsPerSecond / floor.eventsPerSecond, reporter.cpuMicros / floor.cpuMicros,
            reporter.processCpuMicros / floor.processCpuMicros, reporter.wireBytes / floor.wireBytes));
      }
    }
    System.out.println();
    System.out.println("Delivery, reporter beside the floor (ratio = reporter / floor; targets: events/s >= 0.8,"
        + " thread CPU <= 1.2):");
    lines.forEach(System.out::println);
  }

  /** One contender's per-event figures. */
  private static final class Figures {
    final double eventsPerSecond;
    final double cpuMicros;
    final double processCpuMicros;
    final double wireBytes;

    Figures(RunResult result) {
      Map<String, Result> secondary = result.getSecondaryResults();
      double events = secondary.get("events").getScore();
      eventsPerSecond = 1_000_000 / result.getPrimaryResult().getScore();
      cpuMicros = secondary.get("cpuNanos").getScore() / events / 1000;
      processCpuMicros = secondary.get("processCpuNanos").getScore() / events / 1000;
      wireBytes = secondary.get("wireBytes").getScore() / events;
    }
  }
}
