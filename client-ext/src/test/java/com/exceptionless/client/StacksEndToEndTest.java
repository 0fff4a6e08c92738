package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.errors.ServerErrorException;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.StackStatus;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import com.exceptionless.testkit.PlanLimits;
import com.exceptionless.testkit.TestAccounts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stacks end to end against the stand-in server. Each test makes stacks of its own: log events are grouped by
 * type and source, so a source no other test uses makes a new stack.
 */
@ExtendWith(ExceptionlessTestServerExtension.class)
class StacksEndToEndTest {
  @Test
  void aStackIsListedReadAndSummarized(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String title = EndToEnd.unique("Disk almost full");
    String stackId = stackOf(server, EndToEnd.unique("disk.monitor"), title, 3);

    Stack stack = user.stacks().get(stackId);
    Page<Stack> listed = user.stacks().list(StackQuery.builder().project(accounts.projectId()).filter(title).build());
    List<String> all = user.stacks().listAll(StackQuery.builder().organization(accounts.organizationId()).build()).stream()
        .map(Stack::getId).collect(Collectors.toList());
    Page<Stack> everywhere = user.stacks().list(StackQuery.builder().filter(title).build());
    Page<StackSummary> summaries = user.stacks().listSummaries(StackQuery.builder().project(accounts.projectId())
        .filter(title).build());
    Page<PersistentEvent> events = user.events().list(EventQuery.builder().stack(stackId).build());

    assertThat(stack.getTitle()).isEqualTo(title);
    assertThat(stack.getType()).isEqualTo("log");
    assertThat(stack.getStatus()).isEqualTo(StackStatus.OPEN);
    assertThat(stack.getTotalOccurrences()).isEqualTo(3);
    assertThat(stack.getProjectId()).isEqualTo(accounts.projectId());
    assertThat(stack.getOrganizationId()).isEqualTo(accounts.organizationId());
    assertThat(stack.getFirstOccurrence()).isNotNull();
    assertThat(stack.getLastOccurrence()).isAfterOrEqualTo(stack.getFirstOccurrence());
    assertThat(listed.items()).extracting(Stack::getId).containsExactly(stackId);
    assertThat(listed.totalCount()).as("the server sends no total for stacks").isEmpty();
    assertThat(all).contains(stackId);
    assertThat(everywhere.items()).extracting(Stack::getId).containsExactly(stackId);
    assertThat(summaries.items()).singleElement().satisfies(summary -> {
      assertThat(summary.getId()).isEqualTo(stackId);
      assertThat(summary.getTitle()).isEqualTo(title);
      assertThat(summary.getStatus()).isEqualTo(StackStatus.OPEN);
      assertThat(summary.getTotal()).isEqualTo(3L);
    });
    assertThat(events.items()).hasSize(3).allSatisfy(e -> assertThat(e.getStackId()).isEqualTo(stackId));
    assertThat(storedStack(server, stackId)).containsEntry("status", "open").containsEntry("title", title);
  }

  @Test
  void stacksArePagedByNumber(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String title = EndToEnd.unique("Paged stack");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(stackOf(server, EndToEnd.unique("paged.source"), title + " " + i, 1));
    }
    StackQuery query = StackQuery.builder().project(accounts.projectId()).filter(title).sort("title").limit(2).build();

    Page<Stack> first = user.stacks().list(query);
    List<String> all = user.stacks().listAll(query).stream().map(Stack::getId).collect(Collectors.toList());

