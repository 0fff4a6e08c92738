package com.exceptionless.client;

import com.exceptionless.client.model.CountResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Typed reading of the aggregations of a {@link CountResult}: the server names each one
 * {@code <type>_<field>}, for example {@code terms_type} for the aggregation {@code terms:type}. Stateless.
 */
public final class Aggregations {
  private Aggregations() {
  }

  /**
   * Returns the buckets of a {@code terms:<field>} aggregation.
   *
   * @param result the count result
   * @param field the field, for example {@code type}
   * @return the buckets in the server's order, or an empty list when the result has no such aggregation
   */
  public static List<Bucket> terms(CountResult result, String field) {
    Object items = aggregation(result, "terms_" + field).get("items");
    if (!(items instanceof List)) {
      return Collections.emptyList();
    }
    List<Bucket> buckets = new ArrayList<>();
    for (Object item : (List<?>) items) {
      if (item instanceof Map) {
        Map<?, ?> bucket = (Map<?, ?>) item;
        Object total = bucket.get("total");
        buckets.add(new Bucket(String.valueOf(bucket.get("key")), total instanceof Number ? ((Number) total).longValue() : 0));
      }
    }
    return Collections.unmodifiableList(buckets);
  }

  /**
   * Returns the value of a {@code cardinality:<field>} aggregation: how many distinct values the field has.
   *
   * @param result the count result
   * @param field the field, for example {@code user}
   * @return the count, or empty when the result has no such aggregation
   */
  public static OptionalLong cardinality(CountResult result, String field) {
    Object value = aggregation(result, "cardinality_" + field).get("value");
    return value instanceof Number ? OptionalLong.of(((Number) value).longValue()) : OptionalLong.empty();
  }

  private static Map<String, Object> aggregation(CountResult result, String name) {
    Objects.requireNonNull(result, "result == null");
    Map<String, Map<String, Object>> all = result.getAggregations();
    Map<String, Object> aggregation = all == null ? null : all.get(name);
    return aggregation != null ? aggregation : Collections.<String, Object>emptyMap();
  }

  /** One value of a terms aggregation and how many events have it. Immutable. */
  public static final class Bucket {
    private final String key;
    private final long total;

    Bucket(String key, long total) {
      this.key = key;
      this.total = total;
    }

    /** Returns the value, for example {@code error}. */
    public String key() {
      return key;
    }

    /** Returns how many events have it. */
    public long total() {
      return total;
    }

    @Override
    public String toString() {
      return key + "=" + total;
    }
  }
}
