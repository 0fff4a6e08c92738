package com.exceptionless.examples;

import com.exceptionless.client.EventCountQuery;
import com.exceptionless.client.EventQuery;
import com.exceptionless.client.Aggregations;
import com.exceptionless.client.EventService;
import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.ProjectConnection;
import com.exceptionless.client.model.CountResult;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.PersistentEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading events back: submit events with a reference id, poll until the server has processed them (it
 * does so asynchronously), then count them by type with an aggregation. The stand-in server is given a
 * processing delay, so the polling is real there too.
 */
public final class ReadBackEventsExample {
  /** How long the stand-in server takes to process a submission, like a real server's queue. */
  static final Duration STAND_IN_PROCESSING_DELAY = Duration.ofMillis(1500);

  private ReadBackEventsExample() {
  }

  public static void main(String[] args) {
    ExampleRunner.main(ReadBackEventsExample::run);
  }

  static void run(ExampleTarget target, PrintStream out) throws InterruptedException {
    String projectNameOrId = target.project();
    ExceptionlessClient user = target.userClient();
    if (target.standIn != null) {
      target.standIn.setProcessingDelay(STAND_IN_PROCESSING_DELAY);
    }

    // README: readback
    ProjectConnection connection = user.connectToProject(projectNameOrId, target.tokenPolicy);
    String referenceId = "order-" + UUID.randomUUID();
    List<Event> submitted = Arrays.asList(
        Event.builder().type("log").source("checkout").message("Order placed").referenceId(referenceId)
            .date(OffsetDateTime.now()).build(),
        Event.builder().type("usage").source("Express checkout").referenceId(referenceId)
            .date(OffsetDateTime.now()).build(),
        Event.builder().type("log").source("checkout").message("Payment captured").referenceId(referenceId)
            .date(OffsetDateTime.now()).build());
    connection.client().events().submit(submitted);
    out.println("Submitted " + submitted.size() + " events with reference id " + referenceId);

    EventService events = user.events();
    EventQuery query = EventQuery.builder().project(connection.project().getId()).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<PersistentEvent> found;
    for (int poll = 1; ; poll++) {
      found = events.byReferenceId(referenceId, query).items();
      out.println("Poll " + poll + ": " + found.size() + " of " + submitted.size() + " events stored");
      if (found.size() >= submitted.size()) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Only " + found.size() + " of " + submitted.size() + " events with reference id "
            + referenceId + " were stored within 30 s");
      }
      Thread.sleep(500);
    }
    for (PersistentEvent event : found) {
      out.println("Found " + event.getType() + " event " + event.getId() + ": "
          + (event.getMessage() != null ? event.getMessage() : event.getSource()) + " (stack " + event.getStackId() + ")");
    }

    CountResult count = events.count(EventCountQuery.builder()
        .project(connection.project().getId())
        .filter("reference:" + referenceId)
        .aggregations("terms:type")
        .build());
    out.println("Count: " + count.getTotal() + " events");
    for (Aggregations.Bucket type : Aggregations.terms(count, "type")) {
      out.println("  " + type.key() + ": " + type.total());
    }
    // README: end
  }
}
