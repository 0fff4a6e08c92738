package com.exceptionless.client.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.ViewToken;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

class ExceptionlessMoshiTest {
  private final Moshi moshi = ExceptionlessMoshi.create();

  @Test
  void readsSevenFractionalDigitsAndKeepsTheOffset() throws IOException {
    OffsetDateTime parsed = moshi.adapter(OffsetDateTime.class).fromJson("\"2015-02-11T20:54:04.3457274+02:00\"");

    assertThat(parsed).isEqualTo(OffsetDateTime.of(2015, 2, 11, 20, 54, 4, 345_727_400, ZoneOffset.ofHours(2)));
    assertThat(moshi.adapter(OffsetDateTime.class).toJson(parsed)).isEqualTo("\"2015-02-11T20:54:04.3457274+02:00\"");
  }

  @Test
  void readsAUtcValueWithoutOffsetAsUtc() throws IOException {
    OffsetDateTime parsed = moshi.adapter(OffsetDateTime.class).fromJson("\"2026-11-28T12:00:00.1234567\"");

    assertThat(parsed).isEqualTo(OffsetDateTime.of(2026, 11, 28, 12, 0, 0, 123_456_700, ZoneOffset.UTC));
  }

  @Test
  void toleratesUnknownPropertiesAndUnknownEnumValues() throws IOException {
    ViewToken token = moshi.adapter(ViewToken.class).fromJson("{\"id\":\"LhhP1C9gijpSKCslHHCvwdSIz298twx271nTest0\","
        + "\"scopes\":[\"client\",\"mcp:read\"],\"is_disabled\":false,\"brand_new_field\":{\"x\":1},"
        + "\"created_utc\":\"2026-11-28T12:00:00Z\"}");

    assertThat(token.getScopes()).containsExactly(TokenScope.CLIENT, TokenScope.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(token.getIsDisabled()).isFalse();
  }

  @Test
  void modelsReadFromJsonHaveReadOnlyCollections() throws IOException {
    ViewToken token = moshi.adapter(ViewToken.class).fromJson("{\"scopes\":[\"client\"]}");
    Event event = moshi.adapter(Event.class).fromJson("{\"tags\":[\"a\"],\"data\":{\"@level\":\"Info\"}}");

    assertThatThrownBy(() -> token.getScopes().add(TokenScope.GLOBAL)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> event.getTags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> event.getData().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void writesCachedStackFramesExactlyAsTheirReflectiveJson() throws IOException {
    com.exceptionless.client.model.StackFrame frame = com.exceptionless.client.model.StackFrame.builder()
        .declaringNamespace("com.acme").declaringType("App$Inner").name("run").fileName("App.java").lineNumber(7).build();
    String plain = new Moshi.Builder().build().adapter(com.exceptionless.client.model.StackFrame.class).toJson(frame);
    JsonAdapter<List<com.exceptionless.client.model.StackFrame>> list = moshi.adapter(
        com.squareup.moshi.Types.newParameterizedType(List.class, com.exceptionless.client.model.StackFrame.class));

    assertThat(list.toJson(java.util.Arrays.asList(frame, frame))).isEqualTo("[" + plain + "," + plain + "]");
    assertThat(plain).isEqualTo("{\"declaring_namespace\":\"com.acme\",\"declaring_type\":\"App$Inner\",\"file_name\":\"App.java\","
        + "\"line_number\":7,\"name\":\"run\"}");
  }

  @Test
  void writesSnakeCaseAndOmitsNulls() {
    String json = moshi.adapter(Event.class).toJson(Event.builder().type("log").referenceId("abcdefgh").build());

    assertThat(json).isEqualTo("{\"reference_id\":\"abcdefgh\",\"type\":\"log\"}");
  }

  private static final Path EVENT_SAMPLE =
      Paths.get("..", "..", "shared", "reference", "samples", "Api", "Data", "event-serialization-response.json");

  static boolean eventSampleIsPresent() {
    return Files.exists(EVENT_SAMPLE);
  }

  @Test
  @EnabledIf(value = "eventSampleIsPresent", disabledReason = "../shared/reference/samples is absent (it is beside the "
      + "repository in the project workspace only): round trip of the server's event sample not checked")
  void readsTheServersEventResponseSampleAndWritesBackEveryEventProperty() throws IOException {
    Path sample = EVENT_SAMPLE;
    String original = new String(Files.readAllBytes(sample), StandardCharsets.UTF_8).replace("\uFEFF", "");
    JsonAdapter<Object> untyped = moshi.adapter(Object.class);

    Event event = moshi.adapter(Event.class).fromJson(original);
    Map<String, Object> written = asMap(untyped.fromJson(moshi.adapter(Event.class).toJson(event)));
    Map<String, Object> expected = asMap(untyped.fromJson(original));
    expected.keySet().retainAll(written.keySet());

    assertThat(written).containsOnlyKeys("type", "date", "tags", "message", "data");
    assertThat(event.getData()).containsKeys("@request", "@environment", "@submission_client");
    assertThat(OffsetDateTime.parse((String) written.remove("date"))).isEqualTo(OffsetDateTime.parse((String) expected.remove("date")));
    assertThat(written).isEqualTo(expected);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object json) {
    return new java.util.LinkedHashMap<>((Map<String, Object>) json);
  }
}
