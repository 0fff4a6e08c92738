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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A submitted event read on the server's terms: the Event fields, unknown root properties folded into
 * {@code data}, a missing type read as {@code log} and a missing date as the arrival time; {@link #invalidReason}
 * applies the pipeline's validation (the server drops such events silently after the 202); immutable.
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
  private final boolean dateInvalid;

  private ProcessedEvent(String type, String source, OffsetDateTime date, List<String> tags, String message,
      String geo, Number value, Number count, Map<String, Object> data, String referenceId, boolean dateInvalid) {
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
    this.dateInvalid = dateInvalid;
  }

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
    OffsetDateTime date = null;
    boolean dateInvalid = false;
    String dateText = string(json.get("date"));
    if (dateText != null) {
      try {
        date = OffsetDateTime.parse(dateText);
      } catch (DateTimeParseException e) {
        dateInvalid = true;
      }
    }
    Set<String> tags = new LinkedHashSet<String>();
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
    return new ProcessedEvent(type == null || type.trim().isEmpty() ? "log" : type.trim(),
        string(json.get("source")), date != null ? date : now.atOffset(ZoneOffset.UTC),
        Collections.unmodifiableList(new ArrayList<String>(tags)), string(json.get("message")),
        string(json.get("geo")), number(json.get("value"), false), number(json.get("count"), true),
        Collections.unmodifiableMap(data), referenceId, dateInvalid);
  }

  /** Why the server's pipeline would discard this event, or null when it is valid. */
  String invalidReason(Instant now) {
    if (type.length() > 100) {
      return "type is longer than 100 characters";
    }
    if (referenceId != null && !REFERENCE_ID.matcher(referenceId).matches()) {
      return "reference_id must be 8 to 100 letters, digits or dashes";
    }
    if (dateInvalid || date.toInstant().isAfter(now.plusSeconds(3600))) {
      return "date is unreadable or more than an hour in the future";
    }
    for (String tag : tags) {
      if (tag.trim().isEmpty() || tag.length() > 255) {
        return "a tag is empty or longer than 255 characters";
      }
    }
    return null;
  }

  ProcessedEvent withData(Map<String, Object> newData) {
    return new ProcessedEvent(type, source, date, tags, message, geo, value, count, newData, referenceId,
        dateInvalid);
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
