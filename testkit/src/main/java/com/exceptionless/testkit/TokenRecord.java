package com.exceptionless.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An immutable stored token (API key or login token); its toString never prints the token id. */
final class TokenRecord {
  /** Access tokens are API keys ("Token" auth); authentication tokens come from login ("User" auth). */
  enum Type { ACCESS, AUTHENTICATION }

  final String id;
  final Type type;
  final String organizationId;
  final String projectId;
  final String defaultProjectId;
  final String userId;
  final List<String> scopes;
  final Instant expiresUtc;
  final String notes;
  final boolean disabled;
  final boolean suspended;
  final Instant createdUtc;
  final Instant updatedUtc;

  TokenRecord(String id, Type type, String organizationId, String projectId, String defaultProjectId,
      String userId, List<String> scopes, Instant expiresUtc, String notes, boolean disabled,
      boolean suspended, Instant createdUtc, Instant updatedUtc) {
    this.id = id;
    this.type = type;
    this.organizationId = organizationId;
    this.projectId = projectId;
    this.defaultProjectId = defaultProjectId;
    this.userId = userId;
    this.scopes = Collections.unmodifiableList(new ArrayList<String>(scopes));
    this.expiresUtc = expiresUtc;
    this.notes = notes;
    this.disabled = disabled;
    this.suspended = suspended;
    this.createdUtc = createdUtc;
    this.updatedUtc = updatedUtc;
  }

  boolean isUsableAt(Instant now) {
    return !disabled && !suspended && (expiresUtc == null || !expiresUtc.isBefore(now));
  }

  TokenRecord withDisabled(boolean value, Instant now) {
    return new TokenRecord(id, type, organizationId, projectId, defaultProjectId, userId, scopes, expiresUtc,
        notes, value, suspended, createdUtc, now);
  }

  TokenRecord withNotes(String value, Instant now) {
    return new TokenRecord(id, type, organizationId, projectId, defaultProjectId, userId, scopes, expiresUtc,
        value, disabled, suspended, createdUtc, now);
  }

  TokenRecord withExpiresUtc(Instant value, Instant now) {
    return new TokenRecord(id, type, organizationId, projectId, defaultProjectId, userId, scopes, value,
        notes, disabled, suspended, createdUtc, now);
  }

  @Override
  public String toString() {
    return "TokenRecord{type=" + type + ", organizationId=" + organizationId + ", projectId=" + projectId
        + ", scopes=" + scopes + ", disabled=" + disabled + ", id=<redacted>}";
  }
}
