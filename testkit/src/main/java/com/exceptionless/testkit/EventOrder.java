package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order of an event list and its opaque paging cursors: sorts by {@code date} (default {@code -date}),
 * {@code created_utc} (or {@code created}), {@code type}, {@code source} or {@code message}, a leading {@code -}
 * meaning descending, ties broken by id; a cursor is the sort value and id of an event, base64url-encoded;
 * immutable.
 */
final class EventOrder implements Comparator<StoredEvent> {
  private final String field;
  private final boolean descending;

  private EventOrder(String field, boolean descending) {
    this.field = field;
    this.descending = descending;
  }

  static EventOrder parse(String sort) {
    String value = sort == null ? "" : sort.trim().toLowerCase(Locale.ROOT);
    boolean descending = value.startsWith("-");
    String field = descending ? value.substring(1) : value;
    if (field.equals("created")) {
      field = "created_utc";
    }
    if (!field.equals("date") && !field.equals("created_utc") && !field.equals("type") && !field.equals("source")
        && !field.equals("message")) {
      return new EventOrder("date", true);
    }
    return new EventOrder(field, descending);
  }

  @Override
  public int compare(StoredEvent a, StoredEvent b) {
    return compareKeys(key(a), a.id, key(b), b.id);
  }

  /** Compares an event with a cursor position in this order. */
  int compareToCursor(StoredEvent event, String[] cursor) {
    return compareKeys(key(event), event.id, cursor[0], cursor[1]);
  }

  String cursorOf(StoredEvent event) {
    String raw = key(event) + "\n" + event.id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor into {sort value, id}; answers 400 when it is not one of ours. */
  static String[] decodeCursor(ApiRequest request, String name, String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int newline = raw.lastIndexOf('\n');
      if (newline >= 0) {
        return new String[] {raw.substring(0, newline), raw.substring(newline + 1)};
      }
    } catch (IllegalArgumentException ignored) {
      // answered below
    }
    throw new ApiProblemException(Problems.titled(request, 400, "Invalid " + name + " value."));
  }

  private int compareKeys(String keyA, String idA, String keyB, String idB) {
    int result = keyA.compareTo(keyB);
    if (result == 0) {
      result = idA.compareTo(idB);
    }
    return descending ? -result : result;
  }

  private String key(StoredEvent event) {
    if (field.equals("date")) {
      return instantKey(event.date().toInstant());
    }
    if (field.equals("created_utc")) {
      return instantKey(event.createdUtc);
    }
    String value = field.equals("type") ? event.type() : field.equals("source") ? event.event.source
        : event.message();
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  /** Fixed-width digits so that text order is time order (for years after about 1200). */
  private static String instantKey(Instant instant) {
    return String.format(Locale.ROOT, "%013d%09d", instant.getEpochSecond() + 30_000_000_000L, instant.getNano());
  }
}
