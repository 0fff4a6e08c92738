package com.exceptionless.examples;

import com.exceptionless.client.reporting.ExceptionlessReporter;
import com.exceptionless.client.reporting.LogLevel;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * Error reporting: an exception with a cause chain and a log event go through the reporter's queue; the
 * example flushes, prints the reporter's counts and what the server received.
 */
public final class ErrorReportingExample {
  private ErrorReportingExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(ErrorReportingExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    // README: reporting
    try (ExceptionlessReporter reporter = ExceptionlessReporter.builder()
        .serverUrl(target.serverUrl)
        .apiKey(target.apiKey())
        .version("1.4.2")
        .defaultTags("example")
        .build()) {
      try {
        placeOrder(42);
      } catch (IllegalStateException e) {
        reporter.createException(e).tags("checkout").user("ada@example.com", "Ada").data("order", 42).submit();
      }
      reporter.createLog(ErrorReportingExample.class.getName(), "Checkout finished", LogLevel.INFO).submit();

      reporter.flush(Duration.ofSeconds(10));
      out.println("Reporter: " + reporter.stats());
    }
    // README: end

    if (target.standIn != null) {
      for (ReceivedEvent event : target.standIn.awaitEvents(2, Duration.ofSeconds(5))) {
        out.println("The server received (" + event.type() + "): " + describe(event.json()));
      }
    }
  }

  private static void placeOrder(int orderId) {
    try {
      saveOrder(orderId);
    } catch (UncheckedIOException e) {
      throw new IllegalStateException("Order " + orderId + " could not be placed", e);
    }
  }

  private static void saveOrder(int orderId) {
    try {
      throw new SQLException("Deadlock found when trying to get lock", "40001", 1213);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("Saving order " + orderId + " failed", e));
    }
  }

  /** The message and tags, and for errors the type of each error in the chain with its frame count. */
  @SuppressWarnings("unchecked")
  private static String describe(Map<String, Object> json) {
    StringBuilder text = new StringBuilder().append(json.get("message")).append(" tags=").append(json.get("tags"));
    Map<String, Object> data = (Map<String, Object>) json.get("data");
    Object error = data == null ? null : data.get("@error");
    while (error instanceof Map) {
      Map<String, Object> current = (Map<String, Object>) error;
      Object frames = current.get("stack_trace");
      text.append("\n    ").append(current.get("type")).append(": ").append(current.get("message"))
          .append(" (").append(frames instanceof java.util.List ? ((java.util.List<?>) frames).size() : 0).append(" frames");
      Object ext = current.get("data") instanceof Map ? ((Map<String, Object>) current.get("data")).get("@ext") : null;
      text.append(ext != null ? ", @ext " + ext : "").append(')');
      error = current.get("inner");
    }
    if (data != null && data.get("@environment") instanceof Map) {
      Map<String, Object> environment = (Map<String, Object>) data.get("@environment");
      text.append("\n    @environment: ").append(environment.get("runtime_version")).append(" on ")
          .append(environment.get("o_s_name")).append(", ").append(environment.get("processor_count")).append(" processors");
    }
    return text.toString();
  }
}
