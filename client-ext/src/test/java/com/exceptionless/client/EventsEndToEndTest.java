package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.errors.ValidationException;
import com.exceptionless.client.model.CountResult;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.EventSummary;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.model.UserDescription;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.PlanLimits;
import com.exceptionless.testkit.SessionHeartbeat;
import com.exceptionless.testkit.TestAccounts;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submitting events with a client key and reading them back with the user's login, end to end against the
 * stand-in server. Each test marks its events with a tag of its own, so tests sharing the server do not see
 * each other's events.
 */
@ExtendWith(ExceptionlessTestServerExtension.class)
class EventsEndToEndTest {
  @Test
  void aSubmittedEventIsReadBackByListGetReferenceIdAndStack(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient app = EndToEnd.clientKey(server);
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("checkout");
    String ref = EndToEnd.unique("order");
    OffsetDateTime date = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.MILLIS);

    app.events().submit(Event.builder().type("log").source("com.acme.Checkout").message("Order placed")
        .date(date).referenceId(ref).addTagsItem(tag).putDataItem("@level", "Info").putDataItem("order", 42).build());

    Page<PersistentEvent> page = user.events().list(EventQuery.builder()
        .project(accounts.projectId()).filter("tag:" + tag).includeTotal(true).build());
    assertThat(page.items()).hasSize(1);
    assertThat(page.totalCount()).hasValue(1);
    assertThat(page.hasNextPage()).isFalse();
    PersistentEvent listed = page.items().get(0);
    assertThat(listed.getId()).isNotBlank();
    assertThat(listed.getProjectId()).isEqualTo(accounts.projectId());
    assertThat(listed.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(listed.getStackId()).isNotBlank();
    assertThat(listed.getIsFirstOccurrence()).isTrue();
    assertThat(listed.getType()).isEqualTo("log");
    assertThat(listed.getSource()).isEqualTo("com.acme.Checkout");
    assertThat(listed.getMessage()).isEqualTo("Order placed");
    assertThat(listed.getReferenceId()).isEqualTo(ref);
    assertThat(listed.getTags()).containsExactly(tag);
    assertThat(listed.getDate()).isAtSameInstantAs(date);
    assertThat(listed.getData()).containsEntry("@level", "Info").containsKey("order");
    assertThat(((Number) listed.getData().get("order")).intValue()).isEqualTo(42);
    assertThat(listed.getData()).containsKey("@submission_client");

    PersistentEvent read = user.events().get(listed.getId());
    assertThat(read.getMessage()).isEqualTo("Order placed");
    assertThat(read.getStackId()).isEqualTo(listed.getStackId());

    assertThat(user.events().byReferenceId(ref, EventQuery.builder().project(accounts.projectId()).build()).items())
        .extracting(PersistentEvent::getId).containsExactly(listed.getId());
    assertThat(user.events().byReferenceId(ref, EventQuery.defaults()).items())
        .extracting(PersistentEvent::getId).containsExactly(listed.getId());
    assertThat(user.events().list(EventQuery.builder().organization(accounts.organizationId()).filter("tag:" + tag).build())
        .items()).extracting(PersistentEvent::getId).containsExactly(listed.getId());
    assertThat(user.events().list(EventQuery.builder().stack(listed.getStackId()).build()).items())
        .extracting(PersistentEvent::getId).contains(listed.getId());
    assertThat(user.events().list(EventQuery.builder().project(accounts.secondProjectId()).filter("tag:" + tag).build())
        .items()).isEmpty();
    assertThat(server.storedEvents()).anySatisfy(stored -> {
      assertThat(stored).containsEntry("id", listed.getId()).containsEntry("stack_id", listed.getStackId());
      assertThat(stored).containsEntry("reference_id", ref);
    });
  }

  @Test
  void anUnknownEventIsNotFound(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);

