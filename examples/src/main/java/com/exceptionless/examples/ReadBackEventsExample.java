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
 * Reading events back: submit events of one order (a tag, and one reference id per event), poll until the
 * server has processed them (it does so asynchronously), find one by its reference id, then count them by type
 * with an aggregation. The stand-in server is given a
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
    // One reference id per event: the server drops, without a word, an event whose reference id the
    // project already used in the last 24 hours. A tag groups the order's events instead.
    String order = "order-" + UUID.randomUUID();
    List<Event> submitted = Arrays.asList(
        Event.builder().type("log").source("checkout").message("Order placed").referenceId(order + "-placed")
            .addTagsItem(order).date(OffsetDateTime.now()).build(),
        Event.builder().type("usage").source("Express checkout").referenceId(order + "-express")
            .addTagsItem(order).date(OffsetDateTime.now()).build(),
        Event.builder().type("log").source("checkout").message("Payment captured").referenceId(order + "-paid")
            .addTagsItem(order).date(OffsetDateTime.now()).build());
    connection.client().events().submit(submitted);
    out.println("Submitted " + submitted.size() + " events tagged " + order);

    EventService events = user.events();
    EventQuery query = EventQuery.builder().project(connection.project().getId()).filter("tag:" + order).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<PersistentEvent> found;
    for (int poll = 1; ; poll++) {
      found = events.list(query).items();
      out.println("Poll " + poll + ": " + found.size() + " of " + submitted.size() + " events stored");
      if (found.size() >= submitted.size()) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Only " + found.size() + " of " + submitted.size() + " events tagged "
            + order + " were stored within 30 s");
      }
      Thread.sleep(500);
    }
    for (PersistentEvent event : found) {
      out.println("Found " + event.getType() + " event " + event.getReferenceId() + ": "
          + (event.getMessage() != null ? event.getMessage() : event.getSource()) + " (stack " + event.getStackId() + ")");
    }
    EventQuery inProject = EventQuery.builder().project(connection.project().getId()).build();
    out.println("By reference id: " + events.byReferenceId(order + "-paid", inProject).items().size() + " event");

    CountResult count = events.count(EventCountQuery.builder()
        .project(connection.project().getId())
        .filter("tag:" + order)
        .aggregations("terms:type")
        .build());
    out.println("Count: " + count.getTotal() + " events");
    for (Aggregations.Bucket type : Aggregations.terms(count, "type")) {
      out.println("  " + type.key() + ": " + type.total());
    }
    // README: end
  }
}
