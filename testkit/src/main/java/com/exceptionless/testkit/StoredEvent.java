package com.exceptionless.testkit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event after processing, as the server stores it (the PersistentEvent shape: ids, stack, first-occurrence
 * flag, created_utc and the submitted fields, unknown root properties folded into {@code data}); immutable.
 */
final class StoredEvent {
  /** How the server writes {@code date}: seven fractional digits and a {@code +00:00}-style offset. */
  static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx");

  final String id;
  final String organizationId;
  final String projectId;
  final String stackId;
  final boolean firstOccurrence;
  final Instant createdUtc;
  final ProcessedEvent event;

  StoredEvent(String id, String organizationId, String projectId, String stackId, boolean firstOccurrence,
      Instant createdUtc, ProcessedEvent event) {
    this.id = id;
    this.organizationId = organizationId;
    this.projectId = projectId;
    this.stackId = stackId;
    this.firstOccurrence = firstOccurrence;
    this.createdUtc = createdUtc;
    this.event = event;
  }

  OffsetDateTime date() {
    return event.date;
  }

  String type() {
    return event.type;
  }

  String message() {
    return event.message;
  }

  String referenceId() {
    return event.referenceId;
  }

  /** The session this event belongs to: its reference id for session events, else {@code @ref:session}. */
  String sessionId() {
    if ("session".equals(event.type) || "sessionend".equals(event.type) || "heartbeat".equals(event.type)) {
      return event.referenceId;
    }
    Object ref = event.data.get("@ref:session");
    return ref instanceof String ? (String) ref : null;
  }

  /** The {@code @user} identity, or null. */
  String userIdentity() {
    Object user = event.data.get("@user");
    if (user instanceof Map) {
      Object identity = ((Map<?, ?>) user).get("identity");
      return identity instanceof String ? (String) identity : null;
    }
    return null;
  }

  /** Returns a copy with one data entry set. */
  StoredEvent withData(String key, Object value) {
    Map<String, Object> data = new LinkedHashMap<String, Object>(event.data);
    data.put(key, value);
    return new StoredEvent(id, organizationId, projectId, stackId, firstOccurrence, createdUtc,
        event.withData(Collections.unmodifiableMap(data)));
  }

  /** The PersistentEvent JSON object. */
  Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", id);
    view.put("organization_id", organizationId);
    view.put("project_id", projectId);
    view.put("stack_id", stackId);
    view.put("is_first_occurrence", firstOccurrence);
    view.put("created_utc", UtcTimestamps.format(createdUtc));
    view.put("type", event.type);
    view.put("source", event.source);
    view.put("date", DATE_FORMAT.format(event.date));
    view.put("tags", event.tags.isEmpty() ? null : event.tags);
    view.put("message", event.message);
    view.put("geo", event.geo);
    view.put("value", event.value);
    view.put("count", event.count);
    view.put("data", event.data.isEmpty() ? null : event.data);
    view.put("reference_id", event.referenceId);
    view.values().removeIf(java.util.Objects::isNull);
    return Collections.unmodifiableMap(view);
  }
}
