package com.exceptionless.client.reporting;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a value given as extended data into plain JSON values (maps with string keys, lists, strings, finite
 * numbers, booleans), on the caller's thread, so that whatever the value is, the copy can be serialized and
 * later changes by the caller do not show. It never throws (only {@link VirtualMachineError}s other than a
 * stack overflow pass through) and never recurses deeper than {@link #MAX_DEPTH}:
 *
 * <ul>
 *   <li>Maps, collections, other iterables and arrays are copied up to {@value #MAX_DEPTH} levels; a container
 *       nested deeper becomes {@value #DEPTH_MARKER}, and one that contains itself (found by identity along the
 *       path) becomes {@value #CYCLE_MARKER}.</li>
 *   <li>A container keeps its first {@value #MAX_ENTRIES} entries; the rest are replaced by one entry
 *       {@value #CUT_MARKER} (a list element, or a map key with the count of entries left out).</li>
 *   <li>Strings (and map keys, cut at {@value #MAX_KEY_LENGTH}) are cut at {@value #MAX_STRING_LENGTH}
 *       characters. One builder's data share a budget of {@value #BUDGET} characters: a string is cut to what is
 *       left of it, and once it is spent, further values become {@value #SIZE_MARKER}.</li>
 *   <li>{@code NaN} and infinite {@code double}/{@code float} values, which JSON cannot hold, become the strings
 *       {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. Numbers other than the boxed primitives (for
 *       example {@code BigDecimal}) become their text; enums their name.</li>
 *   <li>Other objects become their {@code toString()}. A {@code toString()}, iterator or {@code entrySet()} that
 *       throws (including {@link java.util.ConcurrentModificationException} when another thread changes the value
 *       while it is copied) is replaced by {@code "[<what> threw <exception class>]"}.</li>
 * </ul>
 * Not thread-safe: one instance serves one event builder.
 */
final class DataSanitizer {
  /** How many levels of containers are kept. */
  static final int MAX_DEPTH = 5;
  /** How many entries of one map, collection or array are kept. */
  static final int MAX_ENTRIES = 100;
  /** The longest string kept. */
  static final int MAX_STRING_LENGTH = 10_000;
  /** The longest map key kept. */
  static final int MAX_KEY_LENGTH = 255;
  /** The characters (strings, keys, about 8 per other value) one event's data may hold. */
  static final int BUDGET = 32_000;

  static final String CYCLE_MARKER = "[cycle]";
  static final String DEPTH_MARKER = "[nested too deep]";
  static final String CUT_MARKER = "[cut]";
  static final String SIZE_MARKER = "[size limit]";

  private static final int SCALAR_COST = 8;
  private static final int MIN_CUT = 16;

  /** The containers being copied, from the outermost in; made on the first container, so scalars stay cheap. */
  private IdentityHashMap<Object, Boolean> path;
  private int budget;

  DataSanitizer() {
    this(BUDGET);
  }

  DataSanitizer(int budget) {
    this.budget = budget;
  }

  /** Returns a plain copy of {@code value}, starting at depth 1. */
  Object copy(Object value) {
    try {
      return copy(value, 1);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return threw("copying", e);
    } finally {
      if (path != null) {
        path.clear();
      }
    }
  }

  /** Returns what a number or other scalar becomes, or {@code value} itself when it is already plain. */
  static Object scalar(Object value) {
    if (value instanceof Double) {
      return finite((Double) value);
    }
    if (value instanceof Float) {
      return finite(((Float) value).doubleValue());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof Boolean || value instanceof String) {
      return value;
    }
    if (value instanceof Enum) {
      return ((Enum<?>) value).name();
    }
    return null;
  }

  private static Object finite(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return value;
  }

  private Object copy(Object value, int depth) {
    if (value == null) {
      return null;
    }
    if (budget <= 0) {
      return SIZE_MARKER;
    }
    if (value instanceof String) {
      return spend(cut((String) value, MAX_STRING_LENGTH));
    }
    Object scalar = scalar(value);
    if (scalar != null) {
      budget -= SCALAR_COST;
      return scalar;
    }
    boolean container = value instanceof Map || value instanceof Iterable || value.getClass().isArray();
    if (!container) {
      return spend(text(value));
    }
    if (path == null) {
      path = new IdentityHashMap<>();
    } else if (path.containsKey(value)) {
      budget -= SCALAR_COST;
      return CYCLE_MARKER;
    }
    if (depth > MAX_DEPTH) {
      budget -= SCALAR_COST;
      return DEPTH_MARKER;
    }
    path.put(value, Boolean.TRUE);
    try {
      if (value instanceof Map) {
        return copyMap((Map<?, ?>) value, depth);
      }
      if (value instanceof Iterable) {
        return copyIterable((Iterable<?>) value, depth);
      }
      return copyArray(value, depth);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return threw(value instanceof Map ? "entrySet()" : "iterator()", e);
    } finally {
      path.remove(value);
    }
  }

  private Map<String, Object> copyMap(Map<?, ?> map, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    int count = 0;
    Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<?, ?> entry = entries.next();
      if (count == MAX_ENTRIES || budget <= 0) {
        copy.put(CUT_MARKER, (count == MAX_ENTRIES ? "more than " + MAX_ENTRIES + " entries" : SIZE_MARKER));
        break;
      }
      String key = spend(cut(entry.getKey() instanceof String ? (String) entry.getKey() : text(entry.getKey()), MAX_KEY_LENGTH));
      copy.put(key, copy(entry.getValue(), depth + 1));
      count++;
    }
    return copy;
  }

  private List<Object> copyIterable(Iterable<?> items, int depth) {
    List<Object> copy = new ArrayList<>();
    Iterator<?> iterator = items.iterator();
    while (iterator.hasNext()) {
      if (copy.size() == MAX_ENTRIES || budget <= 0) {
        copy.add(CUT_MARKER);
        break;
      }
      copy.add(copy(iterator.next(), depth + 1));
    }
    return copy;
  }

  private List<Object> copyArray(Object array, int depth) {
    int length = Array.getLength(array);
    List<Object> copy = new ArrayList<>(Math.min(length, MAX_ENTRIES + 1));
    for (int i = 0; i < length; i++) {
      if (i == MAX_ENTRIES || budget <= 0) {
        copy.add(CUT_MARKER);
        break;
      }
      copy.add(copy(Array.get(array, i), depth + 1));
    }
    return copy;
  }

  /** Cuts the text to what is left of the budget (a marker when little is left), and spends it. */
  private String spend(String text) {
    if (text.length() > budget) {
      if (budget < MIN_CUT) {
        budget = 0;
        return SIZE_MARKER;
      }
      text = cut(text, budget);
    }
    budget -= text.length();
    return text;
  }

  /** The value's {@code toString()}, or a marker naming what it threw; never null. */
  static String text(Object value) {
    if (value == null) {
      return "null";
    }
    try {
      String text = value.toString();
      return text != null ? cut(text, MAX_STRING_LENGTH) : "null";
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return threw("toString()", e);
    }
  }

  /** Out of memory and similar are not the value's fault and must reach the application; a stack overflow is. */
  static void rethrowIfFatal(Throwable e) {
    if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
      throw (VirtualMachineError) e;
    }
  }

  static String threw(String what, Throwable e) {
    return "[" + what + " threw " + e.getClass().getName() + "]";
  }

  /** Checks a key of extended data (in event builders, in scopes and in the reporter's defaults) and cuts it to its limit. */
  static String dataKey(String key) {
    if (key == null || key.trim().isEmpty()) {
      throw new IllegalArgumentException("data key is blank");
    }
    if (key.startsWith("@")) {
      throw new IllegalArgumentException("data key " + key + " starts with @, which is reserved for known data");
    }
    return cut(key, MAX_KEY_LENGTH);
  }

  /** Cuts to {@code max} characters, the last being an ellipsis, without splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }
}
