package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile values given to a real reporter: nothing is thrown into the caller and the server gets valid events. */
class ReporterDataTest extends ReporterTestSupport {
  @BeforeEach
  void acceptEverything() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
  }

  @Test
  void cyclesDeepNestingNanAndThrowingValuesArriveAsMarkers() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    List<Object> deep = new ArrayList<>();
    List<Object> level = deep;
    for (int i = 0; i < 100_000; i++) {
      List<Object> next = new ArrayList<>();
      level.add(next);
      level = next;
    }
    Map<String, Object> changedLater = new HashMap<>();
    changedLater.put("before", 1);

    reporter.createLog("app", "hostile data", LogLevel.INFO)
        .data("cyclic", cyclic)
        .data("deep", deep)
        .data("nan", Double.NaN)
        .data("numbers", new double[] {Double.POSITIVE_INFINITY, 2.5})
        .data("toString", new DataSanitizerTest.ThrowingToString())
        .data("iterator", new DataSanitizerTest.ThrowingList())
        .data("entrySet", new DataSanitizerTest.ThrowingMap())
        .data("changedLater", changedLater)
        .submit();
    changedLater.put("after", 2);
    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();

    Map<String, Object> data = DataSanitizerTest.map(acceptedEvents().get(0).get("data"));
    assertThat(data).containsEntry("cyclic", java.util.Collections.singletonMap("self", "[cycle]"))
        .containsEntry("nan", "NaN").containsEntry("numbers", Arrays.asList("Infinity", 2.5))
        .containsEntry("toString", "[toString() threw java.lang.IllegalStateException]")
        .containsEntry("iterator", "[iterator() threw java.lang.UnsupportedOperationException]")
        .containsEntry("entrySet", "[entrySet() threw java.lang.IllegalStateException]")
        .containsEntry("changedLater", java.util.Collections.singletonMap("before", 1L));
    assertThat(data.get("deep").toString()).isEqualTo("[[[[[[nested too deep]]]]]]");
    assertThat(reporter.stats().accepted()).isEqualTo(1);
  }

  @Test
  void anErrorWithAHugeMessageAndHostileMethodsIsSentCut() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    char[] chars = new char[10_000_000];
    Arrays.fill(chars, 'm');

    reporter.createException(new IllegalStateException(new String(chars))).submit();
    reporter.createException(new ErrorConverterTest.HostileException()).submit();
    reporter.submitException(new ErrorConverterTest.HostileException());
    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();

    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("message").toString()).hasSize(2000);
    Map<String, Object> error = DataSanitizerTest.map(DataSanitizerTest.map(events.get(0).get("data")).get("@error"));
    assertThat(error.get("message").toString()).hasSize(2000);
    assertThat(events.get(1)).containsEntry("message", "[getMessage() threw java.lang.IllegalStateException]");
    assertThat(reporter.stats().discarded(DiscardReason.DUPLICATE)).isEqualTo(1);
    assertThat(reporter.stats().discarded(DiscardReason.TOO_LARGE)).isZero();
  }

  @Test
  void anErrorEventWithoutItsThrowableIsRefused() {
    ExceptionlessReporter reporter = started(reporter());

    assertThatThrownBy(() -> EventBuilder.forError(reporter, null, OffsetDateTime.now()))
        .isInstanceOf(NullPointerException.class).hasMessage("error == null");
    assertThat(EventBuilder.forError(reporter, new IllegalStateException("x"), OffsetDateTime.now())).isNotNull();
  }

  @Test
  void perEventTagsAreRefusedNotStrippedAndNoneOfARefusedCallIsKept() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    EventBuilder event = reporter.createLog("app", "tagged", LogLevel.INFO).tags(" checkout ");

    assertThatThrownBy(() -> event.tags((String[]) null)).isInstanceOf(NullPointerException.class).hasMessage("tags == null: pass tags, or none");
    assertThatThrownBy(() -> event.tags("good", null)).isInstanceOf(NullPointerException.class).hasMessage("tags[1] == null: pass only non-blank tags");
    assertThatThrownBy(() -> event.tags("good", "bad\u202Etag")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tags[1] holds the character U+202E at index 3");
    assertThatThrownBy(() -> event.tags("nul\u0000")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+0000");
    assertThatThrownBy(() -> event.tags(new String(new char[256]).replace('\u0000', 'x'))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 characters long");
    event.critical().submit();
    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();

    assertThat(acceptedEvents().get(0).get("tags")).isEqualTo(Arrays.asList("checkout", "Critical"));
  }
}
