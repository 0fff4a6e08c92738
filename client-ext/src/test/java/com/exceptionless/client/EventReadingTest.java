package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.model.CountResult;
import com.exceptionless.client.model.EventSummary;
import com.exceptionless.client.model.PersistentEvent;
import com.exceptionless.client.model.StackSummary;
import com.exceptionless.client.model.UserDescription;
import com.exceptionless.client.paging.Page;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Reading, counting and deleting events, user descriptions, heartbeats and plain-text submission. */
class EventReadingTest extends WireMockSupport {
  static final String EVENT_ID = PagingTest.eventId(0);
  static final String STACK_ID = StackServiceTest.STACK_ID;

  @Test
  void listGoesToTheRouteOfTheQueryScope() {
    server.stubFor(get(urlPathEqualTo("/api/v2/events")).willReturn(PagingTest.events(0, 1)));
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/events")).willReturn(PagingTest.events(0, 1)));
    server.stubFor(get(urlPathEqualTo("/api/v2/stacks/" + STACK_ID + "/events")).willReturn(PagingTest.events(0, 1)));
    EventService events = userClient().events();

    events.list(EventQuery.defaults());
    events.list(EventQuery.builder().organization(ORGANIZATION_ID).time("last 24 hours").build());
    Page<PersistentEvent> page = events.list(EventQuery.builder().stack(STACK_ID).sort("-date").after("t9").limit(5).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/events")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/events?time=last%2024%20hours")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/stacks/" + STACK_ID + "/events?sort=-date&limit=5&after=t9")));
    assertThat(page.items()).extracting(PersistentEvent::getId).containsExactly(EVENT_ID);
  }

