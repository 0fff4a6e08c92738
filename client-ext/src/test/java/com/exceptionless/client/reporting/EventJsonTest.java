package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.client.json.ExceptionlessMoshi;
import com.exceptionless.client.model.EnvironmentInfo;
import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.RequestInfo;
import com.exceptionless.client.model.StackFrame;
import com.exceptionless.client.model.TokenScope;
import com.exceptionless.client.model.UserInfo;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private final Moshi moshi = ExceptionlessMoshi.create();
  private final JsonAdapter<Event> plain = moshi.adapter(Event.class);
  private final FrameCache frames = new FrameCache();
  private final ModuleCatalog modules = new ModuleCatalog(System.getProperty("java.class.path"));
  private final EnvironmentCollector environment = new EnvironmentCollector(true);
  private final EventJson json = new EventJson(moshi, frames, modules, environment);
  private final JsonBytes out = new JsonBytes(EventWriter.MAX_EVENT_BYTES);
  private final ErrorConverter converter = new ErrorConverter(true, modules, frames);
  private final DataExclusions noExclusions = new DataExclusions(Collections.<String>emptyList(), Collections.<String>emptyList());

  @Test
  void writesAnErrorEventExactlyAsMoshiDoesTheFirstTimeAndFromThePreparedJsonAfterwards() throws IOException {
    ErrorInfo first = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);
    ErrorInfo again = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);

    assertThat(first.getModules()).as("the class path has jars").isNotEmpty();
    assertSameAsMoshi(event(first));
    assertThat(assertSameAsMoshi(event(again))).contains("\"modules\":[{")
        .contains("\"stack_trace\":[{\"declaring_namespace\"");
    assertThat(frames.json(again.getStackTrace().get(0))).as("the frame's JSON was kept").isNotNull();
  }

  @Test
  void writesFramesAndModulesAPluginChangedAsTheyAreNow() throws IOException {
    ErrorInfo converted = converter.convert(ErrorConverterTest.threeLevels(), noExclusions);
    assertSameAsMoshi(event(converted));
    StackFrame top = converted.getStackTrace().get(0);
    ErrorInfo changed = converted.toBuilder()
        .stackTrace(Collections.singletonList(top.toBuilder().name("renamedByAPlugin").build()))
        .modules(converted.getModules().subList(1, converted.getModules().size()))
        .build();

    assertThat(assertSameAsMoshi(event(changed))).contains("renamedByAPlugin");
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
    frames.json(frame, new byte[] {'{', '}'});
    frames.json(madeElsewhere, new byte[] {'{', '}'});
    assertThat(frames.json(frame)).isNotNull();
    assertThat(frames.json(madeElsewhere)).as("an equal frame made elsewhere is not the cache's").isNull();
  }

  @Test
  void writesTheEnvironmentExactlyAsMoshiDoesWhetherTheCollectorMadeItOrAPluginChangedIt() throws IOException {
    EnvironmentInfo first = environment.snapshot("1", "main");
    EnvironmentInfo again = environment.snapshot("1", "main");
    EnvironmentInfo otherThread = environment.snapshot("7", "worker-7");
    EnvironmentInfo changed = first.toBuilder().threadName("renamed").build();

    assertThat(again).as("one instance per thread and memory reading").isSameAs(first);
    for (EnvironmentInfo info : Arrays.asList(first, again, otherThread, changed)) {
      assertSameAsMoshi(event(info));
    }
    assertThat(environment.json(first)).as("the collector keeps the JSON of what it made").isNotNull();
    assertThat(environment.json(changed)).isNull();
    assertThat(assertSameAsMoshi(event(changed))).contains("\"thread_name\":\"renamed\"");
    assertThat(assertSameAsMoshi(event(otherThread))).contains("\"thread_name\":\"worker-7\"");
  }

  @Test
  void writesDatesExactlyAsTheClientsAdapterDoes() throws IOException {
    Random random = new Random(13);
    int[] nanos = {0, 1, 10, 100_000, 1_000_000, 120_000_000, 999_999_999, 401_479_402};
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextInt(4) == 0 ? random.nextLong() % 400_000_000_000L : 1_796_000_000L + random.nextInt(100);
      int nano = i % 2 == 0 ? nanos[random.nextInt(nanos.length)] : random.nextInt(1_000_000_000);
      ZoneOffset offset = random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60) - 18 * 60) * 60
          + (random.nextInt(10) == 0 ? random.nextInt(60) : 0));
      OffsetDateTime date = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(second, nano), offset);
      Event event = Event.builder().type("log").date(date).build();

      assertThat(assertSameAsMoshi(event)).as("%s", date)
          .isEqualTo("{\"date\":\"" + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date)
              + "\",\"type\":\"log\"}");
    }
  }

  @Test
  void writesEveryFieldOfAnEventAsMoshiDoes() throws IOException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@level", "warn");
    data.put("when", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6_000, ZoneOffset.ofHours(2)));
    data.put("@environment", environment.snapshot("3", "pool-1-thread-3"));
    Event full = Event.builder().type("log").source("com.acme.Orders").date(OffsetDateTime.now()).tags(
        new LinkedHashSet<>(Arrays.asList("b", "a"))).message("Order \"42\" \u2028 placed")
        .geo("51.5,-0.12").value(12.5).count(3).data(data).referenceId("ref-1").build();

    assertThat(assertSameAsMoshi(full)).contains("\"reference_id\":\"ref-1\"");
    assertThat(assertSameAsMoshi(Event.builder().build())).isEqualTo("{}");
  }

  @Test
  void writesAnyTextAsMoshiDoesEscapesUnicodeAndUnpairedSurrogatesIncluded() throws IOException {
    Random random = new Random(7);
    char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u0001', '\u001f',
        '\u007f', '\u0080', '\u00e9', '\u00ff', '\u0100', '\u07ff', '\u0800', '\u20ac', '\u2028', '\u2029', '\ufeff',
        '\uffff', '\ud83d', '\ude00', '\udbff', '\udc00'};
    for (int i = 0; i < 2_000; i++) {
      String text = text(random, alphabet, random.nextInt(40));
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put(text(random, alphabet, 6), Arrays.asList(text, null, text(random, alphabet, 3)));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put(text, text);
      data.put("nested", nested);
      Event event = Event.builder().type("log").message(text).source(text(random, alphabet, 12))
          .tags(new LinkedHashSet<>(Arrays.asList(text, "tag"))).data(data).build();

      assertSameAsMoshi(event);
    }
  }

  @Test
  void writesNumbersOfEveryKindWithTheirTypeAsMoshiDoes() throws IOException {
    List<Object> numbers = Arrays.<Object>asList(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        999_999_999_999_999_999L, 1_000_000_000_000_000_000L, (short) -7, (byte) 5, 0.0, -0.0, 1.5, 1e300, 4.9e-324,
        1.1f, -3.25f, new BigDecimal("12345678901234567890.000001"), new BigDecimal("1E+3"),
        new BigInteger("123456789012345678901234567890"), new AtomicLong(42), true, false);
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < numbers.size(); i++) {
      data.put("n" + i, numbers.get(i));
    }
    data.put("all", numbers);

    assertThat(assertSameAsMoshi(Event.builder().type("log").value(-2.5).count(-3).data(data).build()))
        .contains("\"n4\":9223372036854775807").contains("\"n15\":1.100000023841858");
  }

  @Test
  void leavesOutNullValuesOfObjectsAndKeepsNullElementsOfArraysAsMoshiDoes() throws IOException {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("gone", null);
    inner.put("kept", "x");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("nothing", null);
    data.put("inner", inner);
    data.put("list", Arrays.asList(null, "a", null, Collections.emptyMap(), Collections.emptyList(), new Object()));
    data.put("empty", new LinkedHashMap<>());
    Event event = Event.builder().type("log").tags(new LinkedHashSet<>(Arrays.asList("a", null))).data(data).build();

    assertThat(assertSameAsMoshi(event)).contains("\"inner\":{\"kept\":\"x\"}")
        .contains("[null,\"a\",null,{},[],{}]");
  }

  @Test
  void writesOtherModelsAndObjectsOfOtherTypesAsMoshiDoes() throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Accept", Arrays.asList("text/html", "application/json"));
    headers.put("X-Empty", Collections.<String>emptyList());
    Map<String, Object> postData = new LinkedHashMap<>();
    postData.put("quantity", 3L);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@request", RequestInfo.builder().httpMethod("POST").path("/orders").port(8080).isSecure(true)
        .headers(headers).cookies(Collections.singletonMap("theme", "dark")).postData(postData)
        .queryString(Collections.singletonMap("q", "\u00e9t\u00e9")).build());
    data.put("@user", UserInfo.builder().identity("ada@example.com").name("Ada").build());
    data.put("scope", TokenScope.CLIENT);
    data.put("plain", new PlainObject("widget", 2));

    assertThat(assertSameAsMoshi(Event.builder().type("error").data(data).build()))
        .contains("\"scope\":\"client\"").contains("\"plain\":{\"count\":2,\"name\":\"widget\"}");
  }

  @Test
  void refusesWhatMoshiRefuses() {
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("self", cycle);
    Map<String, List<String>> nullKey = new LinkedHashMap<>();
    nullKey.put(null, Collections.singletonList("x"));
    List<Map<String, Object>> refused = Arrays.asList(
        Collections.<String, Object>singletonMap("nan", Double.NaN),
        Collections.<String, Object>singletonMap("infinite", Float.POSITIVE_INFINITY),
        Collections.<String, Object>singletonMap("nan", new BigDecimalLike("NaN")),
        Collections.<String, Object>singletonMap("platform", UUID.randomUUID()),
        Collections.<String, Object>singletonMap("@request", RequestInfo.builder().headers(nullKey).build()),
        cycle);
    for (Map<String, Object> data : refused) {
      Event event = Event.builder().type("log").data(data).build();
      assertThatThrownBy(() -> plain.toJson(event)).as("Moshi refuses %s", data.keySet());
      assertThatThrownBy(() -> json.write(event, out)).as("refuses %s", data.keySet())
          .isNotInstanceOf(JsonBytes.TooLarge.class);
    }
    assertThatThrownBy(() -> plain.toJson(Event.builder().value(Double.NaN).build()));
    assertThatThrownBy(() -> json.write(Event.builder().value(Double.NaN).build(), out))
        .hasMessageContaining("must be finite");
  }

  @Test
  void writesNestingMoshiAcceptsAndRefusesDeeperNesting() throws IOException {
    assertSameAsMoshi(Event.builder().data(Collections.singletonMap("deep", nested(250))).build());

    Event tooDeep = Event.builder().data(Collections.singletonMap("deep", nested(300))).build();
    assertThatThrownBy(() -> plain.toJson(tooDeep));
    assertThatThrownBy(() -> json.write(tooDeep, out)).hasMessageContaining("Nesting too deep");
  }

  @Test
  void stopsADocumentPastTheSizeLimitAndWritesTheNextOne() throws IOException {
    JsonBytes small = new JsonBytes(100_000);
    char[] huge = new char[5_000_000];
    Arrays.fill(huge, 'x');
    Event event = Event.builder().type("log").message(new String(huge)).build();

    assertThatThrownBy(() -> json.write(event, small)).isInstanceOf(JsonBytes.TooLarge.class);
    assertThat(json.write(Event.builder().type("log").message("fits").build(), small))
        .isEqualTo("{\"message\":\"fits\",\"type\":\"log\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void writesEveryGeneratedModelWithEveryFieldSetExactlyAsMoshiDoes() throws Exception {
    List<Class<?>> models = generatedModels();
    assertThat(models).as("the generated models are found").contains(ErrorInfo.class, RequestInfo.class, TokenScope.class)
        .hasSizeGreaterThan(30);
    for (Class<?> model : models) {
      if (model.isEnum()) {
        continue;
      }
      Object populated = populated(model, 0);
      Event event = Event.builder().type("log").data(Collections.singletonMap("model", populated)).build();

      assertThat(assertSameAsMoshi(event)).as("%s", model.getSimpleName()).contains("\"model\":{\"");
    }
  }

  /** The classes of the generated model package, read from where {@code Event} was loaded (a folder or a jar). */
  private static List<Class<?>> generatedModels() throws Exception {
    String folder = Event.class.getPackage().getName().replace('.', '/') + "/";
    java.net.URL location = Event.class.getProtectionDomain().getCodeSource().getLocation();
    java.io.File source = new java.io.File(location.toURI());
    List<String> names = new ArrayList<>();
    if (source.isDirectory()) {
      for (String file : new java.io.File(source, folder).list()) {
        names.add(folder + file);
      }
    } else {
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(source)) {
        for (java.util.jar.JarEntry entry : Collections.list(jar.entries())) {
          names.add(entry.getName());
        }
      }
    }
    List<Class<?>> models = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith(folder) && name.endsWith(".class") && !name.contains("$")
          && name.indexOf('/', folder.length()) < 0 && !name.endsWith("package-info.class")) {
        models.add(Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
      }
    }
    return models;
  }

  /** An instance of a generated model with every field set (nested models to a depth of 3), through reflection. */
  private static Object populated(Class<?> model, int depth) throws Exception {
    java.lang.reflect.Constructor<?> constructor = model.getDeclaredConstructor();
    constructor.setAccessible(true);
    Object instance = constructor.newInstance();
    for (java.lang.reflect.Field field : model.getDeclaredFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
        continue;
      }
      field.setAccessible(true);
      field.set(instance, sample(field.getGenericType(), field.getName(), depth));
    }
    return instance;
  }

  private static Object sample(java.lang.reflect.Type type, String name, int depth) throws Exception {
    if (type == String.class) {
      return "v \"\u00e9\u2028 " + name;
    } else if (type == Integer.class) {
      return 7;
    } else if (type == Long.class) {
      return 1L << 40;
    } else if (type == Double.class) {
      return 2.5;
    } else if (type == Boolean.class) {
      return true;
    } else if (type == OffsetDateTime.class) {
      return OffsetDateTime.of(2026, 12, 5, 1, 2, 3, 4_000, ZoneOffset.ofHours(1));
    } else if (type == Object.class) {
      return Collections.singletonMap("free", Arrays.asList(1L, "x", null, 0.5));
    } else if (type instanceof Class && ((Class<?>) type).isEnum()) {
      return ((Class<?>) type).getEnumConstants()[0];
    } else if (type instanceof Class && ((Class<?>) type).getPackage() == Event.class.getPackage()) {
      return depth < 3 ? populated((Class<?>) type, depth + 1) : null;
    } else if (type instanceof java.lang.reflect.ParameterizedType) {
      java.lang.reflect.ParameterizedType generic = (java.lang.reflect.ParameterizedType) type;
      java.lang.reflect.Type[] arguments = generic.getActualTypeArguments();
      if (generic.getRawType() == Map.class) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key " + name, sample(arguments[1], name, depth));
        return map;
      }
      Object element = sample(arguments[0], name, depth);
      return generic.getRawType() == java.util.Set.class ? new LinkedHashSet<>(Collections.singleton(element))
          : Collections.singletonList(element);
    }
    throw new IllegalStateException("No sample for " + type + " (" + name + ")");
  }

  private String assertSameAsMoshi(Event event) throws IOException {
    Buffer expected = new Buffer();
    plain.toJson(expected, event);
    ByteString moshiBytes = expected.readByteString();
    ByteString written = ByteString.of(json.write(event, out));
    assertThat(written.utf8()).isEqualTo(moshiBytes.utf8());
    assertThat(written).as("the very bytes").isEqualTo(moshiBytes);
    return written.utf8();
  }

  private static String text(Random random, char[] alphabet, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }

  private static Object nested(int depth) {
    Object value = "bottom";
    for (int i = 0; i < depth; i++) {
      value = i % 2 == 0 ? Collections.singletonList(value) : Collections.singletonMap("k", value);
    }
    return value;
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

  /** An object of the application's own, which only Moshi's class adapter knows how to write. */
  static final class PlainObject {
    final String name;
    final int count;

    PlainObject(String name, int count) {
      this.name = name;
      this.count = count;
    }
  }

  /** A number whose text is not finite. */
  static final class BigDecimalLike extends Number {
    private static final long serialVersionUID = 1L;
    private final String text;

    BigDecimalLike(String text) {
      this.text = text;
    }

    @Override
    public int intValue() {
      return 0;
    }

    @Override
    public long longValue() {
      return 0;
    }

    @Override
    public float floatValue() {
      return Float.NaN;
    }

    @Override
    public double doubleValue() {
      return Double.NaN;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