    assertThat(first.items()).extracting(Stack::getId).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.nextPageUrl()).hasValueSatisfying(url -> assertThat(url).contains("page=2"));
    assertThat(first.nextPage().items()).extracting(Stack::getId).containsExactly(ids.get(2));
    assertThat(all).containsExactlyElementsOf(ids);
  }

  @Test
  void aFixedStackRegressesOnANewerVersionOnly(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String source = EndToEnd.unique("payment.gateway");
    String stackId = stackOf(server, source, "Timeout talking to the gateway", 1);

    BulkResult fixed = user.stacks().markFixed(Collections.singletonList(stackId), " 1.2.3 ");
    Stack afterFix = user.stacks().get(stackId);
    submit(server, source, "Timeout talking to the gateway", "1.2.0");
    Stack afterOlder = user.stacks().get(stackId);
    submit(server, source, "Timeout talking to the gateway", "1.3.0");
    Stack afterNewer = user.stacks().get(stackId);

    assertThat(fixed.allSucceeded()).isTrue();
    assertThat(fixed.succeeded()).containsExactly(stackId);
    assertThat(afterFix.getStatus()).isEqualTo(StackStatus.FIXED);
    assertThat(afterFix.getFixedInVersion()).isEqualTo("1.2.3");
    assertThat(afterFix.getDateFixed()).isNotNull();
    assertThat(afterOlder.getStatus()).isEqualTo(StackStatus.FIXED);
    assertThat(afterNewer.getStatus()).isEqualTo(StackStatus.REGRESSED);
    assertThat(afterNewer.getTotalOccurrences()).isEqualTo(3);
  }

  @Test
  void markingFixedWithoutAVersionFixesNow(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("versionless"), "Fixed now", 1);

    user.stacks().markFixed(Collections.singletonList(stackId), null);

    Stack stack = user.stacks().get(stackId);
    assertThat(stack.getStatus()).isEqualTo(StackStatus.FIXED);
    assertThat(stack.getFixedInVersion()).isNull();
  }

  @Test
  void aSnoozedStackCarriesItsEnd(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("noisy.cron"), "Cron overlap", 1);
    OffsetDateTime until = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);

    BulkResult snoozed = user.stacks().snooze(Collections.singletonList(stackId), until);

    Stack stack = user.stacks().get(stackId);
    assertThat(snoozed.allSucceeded()).isTrue();
    assertThat(stack.getStatus()).isEqualTo(StackStatus.SNOOZED);
    assertThat(stack.getSnoozeUntilUtc()).isAtSameInstantAs(until);
    assertThatThrownBy(() -> user.stacks().snooze(Collections.singletonList(stackId), OffsetDateTime.now().minusMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the future");
  }

  @Test
  void criticalIsTurnedOnAndOff(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String first = stackOf(server, EndToEnd.unique("critical.a"), "Critical A", 1);
    String second = stackOf(server, EndToEnd.unique("critical.b"), "Critical B", 1);

    BulkResult on = user.stacks().markCritical(Arrays.asList(first, second));
    boolean firstOn = user.stacks().get(first).getOccurrencesAreCritical();
    boolean secondOn = user.stacks().get(second).getOccurrencesAreCritical();
    BulkResult off = user.stacks().unmarkCritical(Collections.singletonList(first));

    assertThat(on.succeeded()).containsExactly(first, second);
    assertThat(firstOn).isTrue();
    assertThat(secondOn).isTrue();
    assertThat(off.allSucceeded()).isTrue();
    assertThat(user.stacks().get(first).getOccurrencesAreCritical()).isFalse();
    assertThat(user.stacks().get(second).getOccurrencesAreCritical()).isTrue();
    assertThat(storedStack(server, first)).containsEntry("occurrences_are_critical", false);
  }

  @Test
  void theStatusIsChangedForSeveralStacks(ExceptionlessTestServer server, TestAccounts accounts) {
    ExceptionlessClient user = EndToEnd.user(server);
    String title = EndToEnd.unique("Status change");
    String first = stackOf(server, EndToEnd.unique("status.a"), title + " a", 1);
    String second = stackOf(server, EndToEnd.unique("status.b"), title + " b", 1);

    BulkResult ignored = user.stacks().changeStatus(Arrays.asList(first, second), StackStatus.IGNORED);
    List<String> listedIgnored = user.stacks().list(StackQuery.builder().project(accounts.projectId())
        .filter("status:ignored " + title).build()).items().stream().map(Stack::getId).collect(Collectors.toList());
    user.stacks().changeStatus(Collections.singletonList(second), StackStatus.OPEN);

    assertThat(ignored.succeeded()).containsExactly(first, second);
    assertThat(listedIgnored).containsExactlyInAnyOrder(first, second);
    assertThat(user.stacks().get(first).getStatus()).isEqualTo(StackStatus.IGNORED);
    assertThat(user.stacks().get(second).getStatus()).isEqualTo(StackStatus.OPEN);
  }

  @Test
  void linksAreAddedAndRemoved(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("linked"), "Linked", 1);

    user.stacks().addLink(stackId, "https://issues.example.com/PROJ-42");
    user.stacks().addLink(stackId, " https://issues.example.com/PROJ-43 ");
    user.stacks().addLink(stackId, "https://issues.example.com/PROJ-42");
    List<String> afterAdding = user.stacks().get(stackId).getReferences();
    user.stacks().removeLink(stackId, "https://issues.example.com/PROJ-42");

    assertThat(afterAdding).containsExactly("https://issues.example.com/PROJ-42", "https://issues.example.com/PROJ-43");
    assertThat(user.stacks().get(stackId).getReferences()).containsExactly("https://issues.example.com/PROJ-43");
    assertThatThrownBy(() -> user.stacks().addLink(stackId, "PROJ-44"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.stacks().addLink(EndToEnd.UNKNOWN_ID, "https://issues.example.com/PROJ-45"))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.problem().getTitle()).isEqualTo("Stack not found."));
  }

  @Test
  void promotingAnswers501WithPremiumFeaturesAnd426Without(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("promoted"), "Promote me", 1);

    assertThatThrownBy(() -> user.stacks().promote(stackId))
        .isInstanceOfSatisfying(ServerErrorException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(501);
          assertThat(e.problem().getTitle()).isEqualTo("No promoted web hooks are configured for this project.");
        })
        .hasMessageStartingWith("501 ")
        .hasMessageContaining("POST api/v2/stacks/{id}/promote");
    server.setPlanLimits(PlanLimits.unlimited().withPremiumFeatures(false));
    try {
      assertThatThrownBy(() -> user.stacks().promote(stackId))
          .isInstanceOfSatisfying(PlanLimitException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(426);
            assertThat(e.problem().getTitle()).isEqualTo("Please upgrade your plan to enable promoting stacks.");
          });
    } finally {
      server.setPlanLimits(PlanLimits.unlimited());
    }
  }

  @Test
  void aPromotionWithoutAWebHookDoesNotAdviseARetry(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("unhooked"), "No hook", 1);

    assertThatThrownBy(() -> user.stacks().promote(stackId))
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("501 Not Implemented on POST api/v2/stacks/{id}/promote:"
            + " No promoted web hooks are configured for this project.");
  }

  @Test
  void aDeletedStackIsGoneWithItsEvents(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("deleted"), "Delete me", 2);

    BulkResult deleted = user.stacks().delete(Collections.singletonList(stackId));

    assertThat(deleted.allSucceeded()).isTrue();
    assertThatThrownBy(() -> user.stacks().get(stackId)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> user.events().list(EventQuery.builder().stack(stackId).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(server.stacks()).extracting(s -> s.get("id")).doesNotContain(stackId);
    assertThat(server.storedEvents()).extracting(e -> e.get("stack_id")).doesNotContain(stackId);
  }

  @Test
  void deletingAKnownAndAnUnknownStackIsAPartialBulkResult(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("partial"), "Partly deleted", 1);

    BulkResult result = user.stacks().delete(Arrays.asList(EndToEnd.UNKNOWN_ID, stackId));

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).containsExactly(stackId);
    assertThat(result.failed()).singleElement().satisfies(f -> {
      assertThat(f.id()).isEqualTo(EndToEnd.UNKNOWN_ID);
      assertThat(f.statusCode()).isEqualTo(404);
      assertThat(f.message()).isEqualTo("Stack not found.");
    });
    assertThat(result.toString()).isEqualTo("BulkResult{succeeded=1, failed=1}");
    assertThatThrownBy(() -> user.stacks().get(stackId)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anActionOnAKnownAndAnUnknownStackChangesTheKnownOne(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    String stackId = stackOf(server, EndToEnd.unique("half.known"), "Half known", 1);

    BulkResult result = user.stacks().markFixed(Arrays.asList(stackId, EndToEnd.UNKNOWN_ID), "2.0.0");

    // The server answers 200 without per-id results when any id is visible (as the real server does), so the
    // SDK cannot tell the unknown id apart: only deletes report partial failure (400 with ModelActionResults).
    assertThat(result.succeeded()).contains(stackId);
    assertThat(user.stacks().get(stackId).getStatus()).isEqualTo(StackStatus.FIXED);
    assertThat(storedStack(server, stackId)).containsEntry("fixed_in_version", "2.0.0");
  }

  @Test
  void actionsOnOnlyUnknownStacksAreNotFound(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    List<String> unknown = Collections.singletonList(EndToEnd.UNKNOWN_ID);

    assertThatThrownBy(() -> user.stacks().markFixed(unknown, "1.0")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> user.stacks().markCritical(unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> user.stacks().changeStatus(unknown, StackStatus.OPEN)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> user.stacks().delete(unknown))
        .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    assertThatThrownBy(() -> user.stacks().get(EndToEnd.UNKNOWN_ID)).isInstanceOf(NotFoundException.class);
  }

  /** Submits occurrences with the seeded client key and returns the id of the stack they made. */
  private static String stackOf(ExceptionlessTestServer server, String source, String message, int occurrences) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < occurrences; i++) {
      events.add(Event.builder().type("log").source(source).message(message).build());
    }
    EndToEnd.clientKey(server).events().submit(events);
    List<PersistentEvent> stored = EndToEnd.user(server).events()
        .list(EventQuery.builder().filter("source:" + source).build()).items();
    assertThat(stored).hasSize(occurrences);
    assertThat(stored).extracting(PersistentEvent::getStackId).containsOnly(stored.get(0).getStackId());
    return stored.get(0).getStackId();
  }

  private static void submit(ExceptionlessTestServer server, String source, String message, String version) {
    EndToEnd.clientKey(server).events().submit(Event.builder().type("log").source(source).message(message)
        .putDataItem("@version", version).build());
  }

  private static Map<String, Object> storedStack(ExceptionlessTestServer server, String stackId) {
    return server.stacks().stream().filter(s -> stackId.equals(s.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError("no stored stack " + stackId));
  }
}
