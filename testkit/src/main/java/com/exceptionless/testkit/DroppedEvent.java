package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Map;

/**
 * An event the server accepted with a 202 and then dropped silently, as the real server's pipeline does (older
 * than three days, a reference id already used in the project within 24 hours, a stack that is discarded, a post
 * whose batch failed to save), or a whole post that was dropped before parsing (a body that cannot be
 * decompressed or is too large decompressed: then {@link #json()} is empty); immutable and thread-safe.
 */
public final class DroppedEvent {
  private final String projectId;
  private final Map<String, Object> json;
  private final String reason;
  private final Instant droppedAt;

  DroppedEvent(String projectId, Map<String, Object> json, String reason, Instant droppedAt) {
    this.projectId = projectId;
    this.json = json;
    this.reason = reason;
    this.droppedAt = droppedAt;
  }

  /** Returns the id of the project the event was submitted to. */
  public String projectId() {
    return projectId;
  }

  /** Returns the event as parsed from the post (before any repair); empty when the whole post was dropped. */
  public Map<String, Object> json() {
    return json;
  }

  /** Returns why the server dropped it, in words, e.g. "date is more than 3 days ago". */
  public String reason() {
    return reason;
  }

  /** Returns when the server dropped it, by its clock. */
  public Instant droppedAt() {
    return droppedAt;
  }

  @Override
  public String toString() {
    return "DroppedEvent{projectId=" + projectId + ", reason=" + reason + ", json=" + json + "}";
  }
}
