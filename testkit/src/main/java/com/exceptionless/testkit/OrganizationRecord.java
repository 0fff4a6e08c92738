package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An immutable stored organization with its member user ids, invited email addresses and data. */
final class OrganizationRecord {
  final String id;
  final String name;
  final Set<String> memberUserIds;
  final Instant createdUtc;
  final Instant updatedUtc;
  /** Lower-cased email addresses invited to the organization, in invitation order. */
  final Set<String> invites;
  final Map<String, String> data;

  OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc) {
    this(id, name, memberUserIds, createdUtc, createdUtc);
  }

  OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc, Instant updatedUtc) {
    this(id, name, memberUserIds, createdUtc, updatedUtc, Collections.<String>emptySet(),
        Collections.<String, String>emptyMap());
  }

  private OrganizationRecord(String id, String name, Set<String> memberUserIds, Instant createdUtc,
      Instant updatedUtc, Set<String> invites, Map<String, String> data) {
    this.id = id;
    this.name = name;
    this.memberUserIds = Collections.unmodifiableSet(new LinkedHashSet<String>(memberUserIds));
    this.createdUtc = createdUtc;
    this.updatedUtc = updatedUtc;
    this.invites = Collections.unmodifiableSet(new LinkedHashSet<String>(invites));
    this.data = Collections.unmodifiableMap(new LinkedHashMap<String, String>(data));
  }

  OrganizationRecord withName(String value, Instant now) {
    return new OrganizationRecord(id, value, memberUserIds, createdUtc, now, invites, data);
  }

  /** Returns a copy with the user added as a member (or removed, when member is false). */
  OrganizationRecord withMember(String userId, boolean member) {
    Set<String> members = new LinkedHashSet<String>(memberUserIds);
    if (member) {
      members.add(userId);
    } else {
      members.remove(userId);
    }
    return new OrganizationRecord(id, name, members, createdUtc, updatedUtc, invites, data);
  }

  /** Returns a copy with the lower-cased email address invited (or the invitation withdrawn). */
  OrganizationRecord withInvite(String email, boolean invited) {
    Set<String> changed = new LinkedHashSet<String>(invites);
    if (invited) {
      changed.add(email.toLowerCase(java.util.Locale.ROOT));
    } else {
      changed.remove(email.toLowerCase(java.util.Locale.ROOT));
    }
    return new OrganizationRecord(id, name, memberUserIds, createdUtc, updatedUtc, changed, data);
  }

  /** Returns a copy with the data key set (a null value removes it). */
  OrganizationRecord withData(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<String, String>(data);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return new OrganizationRecord(id, name, memberUserIds, createdUtc, updatedUtc, invites, changed);
  }

  @Override
  public String toString() {
    return "OrganizationRecord{id=" + id + ", name=" + name + "}";
  }
}
