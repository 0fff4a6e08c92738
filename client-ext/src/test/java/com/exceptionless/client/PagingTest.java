package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.SkipLimitException;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.Stack;
import com.exceptionless.client.model.ViewProject;
import com.exceptionless.client.paging.AutoPager;
import com.exceptionless.client.paging.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagingTest extends WireMockSupport {
  static final String EVENTS = "/api/v2/projects/" + PROJECT_ID + "/events";

  @Test
  void eventsPageByCursorFollowingTheNextLinksAfterToken() {
    server.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("after", absent()).withQueryParam("page", absent())
        .willReturn(events(0, 2).withHeader("Link", "<" + baseUrl() + EVENTS + "?limit=2&before=t0>; rel=\"previous\"",
            "<" + baseUrl() + EVENTS + "?limit=2&after=t2>; rel=\"next\"")));
    server.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("after", equalTo("t2"))
        .willReturn(events(2, 2).withHeader("Link", "<" + baseUrl() + EVENTS + "?limit=2&after=t4>; rel=\"next\"")));
    server.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("after", equalTo("t4")).willReturn(events(4, 1)));

    AutoPager<PersistentEvent> all = userClient().events().listAll(EventQuery.builder().project(PROJECT_ID)
        .filter("type:error").limit(2).build());

    assertThat(all.stream().map(PersistentEvent::getId).collect(Collectors.toList())).containsExactly(
        eventId(0), eventId(1), eventId(2), eventId(3), eventId(4));
    server.verify(getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("after", equalTo("t4"))
        .withQueryParam("limit", equalTo("2")).withQueryParam("filter", equalTo("type:error"))
        .withQueryParam("page", absent()).withQueryParam("before", absent()));
    server.verify(3, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void aPageExposesTheCursorToResumeFrom() {
    server.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(events(0, 2)
        .withHeader("Link", "<" + baseUrl() + EVENTS + "?limit=2&after=t2>; rel=\"next\"")));

    Page<PersistentEvent> page = userClient().events().list(EventQuery.builder().project(PROJECT_ID).limit(2).build());

    assertThat(page.nextCursor()).hasValue("t2");
    assertThat(page.totalCount()).isEmpty();
  }

  @Test
  void eventsPagedByNumberReportTheTotalWhenAskedFor() {
    server.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("include", equalTo("total")).withQueryParam("page", equalTo("1"))
        .willReturn(events(0, 2).withHeader("X-Result-Count", "3")
            .withHeader("Link", "<" + baseUrl() + EVENTS + "?page=2&limit=2&include=total>; rel=\"next\"")));
    server.stubFor(get(urlPathEqualTo(EVENTS)).withQueryParam("page", equalTo("2"))
        .willReturn(events(2, 1).withHeader("X-Result-Count", "3")));

    Page<PersistentEvent> first = userClient().events().list(EventQuery.builder().project(PROJECT_ID).page(1).limit(2)
        .includeTotal(true).build());

    assertThat(first.totalCount()).hasValue(3);
    assertThat(first.nextCursor()).isEmpty();
    Page<PersistentEvent> second = first.nextPage();
    assertThat(second.items()).extracting(PersistentEvent::getId).containsExactly(eventId(2));
    assertThat(second.hasNextPage()).isFalse();
    assertThat(second.skipLimitReached()).isFalse();
  }

  @Test
  void pagingByNumberStopsAtTheSkipLimitWithAnExceptionWhenTheTotalSaysMoreMatch() {
    List<String> projects = IntStream.range(0, 600).mapToObj(i -> projectJson(String.format("%024d", i), "p" + i))
        .collect(Collectors.toList());
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-Result-Count", "1500")
        .withBody("[" + String.join(",", projects) + "]")));

    Iterator<ViewProject> all = userClient().projects().listAll(ProjectQuery.builder().limit(600).build()).iterator();
    List<ViewProject> read = new ArrayList<>();
    assertThatThrownBy(() -> all.forEachRemaining(read::add))
        .isInstanceOf(SkipLimitException.class)
        .hasMessageStartingWith("GET api/v2/projects: the server pages through at most the first 1,000 items by page number")
        .hasMessageContaining("(1500 in all)").hasMessageContaining("Narrow the query");
    assertThat(read).hasSize(600);
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/projects")));
  }

  @Test
  void withoutATotalTheSkipLimitIsConfirmedWithOneRequestForTheNextPage() {
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).withQueryParam("page", equalTo("9")).willReturn(stacks(0, 100)));
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).withQueryParam("page", equalTo("10")).willReturn(stacks(100, 1)));

    Page<Stack> page = userClient().stacks().list(StackQuery.builder().page(9).limit(100).build());

    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.skipLimitReached()).isTrue();
    assertThatThrownBy(page::nextPage).isInstanceOf(SkipLimitException.class).hasMessageContaining("GET api/v2/stacks");
    server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/stacks")).withQueryParam("page", equalTo("10")));
  }

  @Test
  void aFullLastPageAtTheLimitWithNothingBeyondEndsCleanly() {
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).withQueryParam("page", equalTo("9")).willReturn(stacks(0, 100)));
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks")).withQueryParam("page", equalTo("10")).willReturn(stacks(0, 0)));

    assertThat(userClient().stacks().listAll(StackQuery.builder().page(9).build()).stream().count()).isEqualTo(100);
  }

  @Test
  void aPageBeyondTheSkipLimitIsRefusedWhenTheQueryIsBuilt() {
    assertThatThrownBy(() -> StackQuery.builder().page(12).limit(100).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("beyond the server's skip limit");
    assertThatThrownBy(() -> EventQuery.builder().page(2).after("t2").build())
        .hasMessageContaining("page by number or by cursor, not both");
  }

  static String eventId(int i) {
    return String.format("e%023d", i);
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder events(int from, int count) {
    String body = IntStream.range(from, from + count).mapToObj(i -> "{\"id\":\"" + eventId(i) + "\",\"organization_id\":\""
        + ORGANIZATION_ID + "\",\"project_id\":\"" + PROJECT_ID + "\",\"stack_id\":\"" + String.format("s%023d", i)
        + "\",\"is_first_occurrence\":false,\"created_utc\":\"2026-11-28T12:00:00Z\",\"type\":\"error\","
        + "\"date\":\"2026-11-28T12:00:00+00:00\"}").collect(Collectors.joining(","));
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[" + body + "]");
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stacks(int from, int count) {
    String body = IntStream.range(from, from + count).mapToObj(i -> "{\"id\":\"" + String.format("s%023d", i)
        + "\",\"organization_id\":\"" + ORGANIZATION_ID + "\",\"project_id\":\"" + PROJECT_ID
        + "\",\"type\":\"error\",\"status\":\"open\",\"title\":\"Stack " + i + "\"}").collect(Collectors.joining(","));
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[" + body + "]");
  }
}
