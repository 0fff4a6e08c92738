package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * One event the server accepted, exactly as sent (parsed into unmodifiable maps, lists, strings, doubles and
 * booleans), with the project it was stored under; immutable and thread-safe.
 */
public final class ReceivedEvent {
  private final String projectId;
  private final Map<String, Object> json;
  private final Instant receivedAt;

  ReceivedEvent(String projectId, Map<String, Object> json, Instant receivedAt) {
    this.projectId = projectId;
    this.json = json;
    this.receivedAt = receivedAt;
  }

  /** Returns the id of the project the event was submitted to. */
  public String projectId() {
    return projectId;
  }

  /** Returns the event object with its keys exactly as sent; the server adds nothing. */
  public Map<String, Object> json() {
    return json;
  }

  /** Returns the {@code type} property when it is a string, else null. */
  public String type() {
    return string("type");
  }

  /** Returns the {@code message} property when it is a string, else null. */
  public String message() {
    return string("message");
  }

  /** Returns when the server received the event, by its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  private String string(String key) {
    Object value = json.get(key);
    return value instanceof String ? (String) value : null;
  }

  @Override
  public String toString() {
    return "ReceivedEvent{projectId=" + projectId + ", type=" + type() + ", message=" + message() + "}";
  }
}