  @Test
  void getReadsOneEvent() {
    server.stubFor(get("/api/v2/events/" + EVENT_ID).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"id\":\"" + EVENT_ID + "\",\"type\":\"log\",\"message\":\"hello\",\"reference_id\":\"order-12345\","
            + "\"date\":\"2026-11-28T12:00:00.1234567+01:00\",\"data\":{\"@level\":\"Info\"}}")));

    PersistentEvent event = userClient().events().get(EVENT_ID);

    assertThat(event.getMessage()).isEqualTo("hello");
    assertThat(event.getReferenceId()).isEqualTo("order-12345");
    assertThat(event.getDate().getOffset().getTotalSeconds()).isEqualTo(3600);
  }

  @Test
  void summariesAreReadAsEventSummaries() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/events")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("Link", "<" + baseUrl() + "/api/v2/projects/" + PROJECT_ID
            + "/events?mode=summary&after=t1>; rel=\"next\"")
        .withBody("[{\"id\":\"" + EVENT_ID + "\",\"template_key\":\"event-log-summary\",\"date\":\"2026-11-28T12:00:00+00:00\","
            + "\"data\":{\"Message\":\"hello\",\"Level\":\"Info\"}}]")));

    Page<EventSummary> page = userClient().events().listSummaries(EventQuery.builder().project(PROJECT_ID).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/events?mode=summary")));
    assertThat(page.items()).singleElement().satisfies(summary -> {
      assertThat(summary.getTemplateKey()).isEqualTo("event-log-summary");
      assertThat(summary.getData()).containsEntry("Message", "hello");
    });
    assertThat(page.nextCursor()).hasValue("t1");
  }

  @Test
  void stackModesAreReadAsStackSummariesAndRefuseASort() {
    server.stubFor(get(urlPathEqualTo("/api/v2/events")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("[{\"id\":\"" + STACK_ID + "\",\"title\":\"Boom\",\"status\":\"open\",\"total\":5,\"users\":1,\"total_users\":2}]")));
    EventService events = userClient().events();

    Page<StackSummary> page = events.listStackSummaries(EventQuery.builder().filter("type:error").build(), StackSummaryMode.FREQUENT);

    server.verify(getRequestedFor(urlEqualTo("/api/v2/events?filter=type%3Aerror&mode=stack_frequent")));
    assertThat(page.items()).extracting(StackSummary::getTitle).containsExactly("Boom");
    assertThatThrownBy(() -> events.listStackSummaries(EventQuery.builder().sort("-date").build(), StackSummaryMode.NEW))
        .hasMessageContaining("does not sort in stack modes");
  }

  @Test
  void countSendsTheAggregations() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/events/count")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"total\":12,\"aggregations\":{\"terms_type\":{\"data\":{},\"items\":[{\"key\":\"error\",\"total\":12}]}}}")));

    CountResult count = userClient().events().count(EventCountQuery.builder().project(PROJECT_ID).filter("type:error")
        .aggregations("terms:type").time("last week").build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID
        + "/events/count?filter=type%3Aerror&aggregations=terms%3Atype&time=last%20week")));
    assertThat(count.getTotal()).isEqualTo(12L);
    assertThat(count.getAggregations()).containsKey("terms_type");
  }

  @Test
  void byReferenceIdSessionsAndSessionEventsUseTheirRoutes() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects/" + PROJECT_ID + "/events/by-ref/order-12345")).willReturn(PagingTest.events(0, 1)));
    server.stubFor(get(urlPathEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/events/sessions")).willReturn(PagingTest.events(0, 1)));
    server.stubFor(get(urlPathEqualTo("/api/v2/events/sessions/session-0001")).willReturn(PagingTest.events(0, 1)));
    EventService events = userClient().events();

    events.byReferenceId("order-12345", EventQuery.builder().project(PROJECT_ID).includeTotal(true).build());
    events.sessions(EventQuery.builder().organization(ORGANIZATION_ID).filter("has:user").build());
    events.sessionEvents("session-0001", EventQuery.builder().limit(50).build());

    server.verify(getRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/events/by-ref/order-12345?include=total")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/organizations/" + ORGANIZATION_ID + "/events/sessions?filter=has%3Auser")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/events/sessions/session-0001?limit=50")));
    assertThatThrownBy(() -> events.byReferenceId("order-12345", EventQuery.builder().filter("x").build()))
        .hasMessageContaining("takes no filter, sort or time");
    assertThatThrownBy(() -> events.sessions(EventQuery.builder().stack(STACK_ID).build()))
        .hasMessageContaining("Listing sessions cannot be narrowed to one stack");
    assertThatThrownBy(() -> events.byReferenceId("short", EventQuery.defaults()))
        .hasMessageContaining("referenceId \"short\" must be 8 to 100 letters, digits or dashes");
  }

  @Test
  void userDescriptionsAndHeartbeatsAreSentWithTheApiKey() {
    server.stubFor(post("/api/v2/events/by-ref/order-12345/user-description").willReturn(aResponse().withStatus(202)));
    server.stubFor(post("/api/v2/projects/" + PROJECT_ID + "/events/by-ref/order-12345/user-description")
        .willReturn(aResponse().withStatus(202)));
    server.stubFor(get(urlPathEqualTo("/api/v2/events/session/heartbeat")).willReturn(aResponse().withStatus(200)));
    EventService events = apiKeyClient().events();
    UserDescription description = UserDescription.builder().emailAddress("jane@example.com").description("I clicked pay").build();

    events.submitUserDescription("order-12345", description);
    events.submitUserDescription(PROJECT_ID, "order-12345", description);
    events.heartbeat("session-0001", false);
    events.heartbeat("session-0001", true);

    server.verify(postRequestedFor(urlEqualTo("/api/v2/events/by-ref/order-12345/user-description"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withRequestBody(equalToJson("{\"email_address\":\"jane@example.com\",\"description\":\"I clicked pay\"}")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/events/by-ref/order-12345/user-description")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/events/session/heartbeat?id=session-0001&close=false")));
    server.verify(getRequestedFor(urlEqualTo("/api/v2/events/session/heartbeat?id=session-0001&close=true")));
  }

  @Test
  void logLinesAreSentAsPlainText() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withHeader("X-Exceptionless-ConfigVersion", "3")));
    server.stubFor(post("/api/v2/projects/" + PROJECT_ID + "/events").willReturn(aResponse().withStatus(202)));

    SubmitResult result = apiKeyClient().events().submitLogLines(Arrays.asList("disk almost full", "retrying upload"));
    apiKeyClient().events().submitLogLines(PROJECT_ID, Collections.singletonList("one line"));

    assertThat(result.configVersion()).hasValue(3);
    server.verify(postRequestedFor(urlEqualTo("/api/v2/events"))
        .withHeader("Content-Type", equalToIgnoreCase("text/plain; charset=utf-8"))
        .withRequestBody(equalTo("disk almost full\nretrying upload\n")));
    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/events"))
        .withHeader("Content-Type", equalToIgnoreCase("text/plain; charset=utf-8")).withRequestBody(equalTo("one line\n")));
    assertThatThrownBy(() -> apiKeyClient().events().submitLogLines(Collections.singletonList("two\nlines")))
        .hasMessageContaining("lines[0] contains a line break");
  }

  @Test
  void manyLogLinesAreGzippedAndStayPlainText() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    String[] lines = new String[400];
    Arrays.fill(lines, "a fairly repetitive log line that compresses well");

    apiKeyClient().events().submitLogLines(Arrays.asList(lines));

    server.verify(postRequestedFor(urlEqualTo("/api/v2/events")).withHeader("Content-Encoding", equalTo("gzip"))
        .withHeader("Content-Type", equalToIgnoreCase("text/plain; charset=utf-8")));
  }

  @Test
  void deleteEventsIsABulkAction() {
    String other = PagingTest.eventId(1);
    server.stubFor(delete("/api/v2/events/" + EVENT_ID + "," + other).willReturn(aResponse().withStatus(202)
        .withHeader("Content-Type", "application/json").withBody("{\"workers\":[]}")));

    assertThat(userClient().events().delete(Arrays.asList(EVENT_ID, other)).succeeded()).containsExactly(EVENT_ID, other);
    server.verify(deleteRequestedFor(urlEqualTo("/api/v2/events/" + EVENT_ID + "," + other)));
  }

  @Test
  void aForbiddenReadWithAClientKeySaysTheUserRoleIsNeeded() {
    server.stubFor(get(urlPathEqualTo("/api/v2/events")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"title\":\"Forbidden\",\"status\":403}")));

    assertThatThrownBy(() -> apiKeyClient().events().list(EventQuery.defaults())).isInstanceOf(ForbiddenException.class)
        .hasMessage("403 Forbidden on GET api/v2/events. " + CredentialCheck.USER_ROLE_NEEDED);
  }

}
