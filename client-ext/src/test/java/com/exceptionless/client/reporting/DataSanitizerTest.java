package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.client.json.ExceptionlessMoshi;
import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DataSanitizerTest {
  @Test
  void aMapThatContainsItselfBecomesACycleMarker() {
    Map<String, Object> map = new HashMap<>();
    List<Object> list = new ArrayList<>();
    map.put("self", map);
    map.put("list", list);
    list.add(map);
    list.add("kept");

    Map<String, Object> copy = map(new DataSanitizer().copy(map));

    assertThat(copy).containsEntry("self", "[cycle]");
    assertThat(list(copy.get("list"))).containsExactly("[cycle]", "kept");
  }

  @Test
  void theSameValueTwiceSideBySideIsNoCycle() {
    List<String> shared = Arrays.asList("a", "b");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("one", shared);
    map.put("two", shared);

    assertThat(map(new DataSanitizer().copy(map))).containsEntry("one", shared).containsEntry("two", shared);
  }

  @Test
  void dataNestedAHundredThousandDeepIsCutWithoutOverflowingTheStack() {
    Map<String, Object> maps = new HashMap<>();
    List<Object> lists = new ArrayList<>();
    Object[] arrays = new Object[1];
    Map<String, Object> map = maps;
    List<Object> list = lists;
    Object[] array = arrays;
    for (int i = 0; i < 100_000; i++) {
      Map<String, Object> nextMap = new HashMap<>();
      map.put("next", nextMap);
      map = nextMap;
      List<Object> nextList = new ArrayList<>();
      list.add(nextList);
      list = nextList;
      Object[] nextArray = new Object[1];
      array[0] = nextArray;
      array = nextArray;
    }

    Object copy = new DataSanitizer().copy(Arrays.asList(maps, lists, arrays));

    assertThat(copy.toString()).isEqualTo("[{next={next={next={next=[nested too deep]}}}}, [[[[[nested too deep]]]]], [[[[[nested too deep]]]]]]");
  }

  @Test
  void keepsTheFirstHundredEntriesOfAContainerAndCutsLongStrings() {
    Map<String, Object> big = new LinkedHashMap<>();
    for (int i = 0; i < 150; i++) {
      big.put("k" + i, i);
    }
    char[] chars = new char[DataSanitizer.MAX_STRING_LENGTH + 10];
    Arrays.fill(chars, 'x');
    chars[DataSanitizer.MAX_STRING_LENGTH - 2] = '\uD83D';
    chars[DataSanitizer.MAX_STRING_LENGTH - 1] = '\uDE00';

    Map<String, Object> copy = map(new DataSanitizer().copy(big));
    List<Object> list = list(new DataSanitizer().copy(new int[1000]));
    String text = (String) new DataSanitizer().copy(new String(chars));

    assertThat(copy).hasSize(DataSanitizer.MAX_ENTRIES + 1).containsEntry("[cut]", "more than 100 entries");
    assertThat(list).hasSize(DataSanitizer.MAX_ENTRIES + 1).endsWith("[cut]");
    assertThat(text).hasSizeLessThanOrEqualTo(DataSanitizer.MAX_STRING_LENGTH).endsWith("x\u2026");
  }

  @Test
  void oneEventsDataShareABudget() {
    DataSanitizer sanitizer = new DataSanitizer();
    char[] chars = new char[DataSanitizer.MAX_STRING_LENGTH];
    Arrays.fill(chars, 'y');
    String large = new String(chars);
    List<Object> copies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      copies.add(sanitizer.copy(Collections.singletonMap("text", large)));
    }

    assertThat(copies.get(0)).isEqualTo(Collections.singletonMap("text", large));
    assertThat(copies.get(4)).isEqualTo("[size limit]");
    int total = 0;
    for (Object copy : copies) {
      total += copy.toString().length();
    }
    assertThat(total).isLessThan(DataSanitizer.BUDGET + 100);
    assertThat(map(copies.get(3)).get("text").toString()).endsWith("y\u2026");
  }

  @Test
  void nanAndInfinitiesBecomeTextEvenInsideContainers() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("nan", Double.NaN);
    map.put("up", Float.POSITIVE_INFINITY);
    map.put("down", new double[] {Double.NEGATIVE_INFINITY, 1.5});
    map.put("boxed", new Object[] {Float.NaN, 2});
    map.put("exact", new BigDecimal("1.00000000000000000001"));

    Map<String, Object> copy = map(new DataSanitizer().copy(map));

    assertThat(copy).containsEntry("nan", "NaN").containsEntry("up", "Infinity")
        .containsEntry("down", Arrays.asList("-Infinity", 1.5)).containsEntry("boxed", Arrays.asList("NaN", 2))
        .containsEntry("exact", "1.00000000000000000001");
    assertThat(ExceptionlessMoshi.create().adapter(Object.class).toJson(copy)).doesNotContain(":NaN");
  }

  @Test
  void throwingToStringIteratorAndEntrySetBecomeMarkersNamingTheException() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("toString", new ThrowingToString());
    map.put("recursiveToString", new RecursiveToString());
    map.put("iterator", new ThrowingList());
    map.put("entrySet", new ThrowingMap());
    map.put(null, "null key");

    Map<String, Object> copy = map(new DataSanitizer().copy(map));

    assertThat(copy).containsEntry("toString", "[toString() threw java.lang.IllegalStateException]")
        .containsEntry("recursiveToString", "[toString() threw java.lang.StackOverflowError]")
        .containsEntry("iterator", "[iterator() threw java.lang.UnsupportedOperationException]")
        .containsEntry("entrySet", "[entrySet() threw java.lang.IllegalStateException]")
        .containsEntry("null", "null key");
    assertThat(new DataSanitizer().copy(Collections.singletonMap(new ThrowingToString(), 1)))
        .isEqualTo(Collections.singletonMap("[toString() threw java.lang.IllegalStateException]", 1));
  }

  @Test
  void aCollectionChangedWhileItIsCopiedBecomesAMarker() throws Exception {
    List<Object> changing = Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 50; i++) {
      changing.add(i);
    }
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer = new Thread(() -> {
      while (!stop.get()) {
        changing.add(0);
        changing.remove(changing.size() - 1);
      }
    });
    writer.start();
    List<Object> copies = new ArrayList<>();
    try {
      for (int i = 0; i < 2000; i++) {
        copies.add(new DataSanitizer().copy(changing));
      }
    } finally {
      stop.set(true);
      writer.join();
    }

    for (Object copy : copies) {
      assertThat(copy).satisfiesAnyOf(c -> assertThat(c).isInstanceOf(List.class),
          c -> assertThat(c).isEqualTo("[iterator() threw java.util.ConcurrentModificationException]"));
    }
    assertThat(new DataSanitizer().copy(new ConcurrentlyModifiedList()))
        .isEqualTo("[iterator() threw java.util.ConcurrentModificationException]");
  }

  @Test
  void theCopyIsTakenAtOnce() {
    Map<String, Object> map = new HashMap<>();
    List<Object> items = new ArrayList<>(Arrays.asList(1, 2));
    map.put("items", items);

    Object copy = new DataSanitizer().copy(map);
    items.add(3);
    map.put("later", true);

    assertThat(copy).isEqualTo(Collections.singletonMap("items", Arrays.asList(1, 2)));
  }

  static final class ThrowingToString {
    @Override
    public String toString() {
      throw new IllegalStateException("no text");
    }
  }

  static final class RecursiveToString {
    @Override
    public String toString() {
      return "x" + this;
    }
  }

  static final class ThrowingList extends AbstractList<Object> {
    @Override
    public Object get(int index) {
      throw new IndexOutOfBoundsException();
    }

    @Override
    public int size() {
      throw new IllegalStateException("no size");
    }

    @Override
    public Iterator<Object> iterator() {
      throw new UnsupportedOperationException("no iterator");
    }
  }

  static final class ThrowingMap extends AbstractMap<Object, Object> {
    @Override
    public Set<Entry<Object, Object>> entrySet() {
      throw new IllegalStateException("no entries");
    }
  }

  static final class ConcurrentlyModifiedList extends AbstractList<Object> {
    @Override
    public Object get(int index) {
      throw new ConcurrentModificationException();
    }

    @Override
    public int size() {
      return 3;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
