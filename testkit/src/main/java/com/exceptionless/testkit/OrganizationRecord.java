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

  OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc) {
    this.id = id;
    this.name = name;
    this.memberUserIds = Collections.unmodifiableSet(new LinkedHashSet<String>(memberUserIds));
    this.createdUtc = createdUtc;
  }

  @Override
  public String toString() {
    return "OrganizationRecord{id=" + id + ", name=" + name + "}";
  }
}
