package com.exceptionless.testkit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A submitted event read on the server's terms: the Event fields, unknown root properties folded into
 * {@code data}, missing type and date filled in as the server's parser does; {@link #dropReason},
 * {@link #failsToSave} and {@link #repaired} apply the pipeline's date check, save validation and repairs;
 * immutable.
 */
final class ProcessedEvent {
  private static final Set<String> FIELDS = new HashSet<String>(Arrays.asList("type", "source", "date", "tags",
      "message", "geo", "value", "count", "data", "reference_id", "referenceid", "id", "organization_id",
      "project_id", "stack_id", "is_first_occurrence", "created_utc", "idx"));
  private static final Pattern REFERENCE_ID = Pattern.compile("[a-zA-Z\\d-]{8,100}");

  final String type;
  final String source;
  final OffsetDateTime date;
  final List<String> tags;
  final String message;
  final String geo;
  final Number value;
  final Number count;
  final Map<String, Object> data;
  final String referenceId;

  private ProcessedEvent(String type, String source, OffsetDateTime date, List<String> tags, String message,
      String geo, Number value, Number count, Map<String, Object> data, String referenceId) {
    this.type = type;
    this.source = source;
    this.date = date;
    this.tags = tags;
    this.message = message;
    this.geo = geo;
    this.value = value;
    this.count = count;
    this.data = data;
    this.referenceId = referenceId;
  }

  /** How far back the server accepts an event's date (001_CheckEventDateAction.cs). */
  static final java.time.Duration MAXIMUM_AGE = java.time.Duration.ofDays(3);
  /** What the server writes as reference id in place of an invalid one (006_TruncateFieldsAction.cs). */
  static final String INVALID_REFERENCE_ID = "invalid-reference-id";
  private static final int MAXIMUM_TEXT_LENGTH = 2000;
  private static final int MAXIMUM_TAG_LENGTH = 100;
  private static final int MAXIMUM_TAGS = 50;

  /**
   * Reads a parsed event as the server's parser does: a missing type is {@code error} when {@code @error} or
   * {@code @simple_error} is present, else {@code log}; a missing date is now; a posted {@code id} becomes the
   * reference id when none is given.
   */
  @SuppressWarnings("unchecked")
  static ProcessedEvent read(Map<String, Object> json, Instant now) {
    Map<String, Object> data = new LinkedHashMap<String, Object>();
    if (json.get("data") instanceof Map) {
      data.putAll((Map<String, Object>) json.get("data"));
    }
    for (Map.Entry<String, Object> entry : json.entrySet()) {
      if (!FIELDS.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
        data.put(entry.getKey(), entry.getValue());
      }
    }
    String type = string(json.get("type"));
    if (type == null || type.trim().isEmpty()) {
      type = data.containsKey("@error") || data.containsKey("@simple_error") ? "error" : "log";
    }
    OffsetDateTime date = parseDate(json.get("date"));
    List<String> tags = new ArrayList<String>();
    if (json.get("tags") instanceof List) {
      for (Object tag : (List<Object>) json.get("tags")) {
        tags.add(tag == null ? "" : tag.toString());
      }
    }
    String referenceId = string(json.get("reference_id"));
    if (referenceId == null) {
      for (Map.Entry<String, Object> entry : json.entrySet()) {
        if (entry.getKey().equalsIgnoreCase("referenceid")) {
          referenceId = string(entry.getValue());
        }
      }
    }
    String postedId = string(json.get("id"));
    if ((referenceId == null || referenceId.isEmpty()) && postedId != null && !postedId.isEmpty()) {
      referenceId = postedId;
    }
    return new ProcessedEvent(type, string(json.get("source")), date != null ? date : now.atOffset(ZoneOffset.UTC),
        Collections.unmodifiableList(tags), string(json.get("message")), string(json.get("geo")),
        number(json.get("value"), false), number(json.get("count"), true), Collections.unmodifiableMap(data),
        referenceId);
  }

  /**
   * Returns whether a {@code date} value can be read (absent, null or an ISO-8601 date and time); a post holding
   * one that cannot fails the server's JSON parser as a whole.
   */
  static boolean isReadableDate(Object value) {
    if (value == null) {
      return true;
    }
    return value instanceof String && parseDate(value) != null;
  }

  /** Why the server drops this event before processing it (a date more than 3 days ago), or null. */
  String dropReason(Instant now) {
    if (date.toInstant().isBefore(now.minus(MAXIMUM_AGE))) {
      return "date is more than 3 days ago";
    }
    return null;
  }

  /** Whether saving this event fails (and with it every event of its post): a type over 100 characters. */
  boolean failsToSave() {
    return type.length() > 100;
  }

  /**
   * Returns the event as the server repairs it: a future date becomes now (same offset), an invalid reference id
   * becomes {@code invalid-reference-id} with the original in {@code data.InvalidReferenceId}, empty or
   * over-100-character tags are removed and at most 50 kept, {@code message} and {@code source} are cut at 2,000
   * characters (empty ones become absent).
   */
  ProcessedEvent repaired(Instant now) {
    OffsetDateTime repairedDate = date;
    if (date.toInstant().isAfter(now)) {
      repairedDate = now.atOffset(date.getOffset());
    }
    Map<String, Object> repairedData = data;
    String repairedReferenceId = referenceId;
    if (referenceId != null && !REFERENCE_ID.matcher(referenceId).matches()) {
      Map<String, Object> copy = new LinkedHashMap<String, Object>(data);
      copy.put("InvalidReferenceId", referenceId);
      repairedData = Collections.unmodifiableMap(copy);
      repairedReferenceId = INVALID_REFERENCE_ID;
    }
    List<String> kept = new ArrayList<String>();
    for (String tag : tags) {
      if (!tag.isEmpty() && tag.length() <= MAXIMUM_TAG_LENGTH && !kept.contains(tag)) {
        kept.add(tag);
      }
    }
    while (kept.size() > MAXIMUM_TAGS) {
      int drop = kept.size() - 1;
      while (drop > 0 && (kept.get(drop).equalsIgnoreCase("Critical") || kept.get(drop).equalsIgnoreCase("Internal"))) {
        drop--;
      }
      kept.remove(drop);
    }
    return new ProcessedEvent(type, cut(source), repairedDate, Collections.unmodifiableList(kept), cut(message), geo,
        value, count, repairedData, repairedReferenceId);
  }

  private static String cut(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return text.length() > MAXIMUM_TEXT_LENGTH ? text.substring(0, MAXIMUM_TEXT_LENGTH) : text;
  }

  private static OffsetDateTime parseDate(Object value) {
    if (!(value instanceof String)) {
      return null;
    }
    try {
      return OffsetDateTime.parse((String) value);
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse((String) value).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  ProcessedEvent withData(Map<String, Object> newData) {
    return new ProcessedEvent(type, source, date, tags, message, geo, value, count, newData, referenceId);
  }

  private static String string(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static Number number(Object value, boolean integer) {
    if (!(value instanceof Number)) {
      return null;
    }
    return integer ? (Number) ((Number) value).longValue() : (Number) ((Number) value).doubleValue();
  }
}
