package com.exceptionless.examples;

import com.exceptionless.client.BulkResult;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ProjectConnection;
import com.exceptionless.client.StackQuery;
import com.exceptionless.client.StackService;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.StackStatus;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.reporting.ExceptionlessReporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Stacks: list the stacks of a project with their status and occurrences, then mark one fixed in a version
 * and read its new status. On the stand-in server it first reports a few errors with a client token, so
 * that there are stacks to find; against a real server it lists the project's stacks and changes nothing.
 */
public final class StacksExample {
  private StacksExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(StacksExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) {
    String projectNameOrId = target.project();
    ExceptionlessClient user = target.userClient();
    if (target.standIn != null) {
      reportSomeErrors(user.connectToProject(projectNameOrId, target.tokenPolicy), out);
      target.standIn.awaitStoredEvents(3, Duration.ofSeconds(5));
    }

    // README: stacks
    ViewProject project = user.projects().find(projectNameOrId)
        .orElseThrow(() -> new IllegalStateException("No project named " + projectNameOrId));
    StackService stacks = user.stacks();
    List<Stack> found = stacks.list(StackQuery.builder().project(project.getId()).sort("-total").limit(10).build()).items();
    for (Stack stack : found) {
      out.println("Stack: " + stack.getTitle() + " [" + stack.getStatus() + ", occurrences " + stack.getTotalOccurrences()
          + ", last " + stack.getLastOccurrence() + "]");
    }
    // README: end
    if (found.isEmpty()) {
      out.println("No stacks in " + project.getName() + " yet: report an error to it first.");
      return;
    }
    if (target.standIn == null) {
      out.println("Against a real server the example only lists; it marks a stack fixed on the stand-in server only.");
      return;
    }

    // README: markfixed
    Optional<Stack> open = found.stream().filter(stack -> stack.getStatus() == StackStatus.OPEN).findFirst();
    if (open.isPresent()) {
      String stackId = open.get().getId();
      BulkResult fixed = stacks.markFixed(Collections.singletonList(stackId), "1.4.3");
      out.println("Marked fixed in 1.4.3: " + fixed);

      Stack after = stacks.get(stackId);
      out.println("Now: " + after.getTitle() + " [" + after.getStatus() + " in " + after.getFixedInVersion()
          + " since " + after.getDateFixed() + "]");
    }
    // README: end
  }

  /** Reports three errors from version 1.4.2 with a client token: two of one kind, one of another. */
  private static void reportSomeErrors(ProjectConnection connection, PrintStream out) {
    try (ExceptionlessReporter reporter = ExceptionlessReporter.builder()
        .client(connection.client())
        .version("1.4.2")
        .build()) {
      for (int order = 1; order <= 2; order++) {
        try {
          chargeCard(order);
        } catch (IllegalStateException e) {
          reporter.submitException(e);
        }
      }
      try {
        Integer.parseInt("forty-two");
      } catch (NumberFormatException e) {
        reporter.submitException(e);
      }
      reporter.flush(Duration.ofSeconds(10));
      out.println("Reported with a client token for " + connection.project().getName() + ": " + reporter.stats());
    }
  }

  private static void chargeCard(int order) {
    throw new IllegalStateException("Card declined for order " + order);
  }
}
