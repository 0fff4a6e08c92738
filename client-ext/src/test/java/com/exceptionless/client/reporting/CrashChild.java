package com.exceptionless.client.reporting;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The application {@link ReporterCrashTest} starts in a child JVM and kills: it submits events to a reporter
 * with an outbox folder and prints a line after each {@code submit} returned, so the test knows what the
 * reporter had accepted when the process died.
 *
 * <p>Arguments: mode ({@code burst}, {@code steady} or {@code exit}), server URL, API key, outbox folder, count.
 */
public final class CrashChild {
  private CrashChild() {
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int count = Integer.parseInt(args[4]);
    boolean exit = mode.equals("exit");
    ExceptionlessReporter reporter = ExceptionlessReporter.builder().serverUrl(args[1]).apiKey(args[2])
        .outboxFolder(Paths.get(args[3])).shutdownHook(exit).shutdownTimeout(Duration.ofSeconds(1))
        .retryDelays(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5).build();
    PrintStream out = System.out;
    out.println("started");
    for (int i = 0; i < count; i++) {
      reporter.submitLog("crash", "crash-" + i, LogLevel.INFO);
      out.println("submitted " + i);
      if (mode.equals("steady")) {
        Thread.sleep(1);
      }
    }
    out.println("done");
    out.flush();
    if (exit) {
      out.println("exiting " + System.nanoTime());
      out.flush();
      System.exit(0);
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