    assertThatThrownBy(() -> user.events().get(EndToEnd.UNKNOWN_ID))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.problem().getTitle()).isEqualTo("Event not found."))
        .hasMessageStartingWith("404 Not Found on GET api/v2/events/{id}");
  }

  @Test
  void listAllFollowsCursorsAcrossPagesNewestFirst(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("cursor");
    OffsetDateTime newest = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
    List<Event> events = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String message = String.format("cursor event %02d", i);
      events.add(Event.builder().type("log").message(message).addTagsItem(tag).date(newest.minusSeconds(i)).build());
      expected.add(message);
    }
    EndToEnd.clientKey(server).events().submit(events);
    EventQuery query = EventQuery.builder().project(accounts.projectId()).filter("tag:" + tag).limit(10).build();

    Page<PersistentEvent> first = user.events().list(query);
    Page<PersistentEvent> second = first.nextPage();
    Page<PersistentEvent> third = second.nextPage();
    Page<PersistentEvent> resumed = user.events().list(query.toBuilder().after(first.nextCursor().get()).build());
    List<String> all = user.events().listAll(query).stream().map(PersistentEvent::getMessage).collect(Collectors.toList());
    List<String> allDefaultSize = user.events().listAll(EventQuery.builder().filter("tag:" + tag).build()).stream()
        .map(PersistentEvent::getMessage).collect(Collectors.toList());

    assertThat(first.items()).extracting(PersistentEvent::getMessage).containsExactlyElementsOf(expected.subList(0, 10));
    assertThat(first.totalCount()).as("no include=total, no count").isEmpty();
    assertThat(first.nextCursor()).isPresent();
    assertThat(first.nextPageUrl()).hasValueSatisfying(url -> assertThat(url).contains("after=").doesNotContain("page="));
    assertThat(second.items()).extracting(PersistentEvent::getMessage).containsExactlyElementsOf(expected.subList(10, 20));
    assertThat(third.items()).extracting(PersistentEvent::getMessage).containsExactlyElementsOf(expected.subList(20, 25));
    assertThat(third.hasNextPage()).isFalse();
    assertThat(third.nextCursor()).isEmpty();
    assertThat(resumed.items()).extracting(PersistentEvent::getId)
        .containsExactlyElementsOf(second.items().stream().map(PersistentEvent::getId).collect(Collectors.toList()));
    assertThat(all).containsExactlyElementsOf(expected);
    assertThat(allDefaultSize).containsExactlyElementsOf(expected);
  }

  @Test
  void eventsAreListedByPageNumberWhenAPageIsSet(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("numbered");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(Event.builder().type("log").message("numbered " + i).addTagsItem(tag).build());
    }
    EndToEnd.clientKey(server).events().submit(events);

    Page<PersistentEvent> first = user.events().list(EventQuery.builder().project(accounts.projectId())
        .filter("tag:" + tag).sort("message").page(1).limit(2).includeTotal(true).build());
    Page<PersistentEvent> second = first.nextPage();
    List<String> all = user.events().listAll(EventQuery.builder().filter("tag:" + tag).sort("message").page(1).limit(2).build())
        .stream().map(PersistentEvent::getMessage).collect(Collectors.toList());

    assertThat(first.items()).extracting(PersistentEvent::getMessage).containsExactly("numbered 0", "numbered 1");
    assertThat(first.totalCount()).hasValue(5);
    assertThat(first.nextPageUrl()).hasValueSatisfying(url -> assertThat(url).contains("page=2"));
    assertThat(first.nextCursor()).isEmpty();
    assertThat(second.items()).extracting(PersistentEvent::getMessage).containsExactly("numbered 2", "numbered 3");
    assertThat(all).containsExactly("numbered 0", "numbered 1", "numbered 2", "numbered 3", "numbered 4");
  }

  @Test
  void countsWithAggregationsInEveryScope(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("counted");
    EndToEnd.clientKey(server).events().submit(Arrays.asList(
        Event.builder().type("log").source("alpha").message("one").addTagsItem(tag).build(),
        Event.builder().type("log").source("beta").message("two").addTagsItem(tag).build(),
        Event.builder().type("feature").source("alpha").message("three").addTagsItem(tag).build()));

    CountResult project = user.events().count(EventCountQuery.builder().project(accounts.projectId())
        .filter("tag:" + tag).aggregations("terms:type cardinality:source").build());
    CountResult organization = user.events().count(EventCountQuery.builder().organization(accounts.organizationId())
        .filter("tag:" + tag).build());
    CountResult everywhere = user.events().count(EventCountQuery.builder().filter("tag:" + tag + " type:log").build());

    assertThat(project.getTotal()).isEqualTo(3L);
    assertThat(project.getAggregations()).containsOnlyKeys("terms_type", "cardinality_source");
    assertThat(((Number) project.getAggregations().get("cardinality_source").get("value")).intValue()).isEqualTo(2);
    List<?> buckets = (List<?>) project.getAggregations().get("terms_type").get("items");
    assertThat(buckets).hasSize(2);
    Map<?, ?> top = (Map<?, ?>) buckets.get(0);
    assertThat(top.get("key")).isEqualTo("log");
    assertThat(((Number) top.get("total")).intValue()).isEqualTo(2);
    assertThat(organization.getTotal()).isEqualTo(3L);
    assertThat(organization.getAggregations()).isNullOrEmpty();
    assertThat(everywhere.getTotal()).isEqualTo(2L);
    assertThatThrownBy(() -> user.events().count(EventCountQuery.builder().aggregations("terms:nonsense").build()))
        .isInstanceOfSatisfying(BadRequestException.class, e ->
            assertThat(e.problem().getTitle()).isEqualTo("Invalid aggregation: terms:nonsense"));
  }

  @Test
  void sessionsAndTheirEventsAreListed(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("session");
    String sessionId = EndToEnd.unique("sess");
    EndToEnd.clientKey(server).events().submit(Arrays.asList(
        Event.builder().type("session").referenceId(sessionId).addTagsItem(tag).build(),
        Event.builder().type("log").message("in session").putDataItem("@ref:session", sessionId).addTagsItem(tag).build(),
        Event.builder().type("usage").source("feature-x").putDataItem("@ref:session", sessionId).addTagsItem(tag).build(),
        Event.builder().type("log").message("not in session").addTagsItem(tag).build()));

    Page<PersistentEvent> inProject = user.events().sessions(EventQuery.builder().project(accounts.projectId())
        .filter("tag:" + tag).build());
    Page<PersistentEvent> inOrganization = user.events().sessions(EventQuery.builder()
        .organization(accounts.organizationId()).filter("tag:" + tag).build());
    Page<PersistentEvent> everywhere = user.events().sessions(EventQuery.builder().filter("tag:" + tag).build());
    Page<PersistentEvent> sessionEvents = user.events().sessionEvents(sessionId,
        EventQuery.builder().project(accounts.projectId()).build());
    Page<PersistentEvent> sessionEventsEverywhere = user.events().sessionEvents(sessionId,
        EventQuery.builder().filter("type:log").build());

    assertThat(inProject.items()).singleElement().satisfies(session -> {
      assertThat(session.getType()).isEqualTo("session");
      assertThat(session.getReferenceId()).isEqualTo(sessionId);
    });
    assertThat(inOrganization.items()).hasSize(1);
    assertThat(everywhere.items()).hasSize(1);
    assertThat(sessionEvents.items()).extracting(PersistentEvent::getType)
        .containsExactlyInAnyOrder("session", "log", "usage");
    assertThat(sessionEventsEverywhere.items()).extracting(PersistentEvent::getMessage).containsExactly("in session");
  }

  @Test
  void sessionsWithoutPremiumFeaturesAreAPlanLimit(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    server.setPlanLimits(PlanLimits.unlimited().withPremiumFeatures(false));
    try {
      assertThatThrownBy(() -> user.events().sessions(EventQuery.builder().project(accounts.projectId()).build()))
          .isInstanceOfSatisfying(PlanLimitException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(426);
            assertThat(e.problem().getTitle()).isEqualTo("Please upgrade your plan to use premium session features.");
          });
      assertThatThrownBy(() -> user.events().sessionEvents("some-session-id", EventQuery.defaults()))
          .isInstanceOf(PlanLimitException.class);
    } finally {
      server.setPlanLimits(PlanLimits.unlimited());
    }
  }

  @Test
  void eventSummariesAndStackSummariesDescribeTheEvents(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("summary");
    String busy = EndToEnd.unique("busy.source");
    String quiet = EndToEnd.unique("quiet.source");
    EndToEnd.clientKey(server).events().submit(Arrays.asList(
        Event.builder().type("log").source(busy).message("busy 1").putDataItem("@level", "Warn").addTagsItem(tag).build(),
        Event.builder().type("log").source(busy).message("busy 2").putDataItem("@level", "Warn").addTagsItem(tag).build(),
        Event.builder().type("log").source(busy).message("busy 3").putDataItem("@level", "Warn").addTagsItem(tag).build(),
        Event.builder().type("log").source(quiet).message("quiet 1").addTagsItem(tag).build()));
    EventQuery query = EventQuery.builder().project(accounts.projectId()).filter("tag:" + tag).build();

    Page<EventSummary> summaries = user.events().listSummaries(query.toBuilder().sort("message").build());
    Page<StackSummary> frequent = user.events().listStackSummaries(query, StackSummaryMode.FREQUENT);
    Page<StackSummary> recent = user.events().listStackSummaries(query, StackSummaryMode.RECENT);
    List<String> eventIds = user.events().listAll(query).stream().map(PersistentEvent::getId).collect(Collectors.toList());

    assertThat(summaries.items()).hasSize(4);
    assertThat(summaries.items()).extracting(EventSummary::getId).containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(summaries.items()).allSatisfy(s -> {
      assertThat(s.getTemplateKey()).isEqualTo("event-log-summary");
      assertThat(s.getDate()).isNotNull();
    });
    assertThat(summaries.items().get(0).getData()).containsEntry("Message", "busy 1").containsEntry("Source", busy)
        .containsEntry("Level", "Warn");
    assertThat(frequent.items()).hasSize(2);
    assertThat(frequent.items().get(0).getTotal()).isEqualTo(3L);
    assertThat(frequent.items().get(0).getTemplateKey()).isEqualTo("stack-log-summary");
    assertThat(frequent.items().get(1).getTotal()).isEqualTo(1L);
    assertThat(frequent.items().get(1).getTitle()).isEqualTo("quiet 1");
    assertThat(recent.items()).hasSize(2);
    assertThatThrownBy(() -> user.events().listStackSummaries(query.toBuilder().sort("-date").build(), StackSummaryMode.NEW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove the sort");
  }

  @Test
  void aUserDescriptionIsAttachedToTheEventWithThatReferenceId(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient app = EndToEnd.clientKey(server);
    ExceptionlessClient user = EndToEnd.user(server);
    String before = EndToEnd.unique("described-later");
    String after = EndToEnd.unique("described-first");
    app.events().submit(Event.builder().type("error").message("Crash").referenceId(before).build());

    app.events().submitUserDescription(before, UserDescription.builder()
        .emailAddress("ada@example.com").description("I clicked Save").build());
    app.events().submitUserDescription(accounts.projectId(), after, UserDescription.builder()
        .description("It froze before it crashed").build());
    app.events().submit(Event.builder().type("error").message("Freeze").referenceId(after).build());

    PersistentEvent described = user.events().byReferenceId(before, EventQuery.defaults()).items().get(0);
    PersistentEvent describedFirst = user.events().byReferenceId(after, EventQuery.defaults()).items().get(0);
    assertThat(asMap(described.getData().get("@user_description")))
        .containsEntry("email_address", "ada@example.com").containsEntry("description", "I clicked Save");
    assertThat(asMap(describedFirst.getData().get("@user_description")))
        .containsEntry("description", "It froze before it crashed");
    assertThatThrownBy(() -> app.events().submitUserDescription(before, UserDescription.builder()
        .emailAddress("not an email").description("x").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("email_address"));
  }

  @Test
  void heartbeatsAreRecordedByTheServer(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient app = EndToEnd.clientKey(server);
    String sessionId = EndToEnd.unique("heartbeat");

    app.events().heartbeat(sessionId, false);
    app.events().heartbeat(sessionId, true);

    List<SessionHeartbeat> beats = server.heartbeats().stream()
        .filter(beat -> beat.sessionId().equals(sessionId)).collect(Collectors.toList());
    assertThat(beats).hasSize(2);
    assertThat(beats).extracting(SessionHeartbeat::close).containsExactly(false, true);
    assertThat(beats).allSatisfy(beat -> assertThat(beat.projectId()).isEqualTo(accounts.projectId()));
  }

  @Test
  void logLinesBecomeLogEvents(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String marker = EndToEnd.unique("lines").replace("-", "");
    ExceptionlessClient second = EndToEnd.anonymous(server).withApiKey(accounts.secondProjectClientApiKey());

    EndToEnd.clientKey(server).events().submitLogLines(Arrays.asList("first " + marker, "second " + marker));
    second.events().submitLogLines(accounts.secondProjectId(), Collections.singletonList("third " + marker));

    List<PersistentEvent> first = user.events().list(EventQuery.builder().project(accounts.projectId())
        .filter(marker).sort("message").build()).items();
    List<PersistentEvent> inSecond = user.events().list(EventQuery.builder().project(accounts.secondProjectId())
        .filter(marker).build()).items();
    assertThat(first).extracting(PersistentEvent::getMessage).containsExactly("first " + marker, "second " + marker);
    assertThat(first).extracting(PersistentEvent::getType).containsOnly("log");
    assertThat(inSecond).extracting(PersistentEvent::getMessage).containsExactly("third " + marker);
    assertThatThrownBy(() -> EndToEnd.clientKey(server).events()
        .submitLogLines(accounts.secondProjectId(), Collections.singletonList("wrong project")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.problem().getTitle()).isEqualTo("Project not found."));
  }

  @Test
  void eventsSubmittedForAnExplicitProjectLandThere(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient second = EndToEnd.anonymous(server).withApiKey(accounts.secondProjectClientApiKey());
    String ref = EndToEnd.unique("explicit");

    SubmitResult result = second.events().submit(accounts.secondProjectId(),
        Collections.singletonList(Event.builder().message("explicit").referenceId(ref).build()));

    assertThat(result.configVersion()).isPresent();
    PersistentEvent stored = EndToEnd.user(server).events()
        .byReferenceId(ref, EventQuery.builder().project(accounts.secondProjectId()).build()).items().get(0);
    assertThat(stored.getProjectId()).isEqualTo(accounts.secondProjectId());
    assertThat(stored.getType()).as("a missing type is read as log").isEqualTo("log");
    assertThat(stored.getDate()).as("a missing date is the arrival time").isNotNull();
  }

  @Test
  void deletedEventsAreGoneAndUnknownIdsAreReported(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("doomed");
    EndToEnd.clientKey(server).events().submit(Arrays.asList(
        Event.builder().message("doomed 1").addTagsItem(tag).build(),
        Event.builder().message("doomed 2").addTagsItem(tag).build()));
    List<String> ids = user.events().listAll(EventQuery.builder().filter("tag:" + tag).sort("message").build()).stream()
        .map(PersistentEvent::getId).collect(Collectors.toList());

    BulkResult partial = user.events().delete(Arrays.asList(ids.get(0), EndToEnd.UNKNOWN_ID));
    BulkResult rest = user.events().delete(Collections.singletonList(ids.get(1)));

    assertThat(partial.succeeded()).containsExactly(ids.get(0));
    assertThat(partial.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(EndToEnd.UNKNOWN_ID);
      assertThat(f.statusCode()).isEqualTo(404);
      assertThat(f.message()).isEqualTo("Event not found.");
    });
    assertThat(rest.allSucceeded()).isTrue();
    assertThat(user.events().list(EventQuery.builder().filter("tag:" + tag).build()).items()).isEmpty();
    assertThatThrownBy(() -> user.events().get(ids.get(0))).isInstanceOf(NotFoundException.class);
    assertThat(server.storedEvents()).extracting(e -> e.get("id")).doesNotContainAnyElementsOf(ids);
    assertThatThrownBy(() -> user.events().delete(Collections.singletonList(ids.get(1))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void withAProcessingDelayAnEventIsReadOnceProcessed(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String ref = EndToEnd.unique("delayed");
    EventQuery query = EventQuery.builder().project(accounts.projectId()).build();
    server.setProcessingDelay(Duration.ofMillis(300));
    try {
      long submitted = System.nanoTime();
      EndToEnd.clientKey(server).events().submit(Event.builder().type("log").message("slow").referenceId(ref).build());
      List<PersistentEvent> atOnce = user.events().byReferenceId(ref, query).items();

      List<PersistentEvent> found = EndToEnd.poll(Duration.ofSeconds(5),
          () -> user.events().byReferenceId(ref, query).items(), items -> !items.isEmpty());

      assertThat(atOnce).as("accepted (202) but not yet processed").isEmpty();
      assertThat(found).singleElement().satisfies(e -> assertThat(e.getMessage()).isEqualTo("slow"));
      assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
      assertThat(server.receivedEvents()).anySatisfy(e -> assertThat(e.json()).containsEntry("reference_id", ref));
    } finally {
      server.setProcessingDelay(Duration.ZERO);
    }
  }

  @Test
  void cursorsFollowAnotherSortAcrossPages(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("sorted");
    List<Event> events = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      events.add(Event.builder().type("log").message("sorted " + (char) ('a' + (i * 3) % 7)).addTagsItem(tag).build());
      expected.add("sorted " + (char) ('a' + i));
    }
    EndToEnd.clientKey(server).events().submit(events);

    List<String> ascending = user.events().listAll(EventQuery.builder().project(accounts.projectId())
        .filter("tag:" + tag).sort("message").limit(3).build()).stream().map(PersistentEvent::getMessage)
        .collect(Collectors.toList());
    List<String> descending = user.events().listAll(EventQuery.builder().filter("tag:" + tag).sort("-message").limit(2).build())
        .stream().map(PersistentEvent::getMessage).collect(Collectors.toList());

    assertThat(ascending).containsExactlyElementsOf(expected);
    List<String> reversed = new ArrayList<>(expected);
    Collections.reverse(reversed);
    assertThat(descending).containsExactlyElementsOf(reversed);
  }

  @Test
  void stackSummariesArePagedToo(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String tag = EndToEnd.unique("stackpages");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j <= i; j++) {
        events.add(Event.builder().type("log").source(tag + ".source" + i).message("stack " + i).addTagsItem(tag).build());
      }
    }
    EndToEnd.clientKey(server).events().submit(events);

    Page<StackSummary> first = user.events().listStackSummaries(EventQuery.builder().project(accounts.projectId())
        .filter("tag:" + tag).limit(2).build(), StackSummaryMode.FREQUENT);
    Page<StackSummary> second = first.nextPage();
    Page<EventSummary> eventSummaries = user.events().listSummaries(EventQuery.builder().filter("tag:" + tag).limit(4).build());

    assertThat(first.items()).extracting(StackSummary::getTitle).containsExactly("stack 2", "stack 1");
    assertThat(first.items()).extracting(StackSummary::getTotal).containsExactly(3L, 2L);
    assertThat(second.items()).extracting(StackSummary::getTitle).containsExactly("stack 0");
    assertThat(second.hasNextPage()).isFalse();
    assertThat(eventSummaries.items()).hasSize(4);
    assertThat(eventSummaries.nextPage().items()).hasSize(2);
  }

  @Test
  void eventsByReferenceIdArePagedAndAReusedReferenceIdIsDroppedAsByTheServer(ExceptionlessTestServer server,
      TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String ref = EndToEnd.unique("shared-ref");
    EndToEnd.clientKey(server).events().submit(Event.builder().type("log").message("first").referenceId(ref).build());
    EndToEnd.anonymous(server).withApiKey(accounts.secondProjectClientApiKey()).events()
        .submit(Event.builder().type("log").message("other project").referenceId(ref).build());
    EndToEnd.clientKey(server).events().submit(Event.builder().type("log").message("again").referenceId(ref).build());

    Page<PersistentEvent> first = user.events().byReferenceId(ref, EventQuery.builder().limit(1).build());
    Page<PersistentEvent> second = first.nextPage();

    assertThat(first.items()).hasSize(1);
    assertThat(second.items()).hasSize(1);
    assertThat(second.hasNextPage()).isFalse();
    assertThat(server.droppedEvents()).filteredOn(dropped -> ref.equals(dropped.json().get("reference_id")))
        .extracting(dropped -> dropped.json().get("message")).containsExactly("again");
    assertThatThrownBy(() -> user.events().byReferenceId(ref, EventQuery.builder().filter("type:log").build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
