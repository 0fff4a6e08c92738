package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** An immutable stored organization with its member user ids. */
final class OrganizationRecord {
  final String id;
  final String name;
  final Set<String> memberUserIds;
  final Instant createdUtc;
  final Instant updatedUtc;

  OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc) {
    this(id, name, memberUserIds, createdUtc, createdUtc);
  }

  OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc, Instant updatedUtc) {
    this.id = id;
    this.name = name;
    this.memberUserIds = Collections.unmodifiableSet(new LinkedHashSet<String>(memberUserIds));
    this.createdUtc = createdUtc;
    this.updatedUtc = updatedUtc;
  }

  OrganizationRecord withName(String value, Instant now) {
    return new OrganizationRecord(id, value, memberUserIds, createdUtc, now);
  }

  @Override
  public String toString() {
    return "OrganizationRecord{id=" + id + ", name=" + name + "}";
  }
}
