package com.exceptionless.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.exceptionless.client.errors.SkipLimitException;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.paging.Page;
import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ExceptionlessTestServerExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's 1,000-item skip limit on paging by page number, end to end: one project of its own holds 901
 * events in 901 stacks, just past the 900 items that page numbers reach at 100 per page (the server links no
 * page whose successor would start at item 1,000).
 */
@ExtendWith(ExceptionlessTestServerExtension.class)
class SkipLimitEndToEndTest {
  private static final int EVENTS = 901;

  private static String projectId;

  @BeforeAll
  static void fillAProject(ExceptionlessTestServer server) {
    projectId = server.addProject(server.accounts().organizationId(), "Skip Limit");
    String key = server.addToken(projectId, null);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      events.add(Event.builder().type("log").source(String.format("source-%04d", i)).message("event " + i).build());
    }
    EndToEnd.anonymous(server).withApiKey(key).events().submit(events);
    assertThat(server.storedEvents()).hasSizeGreaterThanOrEqualTo(EVENTS);
  }

  @Test
  void autoPagingByPageNumberStopsWithSkipLimitExceptionInsteadOfAShortList(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    Iterator<PersistentEvent> events = user.events()
        .listAll(EventQuery.builder().project(projectId).page(1).limit(100).includeTotal(true).build()).iterator();
    Set<String> seen = new HashSet<>();

    Throwable stopped = catchThrowable(() -> {
      while (events.hasNext()) {
        seen.add(events.next().getId());
      }
    });

    assertThat(seen).hasSize(900);
    assertThat(stopped).isInstanceOfSatisfying(SkipLimitException.class, e ->
        assertThat(e.request()).isEqualTo("GET api/v2/projects/{projectId}/events"))
        .hasMessageContaining("(901 in all)")
        .hasMessageContaining("page with cursors");
  }

  @Test
  void theLastPageByNumberSaysMoreMatch(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);

    Page<PersistentEvent> last = user.events().list(EventQuery.builder().project(projectId).page(9).limit(100).build());

    assertThat(last.items()).hasSize(100);
    assertThat(last.hasNextPage()).isFalse();
    assertThat(last.totalCount()).isEmpty();
    assertThat(last.skipLimitReached()).as("found out by asking for page 10").isTrue();
    assertThatThrownBy(last::nextPage).isInstanceOf(SkipLimitException.class);
  }

  @Test
  void aPagePastTheSkipLimitIsRefusedBeforeAnythingIsSent(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    int requestsBefore = server.requests().size();

    assertThatThrownBy(() -> EventQuery.builder().project(projectId).page(12).limit(100).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("skip limit");
    assertThatThrownBy(() -> StackQuery.builder().project(projectId).page(102).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.tokens().list(projectId, 12, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.requests()).hasSize(requestsBefore);
  }

  @Test
  void cursorsReachEveryEvent(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    Set<String> seen = new HashSet<>();

    for (PersistentEvent event : user.events().listAll(EventQuery.builder().project(projectId).build())) {
      seen.add(event.getId());
    }

    assertThat(seen).hasSize(EVENTS);
  }

  @Test
  void autoPagingStacksStopsWithSkipLimitException(ExceptionlessTestServer server) {
    ExceptionlessClient user = EndToEnd.user(server);
    Iterator<Stack> stacks = user.stacks().listAll(StackQuery.builder().project(projectId).build()).iterator();
    Set<String> seen = new HashSet<>();

    Throwable stopped = catchThrowable(() -> {
      while (stacks.hasNext()) {
        seen.add(stacks.next().getId());
      }
    });

    assertThat(seen).hasSize(900);
    assertThat(stopped).isInstanceOfSatisfying(SkipLimitException.class, e ->
        assertThat(e.request()).isEqualTo("GET api/v2/projects/{projectId}/stacks"))
        .hasMessageNotContaining("in all");
  }
}
