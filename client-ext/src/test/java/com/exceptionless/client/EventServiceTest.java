package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EventServiceTest extends WireMockSupport {
  @Test
  void submitPostsASnakeCaseArrayWithoutNullsAndReadsTheConfigVersion() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)
        .withHeader("X-Exceptionless-ConfigVersion", "7").withHeader("X-RateLimit-Remaining", "3499")));
    Event event = Event.builder()
        .type("log")
        .source("com.example.Checkout")
        .message("Order placed")
        .date(OffsetDateTime.parse("2026-11-28T12:00:00.1234567+01:00"))
        .referenceId("order-12345")
        .addTagsItem("checkout")
        .putDataItem("@level", "Info")
        .build();

    ExceptionlessClient client = builder().apiKey(API_KEY)
        .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC)).build();

    SubmitResult result = client.events().submit(event);

    server.verify(postRequestedFor(urlEqualTo("/api/v2/events"))
        .withHeader("Authorization", equalTo("Bearer " + API_KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("[{\"type\":\"log\",\"source\":\"com.example.Checkout\",\"date\":\"2026-11-28T12:00:00.1234567+01:00\","
            + "\"tags\":[\"checkout\"],\"message\":\"Order placed\",\"data\":{\"@level\":\"Info\"},\"reference_id\":\"order-12345\"}]", false, false)));
    assertThat(result.configVersion()).hasValue(7);
    assertThat(result.rateLimitRemaining()).hasValue(3499);
  }

  @Test
  void submitForAProjectUsesTheProjectRoute() {
    server.stubFor(post("/api/v2/projects/" + PROJECT_ID + "/events").willReturn(aResponse().withStatus(202)));

    apiKeyClient().events().submit(PROJECT_ID, Collections.singletonList(Event.builder().type("usage").source("export").build()));

    server.verify(postRequestedFor(urlEqualTo("/api/v2/projects/" + PROJECT_ID + "/events"))
        .withRequestBody(equalToJson("[{\"type\":\"usage\",\"source\":\"export\"}]", false, false)));
  }

  @Test
  void eventsTheServerWouldDropOrChangeAreRejectedBeforeSendingWithTheReason() {
    ExceptionlessClient client = apiKeyClient();

    assertThatThrownBy(() -> client.events().submit(Event.builder().referenceId("short").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events[0].reference_id \"short\"")
        .hasMessageContaining("invalid-reference-id");
    assertThatThrownBy(() -> client.events().submit(Event.builder().addTagsItem(" ").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the server would remove it");
    assertThatThrownBy(() -> client.events().submit(Event.builder().addTagsItem(" ").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events[0].tags");
    assertThatThrownBy(() -> client.events().submit(Arrays.asList(Event.builder().build(), null)))
        .isInstanceOf(NullPointerException.class).hasMessage("events[1] == null");
    assertThatThrownBy(() -> client.events().submit(Collections.emptyList()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events is empty");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anEventOlderThanTheServersThreeDayWindowIsRefusedWithTheReasonAndNothingIsSent() {
    ExceptionlessClient client = apiKeyClient();
    OffsetDateTime fourDaysAgo = OffsetDateTime.now().minusDays(4);

    assertThatThrownBy(() -> client.events().submit(Event.builder().type("log").date(fourDaysAgo).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("events[0].date")
        .hasMessageContaining("more than 3 days ago")
        .hasMessageContaining("drops it without a word");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void anEventDatedWithinTheWindowIsSent() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessClient client = apiKeyClient();

    client.events().submit(Event.builder().type("log").date(OffsetDateTime.now().minusDays(2)).build());

    server.verify(postRequestedFor(urlEqualTo("/api/v2/events")));
  }
}
