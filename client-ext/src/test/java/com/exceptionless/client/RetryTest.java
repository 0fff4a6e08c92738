package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.exceptionless.client.errors.ExceptionlessIoException;
import com.exceptionless.client.errors.RateLimitedException;
import com.exceptionless.client.errors.ServerErrorException;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.UpdateToken;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

class RetryTest extends WireMockSupport {
  static final String PROJECTS = "/api/v2/projects";

  @Test
  void aGetIsRetriedOn503WithExponentialBackoffAndThenSucceeds() {
    failTwiceThenSucceed(aResponse().withStatus(503), aResponse().withStatus(503));

    assertThat(userClient().projects().list().items()).hasSize(1);

    server.verify(3, getRequestedFor(urlPathEqualTo(PROJECTS)));
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void connectionResetsAnd502And504AreRetriedToo() {
    // OkHttp's own silent retry of some connection failures is turned off, so that only the SDK's policy acts.
    ExceptionlessClient client = builder().userToken(USER_TOKEN)
        .okHttpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build()).build();
    failTwiceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withStatus(504));

    assertThat(client.projects().list().items()).hasSize(1);
    assertThat(sleeps).hasSize(2);

    sleeps.clear();
    server.resetAll();
    failTwiceThenSucceed(aResponse().withStatus(502), aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertThat(client.projects().list().items()).hasSize(1);
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void aPersistent429FailsAfterTheLastRetryWithTheTypedException() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":429}")));

    assertThatThrownBy(() -> userClient().projects().list()).isInstanceOf(RateLimitedException.class);

    server.verify(3, getRequestedFor(urlPathEqualTo(PROJECTS)));
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
  }

  @Test
  void otherErrorsAreNotRetried() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> userClient().projects().list()).isInstanceOf(ServerErrorException.class);

    server.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS)));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void postIsNotRetriedUnlessTheCallerOptsIn() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));
    Event event = Event.builder().type("log").message("once").build();

    assertThatThrownBy(() -> apiKeyClient().events().submit(event)).isInstanceOf(ServerErrorException.class);
    server.verify(1, postRequestedFor(urlPathEqualTo("/api/v2/events")));
    assertThat(sleeps).isEmpty();

    server.resetRequests();
    ExceptionlessClient optedIn = builder().apiKey(API_KEY).retryPost(true).build();
    assertThatThrownBy(() -> optedIn.events().submit(event)).isInstanceOf(ServerErrorException.class);
    server.verify(3, postRequestedFor(urlPathEqualTo("/api/v2/events"))
        .withRequestBody(equalToJson("[{\"type\":\"log\",\"message\":\"once\"}]")));
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void putIsRetriedAndPatchIsNot() {
    String token = TokenServiceTest.NEW_TOKEN;
    server.stubFor(put("/api/v2/tokens/" + token).willReturn(aResponse().withStatus(503)));
    server.stubFor(patch("/api/v2/tokens/" + token).willReturn(aResponse().withStatus(503)));
    UpdateToken changes = UpdateToken.builder().notes("n").build();

    assertThatThrownBy(() -> userClient().tokens().replace(token, changes)).isInstanceOf(ServerErrorException.class);
    assertThatThrownBy(() -> userClient().tokens().update(token, changes)).isInstanceOf(ServerErrorException.class);

    server.verify(3, putRequestedFor(urlPathEqualTo("/api/v2/tokens/" + token)));
    server.verify(1, patchRequestedFor(urlPathEqualTo("/api/v2/tokens/" + token)));
  }

  @Test
  void retryAfterIsWaitedForWhenItIsWithinTheMaximumDelay() {
    failTwiceThenSucceed(aResponse().withStatus(503).withHeader("Retry-After", "3"),
        aResponse().withStatus(429).withHeader("Retry-After", "Thu, 01 Jan 2026 00:00:05 GMT"));
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    builder().userToken(USER_TOKEN).clock(clock).build().projects().list();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  @Test
  void aRetryAfterLongerThanTheMaximumDelayFailsAtOnceSayingWhenToRetry() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "120")));

    ServerErrorException error = catchThrowableOfType(ServerErrorException.class, () -> userClient().projects().list());

    assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(120));
    server.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS)));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void backoffIsCappedAndJitterTakesAtMostAQuarter() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(503)));
    ExceptionlessClient client = builder().userToken(USER_TOKEN).maxRetries(4)
        .retryBaseDelay(Duration.ofMillis(400)).retryMaxDelay(Duration.ofMillis(1000)).build();

    assertThatThrownBy(() -> client.projects().list()).isInstanceOf(ServerErrorException.class);
    assertThat(sleeps).containsExactly(Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(1000),
        Duration.ofMillis(1000));

    sleeps.clear();
    ExceptionlessClient jittery = builder().userToken(USER_TOKEN).maxRetries(1).retryJitter(() -> 0.999).build();
    assertThatThrownBy(() -> jittery.projects().list()).isInstanceOf(ServerErrorException.class);
    assertThat(sleeps).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void maxRetriesZeroSendsOnce() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> builder().userToken(USER_TOKEN).maxRetries(0).build().projects().list())
        .isInstanceOf(ServerErrorException.class);
    server.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS)));
  }

  @Test
  void everyDiscardedAnswerIsClosed() {
    List<AtomicBoolean> closed = new CopyOnWriteArrayList<>();
    OkHttpClient tracking = new OkHttpClient.Builder().addNetworkInterceptor(chain -> {
      okhttp3.Response response = chain.proceed(chain.request());
      AtomicBoolean flag = new AtomicBoolean();
      closed.add(flag);
      return response.newBuilder().body(new TrackingBody(response.body(), flag)).build();
    }).build();
    failTwiceThenSucceed(aResponse().withStatus(503).withBody("busy"), aResponse().withStatus(429).withBody("later"));

    builder().userToken(USER_TOKEN).okHttpClient(tracking).build().projects().list();

    assertThat(closed).hasSize(3).allMatch(AtomicBoolean::get);
  }

  @Test
  void anInterruptWhileWaitingStopsTheRetriesAndKeepsTheInterruptFlag() {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).willReturn(aResponse().withStatus(503)));
    ExceptionlessClient client = builder().userToken(USER_TOKEN).sleeper(duration -> {
      throw new InterruptedException();
    }).build();

    try {
      assertThatThrownBy(() -> client.projects().list()).isInstanceOf(ExceptionlessIoException.class)
          .hasMessage("GET api/v2/projects was interrupted while waiting to retry");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    server.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS)));
  }

  @Test
  void theBuilderRefusesRetrySettingsThatCannotWork() {
    assertThatThrownBy(() -> ExceptionlessClient.builder().maxRetries(-1)).hasMessage("maxRetries must be 0 to 10, but was -1");
    assertThatThrownBy(() -> ExceptionlessClient.builder().retryBaseDelay(Duration.ZERO))
        .hasMessage("retryBaseDelay must be positive, but was PT0S");
    assertThatThrownBy(() -> ExceptionlessClient.builder().retryBaseDelay(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("raise retryMaxDelay");
  }

  private void failTwiceThenSucceed(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder second) {
    server.stubFor(get(urlPathEqualTo(PROJECTS)).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("second"));
    server.stubFor(get(urlPathEqualTo(PROJECTS)).inScenario("retry").whenScenarioStateIs("second")
        .willReturn(second).willSetStateTo("third"));
    server.stubFor(get(urlPathEqualTo(PROJECTS)).inScenario("retry").whenScenarioStateIs("third")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("[" + projectJson(PROJECT_ID, "Disintegrating Pistol") + "]")));
  }

  /** A response body that records whether it was closed. */
  static final class TrackingBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    TrackingBody(ResponseBody delegate, AtomicBoolean closed) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        @Override
        public void close() throws IOException {
          closed.set(true);
          super.close();
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
