package com.exceptionless.testkit;

import java.time.Instant;

/** One GET events/session/heartbeat the server answered with 200: project, session id, close flag; immutable. */
public final class SessionHeartbeat {
  private final String projectId;
  private final String sessionId;
  private final boolean close;
  private final Instant receivedAt;

  SessionHeartbeat(String projectId, String sessionId, boolean close, Instant receivedAt) {
    this.projectId = projectId;
    this.sessionId = sessionId;
    this.close = close;
    this.receivedAt = receivedAt;
  }

  /** Returns the id of the project of the API key that sent it. */
  public String projectId() {
    return projectId;
  }

  /** Returns the {@code id} parameter: the session id, or the user identity. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns whether {@code close=true} was sent, ending the session. */
  public boolean close() {
    return close;
  }

  /** Returns when the server received it, by its clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  @Override
  public String toString() {
    return "SessionHeartbeat{projectId=" + projectId + ", sessionId=" + sessionId + ", close=" + close + "}";
  }
}
