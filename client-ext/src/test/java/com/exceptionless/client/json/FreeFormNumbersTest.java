package com.exceptionless.client.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.model.CountResult;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.PersistentEvent;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Numbers in free-form maps keep their type when read and are written back as they were. */
class FreeFormNumbersTest {
  /** Maven runs the tests in client-ext/, so the workspace's shared folder is two levels up. */
  private static final Path SAMPLES = Paths.get("..", "..", "shared", "reference", "samples");

  private final Moshi moshi = ExceptionlessMoshi.create();

  @Test
  void integersInTheServersEventResponseAreReadAsLongAndWrittenBackUnchanged() throws IOException {
    String json = sample("Api/Data/event-serialization-response.json");
    JsonAdapter<PersistentEvent> adapter = moshi.adapter(PersistentEvent.class);

    PersistentEvent event = adapter.fromJson(json);

    Map<String, Object> environment = map(event.getData().get("@environment"));
    Map<String, Object> request = map(event.getData().get("@request"));
    assertThat(environment.get("total_physical_memory")).isEqualTo(17179869184L);
    assertThat(environment.get("processor_count")).isEqualTo(8L);
    assertThat(request.get("port")).isEqualTo(443L);
    String written = adapter.toJson(event);
    assertThat(written).contains("\"total_physical_memory\":17179869184", "\"port\":443", "\"processor_count\":8")
        .doesNotContain("443.0", "1.7179869184E10");
  }

  @Test
  void storedSearchEventsKeepIntegersAndDecimalsApart() throws IOException {
    String json = sample("Search/Data/event2.json");
    JsonAdapter<PersistentEvent> adapter = moshi.adapter(PersistentEvent.class);

    PersistentEvent event = adapter.fromJson(json);

    assertThat(map(event.getData().get("@environment")).get("total_physical_memory")).isEqualTo(4294496256L);
    assertThat(map(event.getData().get("@request")).get("port")).isEqualTo(443L);
    assertThat(adapter.toJson(event)).contains("\"total_physical_memory\":4294496256", "\"port\":443");
  }

  @Test
  void extendedDataOfAnEventToSubmitIsWrittenAsGiven() throws IOException {
    Event event = Event.builder().type("log").putDataItem("port", 443).putDataItem("memory", 17179869184L)
        .putDataItem("ratio", 0.25).putDataItem("huge", new BigInteger("123456789012345678901234567890")).build();

    String json = moshi.adapter(Event.class).toJson(event);

    assertThat(json).contains("\"port\":443", "\"memory\":17179869184", "\"ratio\":0.25",
        "\"huge\":123456789012345678901234567890");
  }

  @Test
  void numbersBeyondSixtyFourBitsOrDoublePrecisionAreReadExactly() throws IOException {
    Object value = moshi.adapter(Object.class).fromJson("{\"big\":123456789012345678901234567890,"
        + "\"precise\":0.1000000000000000000001,\"plain\":0.1,\"exponent\":1e3,\"negative\":-7}");

    Map<String, Object> map = map(value);
    assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(map.get("precise")).isEqualTo(new BigDecimal("0.1000000000000000000001"));
    assertThat(map.get("plain")).isEqualTo(0.1);
    assertThat(map.get("exponent")).isEqualTo(1000.0);
    assertThat(map.get("negative")).isEqualTo(-7L);
    assertThat(moshi.adapter(Object.class).toJson(value)).isEqualTo("{\"big\":123456789012345678901234567890,"
        + "\"precise\":0.1000000000000000000001,\"plain\":0.1,\"exponent\":1000.0,\"negative\":-7}");
  }

  @Test
  void aggregationValuesAreIntegers() throws IOException {
    CountResult count = moshi.adapter(CountResult.class).fromJson("{\"total\":3,\"aggregations\":"
        + "{\"cardinality_user\":{\"value\":2},\"terms_type\":{\"items\":[{\"key\":\"log\",\"total\":2}]}},\"data\":{}}");

    assertThat(map(count.getAggregations().get("cardinality_user")).get("value")).isEqualTo(2L);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String sample(String name) throws IOException {
    Path path = SAMPLES.resolve(name);
    Assumptions.assumeTrue(Files.exists(path), "../shared/reference/samples/" + name
        + " is absent (outside the project workspace): not checked");
    String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
