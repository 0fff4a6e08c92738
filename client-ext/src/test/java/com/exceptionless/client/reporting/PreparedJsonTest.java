package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.exceptionless.client.model.EnvironmentInfo;
import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.StackFrame;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedJsonTest {
  private final Moshi moshi = ExceptionlessMoshi.create();
  private final JsonAdapter<Event> plain = moshi.adapter(Event.class);
  private final FrameCache frames = new FrameCache();
  private final ModuleCatalog modules = new ModuleCatalog(System.getProperty("java.class.path"));
  private final EnvironmentCollector environment = new EnvironmentCollector(true);
  private final JsonAdapter<Event> prepared = moshi.newBuilder().add(new PreparedJson(frames, modules, environment))
      .build().adapter(Event.class);
  private final ErrorConverter converter = new ErrorConverter(true, modules, frames);
  private final DataExclusions noExclusions = new DataExclusions(Collections.<String>emptyList(), Collections.<String>emptyList());

  @Test
  void writesAnErrorEventExactlyAsMoshiDoesTheFirstTimeAndFromThePreparedJsonAfterwards() {
    ErrorInfo first = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);
    ErrorInfo again = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);

    assertThat(first.getModules()).as("the class path has jars").isNotEmpty();
    assertThat(prepared.toJson(event(first))).isEqualTo(plain.toJson(event(first)));
    assertThat(prepared.toJson(event(again))).isEqualTo(plain.toJson(event(again)))
        .contains("\"modules\":[{").contains("\"stack_trace\":[{\"declaring_namespace\"");
  }

  @Test
  void writesFramesAndModulesAPluginChangedAsTheyAreNow() {
    ErrorInfo converted = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);
    prepared.toJson(event(converted));
    StackFrame top = converted.getStackTrace().get(0);
    ErrorInfo changed = converted.toBuilder()
        .stackTrace(Collections.singletonList(top.toBuilder().name("renamedByAPlugin").build()))
        .modules(converted.getModules().subList(1, converted.getModules().size()))
        .build();

    String json = prepared.toJson(event(changed));

    assertThat(json).isEqualTo(plain.toJson(event(changed))).contains("renamedByAPlugin");
  }

  @Test
  void keepsOneFrameObjectPerStackTraceElement() {
    StackTraceElement element = new StackTraceElement("com.acme.orders.OrderService", "place", "OrderService.java", 42);

    StackFrame frame = frames.frame(element);

    assertThat(frames.frame(new StackTraceElement("com.acme.orders.OrderService", "place", "OrderService.java", 42)))
        .isSameAs(frame);
    assertThat(frame.getDeclaringNamespace()).isEqualTo("com.acme.orders");
    assertThat(frame.getDeclaringType()).isEqualTo("OrderService");
    StackFrame madeElsewhere = frame.toBuilder().build();
    frames.json(frame, okio.ByteString.encodeUtf8("{}"));
    frames.json(madeElsewhere, okio.ByteString.encodeUtf8("{}"));
    assertThat(frames.json(frame)).isNotNull();
    assertThat(frames.json(madeElsewhere)).as("an equal frame made elsewhere is not the cache's").isNull();
  }

  @Test
  void writesTheEnvironmentExactlyAsMoshiDoesWhetherTheCollectorMadeItOrAPluginChangedIt() {
    EnvironmentInfo first = environment.snapshot("1", "main");
    EnvironmentInfo again = environment.snapshot("1", "main");
    EnvironmentInfo otherThread = environment.snapshot("7", "worker-7");
    EnvironmentInfo changed = first.toBuilder().threadName("renamed").build();

    assertThat(again).as("one instance per thread and memory reading").isSameAs(first);
    for (EnvironmentInfo info : java.util.Arrays.asList(first, again, otherThread, changed)) {
      assertThat(prepared.toJson(event(info))).isEqualTo(plain.toJson(event(info)));
    }
    assertThat(prepared.toJson(event(changed))).contains("\"thread_name\":\"renamed\"");
    assertThat(prepared.toJson(event(otherThread))).contains("\"thread_name\":\"worker-7\"");
  }

  @Test
  void writesDatesExactlyAsTheClientsAdapterDoes() {
    java.util.Random random = new java.util.Random(13);
    int[] nanos = {0, 1, 10, 100_000, 1_000_000, 120_000_000, 999_999_999, 401_479_402};
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextInt(4) == 0 ? random.nextLong() % 400_000_000_000L : 1_796_000_000L + random.nextInt(100);
      int nano = i % 2 == 0 ? nanos[random.nextInt(nanos.length)] : random.nextInt(1_000_000_000);
      ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60) - 18 * 60) * 60
          + (random.nextInt(10) == 0 ? random.nextInt(60) : 0));
      OffsetDateTime date = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second, nano), offset);
      Event event = Event.builder().type("log").date(date).build();

      assertThat(prepared.toJson(event)).as("%s", date).isEqualTo(plain.toJson(event))
          .isEqualTo("{\"date\":\"" + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date)
              + "\",\"type\":\"log\"}");
    }
    assertThat(prepared.toString()).as("the event is written by the prepared adapter").contains(".prepared()");
  }

  @Test
  void writesEveryFieldOfAnEventAsMoshiDoes() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@level", "warn");
    data.put("when", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6_000, ZoneOffset.ofHours(2)));
    data.put("@environment", environment.snapshot("3", "pool-1-thread-3"));
    Event full = Event.builder().type("log").source("com.acme.Orders").date(OffsetDateTime.now()).tags(
        new java.util.LinkedHashSet<>(java.util.Arrays.asList("b", "a"))).message("Order \"42\" \u2028 placed")
        .geo("51.5,-0.12").value(12.5).count(3).data(data).referenceId("ref-1").build();

    assertThat(prepared.toJson(full)).isEqualTo(plain.toJson(full)).contains("\"reference_id\":\"ref-1\"");
    assertThat(prepared.toJson(Event.builder().build())).isEqualTo(plain.toJson(Event.builder().build()));
  }

  private static Event event(EnvironmentInfo environment) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@environment", environment);
    return Event.builder().type("error").data(data).build();
  }

  private static Event event(ErrorInfo error) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@error", error);
    return Event.builder().type("error").message(error.getMessage())
        .date(OffsetDateTime.of(2026, 12, 5, 2, 30, 0, 0, ZoneOffset.UTC)).data(data).build();
  }
}
