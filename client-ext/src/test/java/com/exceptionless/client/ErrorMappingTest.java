package com.exceptionless.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.exceptionless.client.errors.BadRequestException;
import com.exceptionless.client.errors.ConflictException;
import com.exceptionless.client.errors.ExceptionlessIoException;
import com.exceptionless.client.errors.ExceptionlessServiceException;
import com.exceptionless.client.errors.ForbiddenException;
import com.exceptionless.client.errors.NotFoundException;
import com.exceptionless.client.errors.PlanLimitException;
import com.exceptionless.client.errors.RateLimitedException;
import com.exceptionless.client.errors.ServerErrorException;
import com.exceptionless.client.errors.UnauthorizedException;
import com.exceptionless.client.errors.UnexpectedStatusException;
import com.exceptionless.client.errors.ValidationException;
import com.exceptionless.client.model.Event;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest extends WireMockSupport {
  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class, "No project id specified and no default project was found"),
        Arguments.of(401, UnauthorizedException.class, "check the API key or user token"),
        Arguments.of(402, PlanLimitException.class, "upgrade its plan"),
        Arguments.of(403, ForbiddenException.class, "lacks the role"),
        Arguments.of(404, NotFoundException.class, "Project not found."),
        Arguments.of(409, ConflictException.class, "Conflict"),
        Arguments.of(413, UnexpectedStatusException.class, "Send fewer or smaller events"),
        Arguments.of(415, UnexpectedStatusException.class, "Unsupported Media Type"),
        Arguments.of(426, PlanLimitException.class, "upgrade the plan"),
        Arguments.of(429, RateLimitedException.class, "retry later"),
        Arguments.of(500, ServerErrorException.class, "The server failed"),
        Arguments.of(503, ServerErrorException.class, "Service Unavailable"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("statuses")
  void everyErrorStatusBecomesItsTypedExceptionCarryingStatusProblemAndHeaders(int status,
      Class<? extends ExceptionlessServiceException> type, String expectedInMessage) {
    String title = status == 400 ? "No project id specified and no default project was found."
        : status == 404 ? "Project not found." : null;
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/problem+json")
        .withHeader("X-Test", "kept")
        .withBody("{\"type\":\"https://tools.ietf.org/html/rfc9110\",\"status\":" + status
            + (title != null ? ",\"title\":\"" + title + "\"" : "") + ",\"instance\":\"POST /api/v2/events\",\"traceId\":\"00-abc\"}")));

    ExceptionlessServiceException error = catchThrowableOfType(ExceptionlessServiceException.class,
        () -> apiKeyClient().events().submit(Event.builder().type("log").build()));

    assertThat(error).isExactlyInstanceOf(type);
    assertThat(error.statusCode()).isEqualTo(status);
    assertThat(error.problem().getStatus()).isEqualTo(status);
    assertThat(error.problem().getInstance()).isEqualTo("POST /api/v2/events");
    assertThat(error.header("x-test")).hasValue("kept");
    assertThat(error.request()).isEqualTo("POST api/v2/events");
    assertThat(error.getMessage()).startsWith(status + " ").contains("on POST api/v2/events").contains(expectedInMessage)
        .doesNotContain(API_KEY);
  }

  @Test
  void validationProblemCarriesItsFieldErrors() {
    server.stubFor(post("/api/v2/auth/login").willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"title\":\"One or more validation errors occurred.\",\"status\":422,"
            + "\"errors\":{\"email\":[\"The Email field is required.\"],\"password\":[\"Too short.\",\"Too simple.\"]}}")));

    ValidationException error = catchThrowableOfType(ValidationException.class,
        () -> ExceptionlessClient.builder().serverUrl(baseUrl()).build().auth().login("x@example.com", "secret-password"));

    assertThat(error.fieldErrors()).containsOnlyKeys("email", "password");
    assertThat(error.fieldErrors().get("password")).containsExactly("Too short.", "Too simple.");
    assertThat(error.getMessage()).isEqualTo("422 Unprocessable Entity on POST api/v2/auth/login: One or more validation errors"
        + " occurred. Invalid: email (The Email field is required.); password (Too short. Too simple.)")
        .doesNotContain("secret-password");
  }

  @Test
  void rateLimitedExposesTheRateLimitHeadersAndRetryAfterWhenPresent() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Limit", "3500").withHeader("X-RateLimit-Remaining", "0").withHeader("Retry-After", "120")));

    RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> userClient().projects().list());

    assertThat(error.limit()).hasValue(3500);
    assertThat(error.remaining()).hasValue(0);
    assertThat(error.retryAfter()).hasValue(Duration.ofSeconds(120));
    assertThat(error.problem().getStatus()).isEqualTo(429);
  }

  @Test
  void rateLimitedWithoutHeadersAsTheServerSendsIt() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":429}")));

    RateLimitedException error = catchThrowableOfType(RateLimitedException.class, () -> userClient().projects().list());

    assertThat(error.limit()).isEmpty();
    assertThat(error.retryAfter()).isEmpty();
  }

  @Test
  void aNonJsonErrorBodyStillGivesTheTypedException() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(502)
        .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));

    assertThatThrownBy(() -> userClient().projects().list())
        .isInstanceOf(ServerErrorException.class)
        .hasMessage("502 Bad Gateway on GET api/v2/projects. The server failed: retry later.");
  }

  @Test
  void aResetConnectionIsAnIoExceptionNamingTheRoute() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> userClient().projects().list())
        .isInstanceOf(ExceptionlessIoException.class)
        .hasMessageStartingWith("GET api/v2/projects failed: ");
  }

  @Test
  void aTimeoutIsAnIoExceptionThatSaysWhichTimeoutToRaise() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    ExceptionlessClient impatient = builder().userToken(USER_TOKEN)
        .readTimeout(Duration.ofMillis(200)).build();

    assertThatThrownBy(() -> impatient.projects().list())
        .isInstanceOf(ExceptionlessIoException.class)
        .hasMessageContaining("timed out").hasMessageContaining("raise the timeouts");
  }

  @Test
  void aMalformedSuccessBodyIsReportedAsUnreadable() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"not\":\"a list\"}")));

    assertThatThrownBy(() -> userClient().projects().list())
        .hasMessageStartingWith("GET api/v2/projects answered with JSON this SDK could not read");
  }

  @Test
  void aProblemNeverCarriesTheTokenIdTheServerEchoesInItsInstance() {
    String tokenId = "LhhP1C9gijpSKCslHHCvwdSIz298twx271nSecre";
    server.stubFor(get("/api/v2/tokens/" + tokenId).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"status\":404,\"title\":\"Token not found.\",\"instance\":\"GET /api/v2/tokens/" + tokenId + "\"}")));

    NotFoundException error = catchThrowableOfType(NotFoundException.class, () -> userClient().tokens().get(tokenId));

    assertThat(error.problem().getInstance()).isEqualTo("GET /api/v2/tokens/{id}");
    assertThat(error.problem().toString()).doesNotContain(tokenId);
    assertThat(error.getMessage()).doesNotContain(tokenId);
  }

  @Test
  void aServerErrorExposesTheReferenceIdToQuoteToSupport() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/problem+json")
        .withBody("{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.6.1\",\"title\":\"An error occurred\","
            + "\"status\":500,\"reference-id\":\"8a6c3f2d91\"}")));

    ServerErrorException error = catchThrowableOfType(ServerErrorException.class, () -> userClient().projects().list());

    assertThat(error.referenceId()).hasValue("8a6c3f2d91");
    assertThat(error.getMessage()).contains("reference id 8a6c3f2d91");
  }

  @Test
  void aServerErrorWithoutAReferenceIdHasNone() {
    server.stubFor(get(urlPathEqualTo("/api/v2/projects")).willReturn(aResponse().withStatus(503)));

    ServerErrorException error = catchThrowableOfType(ServerErrorException.class, () -> userClient().projects().list());

    assertThat(error.referenceId()).isEmpty();
  }
}
