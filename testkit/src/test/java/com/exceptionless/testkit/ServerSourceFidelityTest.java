package com.exceptionless.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in does what the real server's source does (../shared/notes/exceptionless-server-source.md), point by
 * point: what the pipeline repairs, what it drops (visible through {@link ExceptionlessTestServer#droppedEvents()}),
 * how bodies are parsed, the headers and the small routes.
 */
@SuppressWarnings("unchecked")
class ServerSourceFidelityTest {
  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private MutableClock clock;
  private ExceptionlessTestServer server;
  private Http http;
  private TestAccounts accounts;
  private String client;
  private String user;

  @BeforeEach
  void start() {
    clock = new MutableClock(NOW);
    server = ExceptionlessTestServer.builder().clock(clock).start();
    http = new Http(server);
    accounts = server.accounts();
    client = Http.bearer(accounts.clientApiKey());
    user = Http.bearer(http.login(accounts.userEmail(), accounts.userPassword()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void futureDatesAreSetToNowNotDropped() {
    submit("{\"type\":\"log\",\"message\":\"ahead\",\"date\":\"2999-01-01T00:00:00+02:00\"}");

    Map<String, Object> stored = single();
    assertThat(stored).containsEntry("message", "ahead").containsEntry("date", "2026-11-28T14:00:00.0000000+02:00");
    assertThat(server.droppedEvents()).isEmpty();
  }

  @Test
  void invalidReferenceIdsAreReplacedAndTheOriginalKeptInData() {
    submit("{\"type\":\"log\",\"reference_id\":\"short\"}");

    Map<String, Object> stored = single();
    assertThat(stored).containsEntry("reference_id", "invalid-reference-id");
    assertThat((Map<String, Object>) stored.get("data")).containsEntry("InvalidReferenceId", "short");
  }

  @Test
  void tagsAreCleanedAndMessageAndSourceCutAt2000Characters() {
    StringBuilder tags = new StringBuilder("\"\",\"" + "t".repeat(101) + "\"");
    for (int i = 0; i < 60; i++) {
      tags.append(",\"tag").append(i).append('"');
    }
    submit("{\"type\":\"log\",\"tags\":[" + tags + "],\"message\":\"" + "m".repeat(2500) + "\",\"source\":\""
        + "s".repeat(2001) + "\"}");

    Map<String, Object> stored = single();
    List<Object> kept = (List<Object>) stored.get("tags");
    assertThat(kept).hasSize(50).startsWith("tag0").doesNotContain("", "t".repeat(101));
    assertThat((String) stored.get("message")).hasSize(2000);
    assertThat((String) stored.get("source")).hasSize(2000);
  }

  @Test
  void eventsOlderThanThreeDaysAreAcceptedThenDroppedWithTheReason() {
    HttpResponse<String> response = submit("{\"type\":\"log\",\"message\":\"old\",\"date\":\"2026-11-25T11:00:00Z\"},"
        + "{\"type\":\"log\",\"message\":\"recent\",\"date\":\"2026-11-25T13:00:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.storedEvents()).extracting(e -> e.get("message")).containsExactly("recent");
    assertThat(server.droppedEvents()).singleElement().satisfies(dropped -> {
      assertThat(dropped.json()).containsEntry("message", "old");
      assertThat(dropped.reason()).isEqualTo("date is more than 3 days ago");
      assertThat(dropped.projectId()).isEqualTo(accounts.projectId());
    });
  }

  @Test
  void aReferenceIdReusedWithin24HoursIsDroppedAndAcceptedAgainAfter() {
    submit("{\"type\":\"log\",\"message\":\"first\",\"reference_id\":\"order-0001\"}");
    clock.advance(Duration.ofHours(23));
    submit("{\"type\":\"log\",\"message\":\"second\",\"reference_id\":\"order-0001\"}");
    clock.advance(Duration.ofHours(2));
    submit("{\"type\":\"log\",\"message\":\"third\",\"reference_id\":\"order-0001\"}");
    HttpResponse<String> other = http.postJson("/api/v2/events", Http.bearer(accounts.secondProjectClientApiKey()),
        "{\"type\":\"log\",\"message\":\"other project\",\"reference_id\":\"order-0001\"}");

    assertThat(other.statusCode()).isEqualTo(202);
    assertThat(server.storedEvents()).extracting(e -> e.get("message"))
        .containsExactly("first", "third", "other project");
    assertThat(server.droppedEvents()).extracting(DroppedEvent::reason)
        .containsExactly("reference_id was already used in this project within 24 hours");
  }

  @Test
  void aTypeOver100CharactersFailsEveryEventOfItsPost() {
    submit("{\"type\":\"log\",\"message\":\"fine\"},{\"type\":\"" + "x".repeat(101) + "\"}");

    assertThat(server.storedEvents()).isEmpty();
    assertThat(server.droppedEvents()).hasSize(2);
  }

  @Test
  void onlyGzipAndRawDeflateAreDecompressedAndOtherBodiesAreAcceptedThenDropped() throws IOException {
    byte[] json = "{\"type\":\"log\",\"message\":\"zipped\"}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> rawDeflate = post(deflate(json, true), "deflate");
    HttpResponse<String> zlibDeflate = post(deflate(json, false), "deflate");
    HttpResponse<String> upperCase = post(gzip(json), "GZIP");
    HttpResponse<String> brotli = post(json, "br");

    assertThat(List.of(rawDeflate, zlibDeflate, upperCase, brotli)).extracting(HttpResponse::statusCode)
        .containsOnly(202);
    assertThat(server.storedEvents()).extracting(e -> e.get("message")).containsExactly("zipped");
    assertThat(server.droppedEvents()).hasSize(3).allSatisfy(dropped -> {
      assertThat(dropped.json()).isEmpty();
      assertThat(dropped.reason()).startsWith("the body could not be decompressed");
    });
  }

  @Test
  void aBodyOverTwoMillionBytesDecompressedIsAcceptedThenDropped() throws IOException {
    String message = "a".repeat(2_000_100);
    HttpResponse<String> response = post(gzip(("{\"message\":\"" + message + "\"}")
        .getBytes(StandardCharsets.UTF_8)), "gzip");

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(server.storedEvents()).isEmpty();
    assertThat(server.droppedEvents()).extracting(DroppedEvent::reason)
        .containsExactly("the body is over 2000000 bytes decompressed");
  }

  @Test
  void anEmptyChunkedBodyIsAcceptedButContentLengthZeroIs411() {
    HttpResponse<String> chunked = http.send("POST", "/api/v2/events",
        HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.noBody()), client,
        "Content-Type", "application/json");
    HttpResponse<String> empty = http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.noBody(), client,
        "Content-Type", "application/json");

    assertThat(chunked.statusCode()).isEqualTo(202);
    assertThat(empty.statusCode()).isEqualTo(411);
    assertThat(server.storedEvents()).isEmpty();
  }

  @Test
  void bodiesAreParsedByTheirFirstCharacterAndMalformedJsonBecomesLogLines() {
    http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.ofString("  {\"type\":\"feature\",\"source\":\"f\"}"),
        client, "Content-Type", "text/plain");
    submit("{\"type\":\"log\",\"message\":\n\"unterminated");
    http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.ofString(" one \n\n two\n"), client,
        "Content-Type", "application/json");

    assertThat(server.storedEvents()).extracting(e -> e.get("type"), e -> e.get("message")).containsExactly(
        org.assertj.core.groups.Tuple.tuple("feature", null),
        org.assertj.core.groups.Tuple.tuple("log", "{\"type\":\"log\",\"message\":"),
        org.assertj.core.groups.Tuple.tuple("log", "\"unterminated"),
        org.assertj.core.groups.Tuple.tuple("log", "one"),
        org.assertj.core.groups.Tuple.tuple("log", "two"));
  }

  @Test
  void missingTypeAndDateAreFilledInAndAPostedIdBecomesTheReferenceId() {
    submit("{\"@error\":{\"type\":\"java.lang.IllegalStateException\",\"message\":\"boom\"},\"id\":\"posted-id-01\"},"
        + "{\"message\":\"plain\",\"id\":\"posted-id-02\",\"reference_id\":\"given-ref-02\"}");

    List<Map<String, Object>> stored = server.storedEvents();
    assertThat(stored.get(0)).containsEntry("type", "error").containsEntry("reference_id", "posted-id-01")
        .containsEntry("date", "2026-11-28T12:00:00.0000000+00:00");
    assertThat(stored.get(0).get("id")).isNotEqualTo("posted-id-01");
    assertThat(stored.get(1)).containsEntry("type", "log").containsEntry("reference_id", "given-ref-02");
  }

  @Test
  void submissionClientIsRebuiltFromTheHeadersWhateverTheClientSent() {
    http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.ofString(
        "{\"type\":\"log\",\"data\":{\"@submission_client\":{\"user_agent\":\"forged\",\"version\":\"9\"}}}"),
        client, "Content-Type", "application/json", "X-Exceptionless-Client", "Exceptionless-Java/1.2.3");
    server.setProjectSetting(accounts.projectId(), "@@IncludePrivateInformation", "false");
    http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.ofString("{\"type\":\"log\"}"), client,
        "Content-Type", "application/json", "X-Exceptionless-Client", "custom agent");

    List<Map<String, Object>> stored = server.storedEvents();
    assertThat(submissionClient(stored.get(0))).isEqualTo(Map.of("user_agent", "exceptionless-java",
        "version", "1.2.3", "ip_address", "127.0.0.1"));
    assertThat(submissionClient(stored.get(1))).isEqualTo(Map.of("user_agent", "custom agent"));
  }

  @Test
  void configVersionHeaderIsSentOnEventPostsAndUserDescriptionsOnly() {
    HttpResponse<String> post = submit("{\"type\":\"log\",\"reference_id\":\"ref-00001\"}");
    HttpResponse<String> description = http.postJson("/api/v2/events/by-ref/ref-00001/user-description", client,
        "{\"description\":\"it broke\"}");
    HttpResponse<String> heartbeat = http.get("/api/v2/events/session/heartbeat?id=s1", client);
    HttpResponse<String> config = http.get("/api/v2/projects/config", client);

    String version = Long.toString(Math.round((Double) Http.object(config).get("version")));
    assertThat(post.headers().firstValue("X-Exceptionless-ConfigVersion")).hasValue(version);
    assertThat(description.statusCode()).isEqualTo(202);
    assertThat(description.headers().firstValue("X-Exceptionless-ConfigVersion")).hasValue(version);
    assertThat(heartbeat.headers().firstValue("X-Exceptionless-ConfigVersion")).isEmpty();
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("X-Exceptionless-ConfigVersion")).isEmpty();
  }

  @Test
  void heartbeatNeedsAProjectIgnoresAMissingIdAndReadsCloseLeniently() {
    String withoutProject = Http.bearer(accounts.userApiKey());

    assertThat(http.get("/api/v2/events/session/heartbeat?id=s1", withoutProject).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/v2/events/session/heartbeat", client).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/events/session/heartbeat?id=s1&close=yes", client).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/events/session/heartbeat?id=s1&close=True", client).statusCode()).isEqualTo(200);

    assertThat(server.heartbeats()).extracting(SessionHeartbeat::close).containsExactly(false, true);
  }

  @Test
  void aUserDescriptionNeedsAnEmailAddressOrADescription() {
    assertThat(http.postJson("/api/v2/events/by-ref/ref-00001/user-description", client, "{}").statusCode())
        .isEqualTo(422);
    assertThat(http.postJson("/api/v2/events/by-ref/ref-00001/user-description", client,
        "{\"email_address\":\" \",\"description\":\" \"}").statusCode()).isEqualTo(422);
    assertThat(http.postJson("/api/v2/events/by-ref/ref-00001/user-description", client,
        "{\"email_address\":\"a@example.com\"}").statusCode()).isEqualTo(202);
  }

  @Test
  void configIgnoresAnUnreadableVersionWhereTheServerDoesAndSettingsAreTrimmed() {
    assertThat(http.get("/api/v2/projects/config?v=abc", client).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/v2/projects/" + accounts.projectId() + "/config?v=abc", client).statusCode())
        .isEqualTo(400);
    long version = Math.round((Double) Http.object(http.get("/api/v2/projects/config", client)).get("version"));
    assertThat(http.get("/api/v2/projects/" + accounts.projectId() + "/config?v=" + version, client).statusCode())
        .isEqualTo(304);

    HttpResponse<String> set = http.postJson("/api/v2/projects/" + accounts.projectId() + "/config?key=%20k%20",
        user, "{\"value\":\"  v  \"}");

    assertThat(set.statusCode()).isEqualTo(200);
    Map<String, Object> config = Http.object(http.get("/api/v2/projects/config", client));
    assertThat(config).containsEntry("version", version + 1.0);
    assertThat((Map<String, Object>) config.get("settings")).containsEntry("k", "v");
  }

  @Test
  void stackActionsValidateAsTheServerDoes() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");
    String id = (String) server.stacks().get(0).get("id");

    HttpResponse<String> badVersion = post("/api/v2/stacks/" + id + "/mark-fixed?version=not-a-version");
    HttpResponse<String> lenientVersion = post("/api/v2/stacks/" + id + "/mark-fixed?version=1.2");
    HttpResponse<String> soon = post("/api/v2/stacks/" + id + "/mark-snoozed?snoozeUntilUtc="
        + NOW.plus(Duration.ofMinutes(4)));
    HttpResponse<String> later = post("/api/v2/stacks/" + id + "/mark-snoozed?snoozeUntilUtc="
        + NOW.plus(Duration.ofMinutes(6)));
    HttpResponse<String> regressed = post("/api/v2/stacks/" + id + "/change-status?status=regressed");
    HttpResponse<String> unknown = post("/api/v2/stacks/" + id + "/change-status?status=bogus");
    HttpResponse<String> missing = post("/api/v2/stacks/" + id + "/change-status");

    assertThat(badVersion.statusCode()).isEqualTo(400);
    assertThat(Http.object(badVersion)).containsEntry("title", "Invalid semantic version");
    assertThat(lenientVersion.statusCode()).isEqualTo(200);
    assertThat(soon.statusCode()).isEqualTo(400);
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(regressed.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(missing.statusCode()).isEqualTo(200);
    assertThat(server.stacks().get(0)).containsEntry("status", "open");
  }

  @Test
  void organizationNamesNeedNotBeUnique() {
    assertThat(http.postJson("/api/v2/organizations", user, "{\"name\":\"Twin\"}").statusCode()).isEqualTo(201);
    assertThat(http.postJson("/api/v2/organizations", user, "{\"name\":\"Twin\"}").statusCode()).isEqualTo(201);
    assertThat(http.postJson("/api/v2/organizations", user, "{\"name\":\" \"}").statusCode()).isEqualTo(422);
  }

  @Test
  void eventListsPastASkipOf1000AreEmptyWithoutLinksOrCountButProjectListsHaveNoCutoff() {
    submit("{\"type\":\"log\"}");

    HttpResponse<String> events = http.get("/api/v2/events?page=12&limit=100&include=total", user);
    HttpResponse<String> stacks = http.get("/api/v2/stacks?page=12&limit=100", user);
    HttpResponse<String> projects = http.get("/api/v2/projects?page=12&limit=100", user);

    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.body()).isEqualTo("[]");
    assertThat(events.headers().allValues("Link")).isEmpty();
    assertThat(events.headers().firstValue("X-Result-Count")).isEmpty();
    assertThat(stacks.headers().allValues("Link")).isEmpty();
    assertThat(projects.headers().firstValue("X-Result-Count")).hasValue("2");
    assertThat(projects.headers().allValues("Link")).singleElement().asString().contains("rel=\"previous\"");
  }

  @Test
  void cursorPagesSendPreviousOnEveryNonEmptyPageIncludingTheFirst() {
    submit("{\"type\":\"log\",\"message\":\"a\"},{\"type\":\"log\",\"message\":\"b\"}");

    HttpResponse<String> first = http.get("/api/v2/events?limit=1", user);

    assertThat(first.headers().allValues("Link")).hasSize(2).anySatisfy(link -> assertThat(link)
        .contains("before=").contains("rel=\"previous\""));
  }

  @Test
  void anEventByIdLinksItsNeighboursAndStackAndChecksTheExpectedStack() {
    submit("{\"type\":\"log\",\"source\":\"s\",\"date\":\"2026-11-28T10:00:00Z\"},"
        + "{\"type\":\"log\",\"source\":\"s\",\"date\":\"2026-11-28T11:00:00Z\"},"
        + "{\"type\":\"log\",\"source\":\"s\",\"date\":\"2026-11-28T11:30:00Z\"}");
    List<Map<String, Object>> stored = server.storedEvents();
    String middle = (String) stored.get(1).get("id");
    String stackId = (String) stored.get(1).get("stack_id");

    HttpResponse<String> response = http.get("/api/v2/events/" + middle, user);
    HttpResponse<String> wrongStack = http.get("/api/v2/events/" + middle + "?expected_stack_id="
        + "000000000000000000000000", user);

    assertThat(response.headers().allValues("Link")).containsExactly(
        "<" + server.baseUrl() + "/api/v2/events/" + stored.get(0).get("id") + ">; rel=\"previous\"",
        "<" + server.baseUrl() + "/api/v2/events/" + stored.get(2).get("id") + ">; rel=\"next\"",
        "<" + server.baseUrl() + "/api/v2/stacks/" + stackId + ">; rel=\"parent\"");
    assertThat(wrongStack.statusCode()).isEqualTo(400);
    assertThat(http.get("/api/v2/events/" + middle + "?expected_stack_id=" + stackId, user).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theDefaultTokenIsTheOldestClientTokenEvenWhenDisabled() {
    String disabledClientKey = accounts.clientApiKey();
    server.setTokenDisabled(disabledClientKey, true);

    HttpResponse<String> response = http.get("/api/v2/projects/" + accounts.projectId() + "/tokens/default", user);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.object(response)).containsEntry("id", disabledClientKey);
  }

  @Test
  void stacksAlwaysCarryDuplicateSignatureAndCountsAlwaysCarryDataAndAggregations() {
    submit("{\"type\":\"log\",\"source\":\"a\"}");

    Map<String, Object> stack = Http.object(http.get("/api/v2/stacks/" + server.stacks().get(0).get("id"), user));
    Map<String, Object> count = Http.object(http.get("/api/v2/events/count", user));

    assertThat(stack).containsEntry("duplicate_signature", accounts.projectId() + ":" + stack.get("signature_hash"));
    assertThat(count).containsEntry("total", 1.0).containsEntry("aggregations", Map.of())
        .containsEntry("data", Map.of());
  }

  private HttpResponse<String> submit(String eventsJson) {
    String body = eventsJson.trim().startsWith("{") && eventsJson.contains("},{") ? "[" + eventsJson + "]"
        : eventsJson;
    HttpResponse<String> response = http.postJson("/api/v2/events", client, body);
    assertThat(response.statusCode()).isEqualTo(202);
    return response;
  }

  private HttpResponse<String> post(byte[] body, String encoding) {
    return http.send("POST", "/api/v2/events", HttpRequest.BodyPublishers.ofByteArray(body), client,
        "Content-Type", "application/json", "Content-Encoding", encoding);
  }

  private HttpResponse<String> post(String path) {
    return http.send("POST", path, HttpRequest.BodyPublishers.noBody(), user);
  }

  private Map<String, Object> single() {
    List<Map<String, Object>> stored = server.storedEvents();
    assertThat(stored).hasSize(1);
    return stored.get(0);
  }

  private static Map<String, Object> submissionClient(Map<String, Object> event) {
    return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("@submission_client");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out,
        new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      deflate.write(data);
    }
    return out.toByteArray();
  }
}
