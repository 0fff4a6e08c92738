package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds random hostile values (nested maps, lists and arrays, cycles, NaN and infinities, huge strings, odd
 * characters, objects whose toString, iterator or getters throw, deep nesting, hostile throwables) to the event
 * builders of a real reporter, and checks that no reporter method throws and that every event either reached
 * the server as valid JSON or was counted as discarded. A failure names its seed; rerun that seed alone.
 */
class ReporterGenerativeDataTest extends ReporterTestSupport {
  private static final int EVENTS_PER_SEED = 150;

  private Random random;

  @BeforeEach
  void acceptEverything() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 20261204L})
  void randomDataNeverThrowsAndEveryEventIsAcceptedOrCounted(long seed) throws Exception {
    random = new Random(seed);
    ExceptionlessReporter reporter = started(reporter().batchSize(25));
    int submits = 0;
    for (int i = 0; i < EVENTS_PER_SEED; i++) {
      submits += submitOne(reporter);
    }

    assertThat(reporter.flush(Duration.ofSeconds(60))).as("seed %d: flushed", seed).isTrue();
    ReporterStats stats = reporter.stats();
    List<Map<String, Object>> received = acceptedEvents();

    assertThat(stats.submitted()).as("seed %d: %s", seed, stats).isEqualTo(submits)
        .isEqualTo(stats.accepted() + stats.discardedTotal() + stats.pending());
    assertThat(stats.pending()).as("seed %d: %s", seed, stats).isZero();
    assertThat((long) received.size()).as("seed %d: every accepted event arrived as valid JSON", seed).isEqualTo(stats.accepted());
    for (Map.Entry<DiscardReason, Long> discarded : stats.discarded().entrySet()) {
      if (discarded.getKey() != DiscardReason.DUPLICATE) {
        assertThat(discarded.getValue()).as("seed %d: discarded as %s", seed, discarded.getKey()).isZero();
      }
    }
  }

  /** Builds and submits one random event; returns how many events were submitted. */
  private int submitOne(ExceptionlessReporter reporter) {
    switch (random.nextInt(6)) {
      case 0:
        reporter.submitException(throwable());
        return 1;
      case 1:
        reporter.submitLog(text(), text(), LogLevel.values()[random.nextInt(LogLevel.values().length)]);
        return 1;
      case 2:
        withData(reporter.createException(throwable()).message(text())).submit();
        return 1;
      case 3:
        withData(reporter.createFeatureUsage(text())).submit();
        return 1;
      default:
        withData(reporter.createLog(text(), text(), LogLevel.INFO).source(text())).submit();
        return 1;
    }
  }

  private EventBuilder withData(EventBuilder event) {
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      event.data(key(), value(1));
    }
    return event;
  }

  private String key() {
    String key = shortText();
    return key.trim().isEmpty() || key.startsWith("@") ? "k" + key : key;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth > 3 ? 8 : 22);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextInt();
      case 2:
        return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, random.nextDouble()}[random.nextInt(4)];
      case 3:
        return random.nextBoolean() ? Float.NaN : Float.NEGATIVE_INFINITY;
      case 4:
        return text();
      case 5:
        return shortText();
      case 6:
        return new Object[] {new BigDecimal("1e400"), new BigInteger("123456789012345678901234567890"), new AtomicLong(7),
            LogLevel.WARN, 'c', (short) 3, (byte) 4, random.nextLong()}[random.nextInt(8)];
      case 7:
        return new DataSanitizerTest.ThrowingToString();
      case 8:
        return map(depth);
      case 9:
        return list(depth);
      case 10:
        return list(depth).toArray();
      case 11:
        return new double[] {Double.NaN, 1, Double.POSITIVE_INFINITY};
      case 12: {
        Map<String, Object> cyclic = map(depth);
        cyclic.put("self", cyclic);
        return cyclic;
      }
      case 13: {
        List<Object> cyclic = list(depth);
        List<Object> inner = new ArrayList<>();
        inner.add(cyclic);
        cyclic.add(inner);
        return cyclic;
      }
      case 14:
        return deep(random.nextBoolean() ? 10 + random.nextInt(20) : 100_000);
      case 15:
        return new DataSanitizerTest.ThrowingList();
      case 16:
        return new DataSanitizerTest.ThrowingMap();
      case 17:
        return new EndlessIterable();
      case 18:
        return huge();
      case 19:
        return new DataSanitizerTest.ConcurrentlyModifiedList();
      case 20: {
        Set<Object> set = new HashSet<>();
        set.add(text());
        set.add(random.nextDouble() < 0.5 ? Double.NaN : random.nextInt());
        set.add(map(depth + 1).keySet());
        return set;
      }
      default:
        return new MapWithThrowingValue();
    }
  }

  private Map<String, Object> map(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = depth == 1 && random.nextInt(8) == 0 ? 150 : random.nextInt(6);
    for (int i = 0; i < size; i++) {
      map.put(key(), value(depth + 1));
    }
    return map;
  }

  private List<Object> list(int depth) {
    List<Object> list = new ArrayList<>();
    int size = depth == 1 && random.nextInt(8) == 0 ? 150 : random.nextInt(6);
    for (int i = 0; i < size; i++) {
      list.add(value(depth + 1));
    }
    return list;
  }

  private Object deep(int levels) {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> level = root;
    for (int i = 0; i < levels; i++) {
      Map<String, Object> next = new HashMap<>();
      level.put("next", random.nextBoolean() ? next : new Object[] {next});
      level = next;
    }
    return root;
  }

  private String huge() {
    char[] chars = new char[random.nextInt(20) == 0 ? 2_000_000 : 20_000 + random.nextInt(30_000)];
    java.util.Arrays.fill(chars, (char) ('a' + random.nextInt(26)));
    return new String(chars);
  }

  /** Text, now and then huge. */
  private String text() {
    return random.nextInt(30) == 0 ? huge() : shortText();
  }

  /** Short text with odd characters: controls, bidi overrides, lone surrogates, emoji, CJK. */
  private String shortText() {
    char[] odd = {'\u0000', '\n', '\r', '\t', '\u007f', '\u202E', '\u2066', '\uD800', '\uDC00', '\uFEFF', '"', '\\', '\u4E2D', '\u00e9'};
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(20);
    for (int i = 0; i < length; i++) {
      int pick = random.nextInt(10);
      if (pick < 6) {
        text.append((char) ('a' + random.nextInt(26)));
      } else if (pick < 9) {
        text.append(odd[random.nextInt(odd.length)]);
      } else {
        text.append("\uD83D\uDE00");
      }
    }
    return text.toString();
  }

  private Throwable throwable() {
    switch (random.nextInt(5)) {
      case 0:
        return new ErrorConverterTest.HostileException();
      case 1: {
        Exception first = new Exception(text());
        Exception second = new IllegalStateException(text(), first);
        first.initCause(second);
        first.addSuppressed(second);
        second.addSuppressed(first);
        return first;
      }
      case 2:
        return new IllegalArgumentException(huge());
      case 3:
        return new OddPropertiesException(random.nextInt());
      default:
        return new RuntimeException(text(), new java.io.IOException(text()));
    }
  }

  /** An exception whose extra properties cannot go into JSON as they are. */
  public static final class OddPropertiesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int seed;

    OddPropertiesException(int seed) {
      super("odd " + seed);
      this.seed = seed;
    }

    public double getScore() {
      return seed % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
    }

    public String getHuge() {
      char[] chars = new char[1_000_000];
      java.util.Arrays.fill(chars, 'h');
      return new String(chars);
    }

    public int getCode() {
      throw new IllegalStateException("no code");
    }
  }

  /** An iterable that never ends. */
  static final class EndlessIterable implements Iterable<Object> {
    @Override
    public Iterator<Object> iterator() {
      return new Iterator<Object>() {
        private long next;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Object next() {
          return next++;
        }
      };
    }
  }

  /** A map whose entries' values throw when read. */
  static final class MapWithThrowingValue extends AbstractMap<String, Object> {
    @Override
    public Set<Entry<String, Object>> entrySet() {
      Set<Entry<String, Object>> entries = new HashSet<>();
      entries.add(new SimpleEntry<String, Object>("key", null) {
        private static final long serialVersionUID = 1L;

        @Override
        public Object getValue() {
          throw new IllegalStateException("no value");
        }
      });
      return entries;
    }
  }
}
