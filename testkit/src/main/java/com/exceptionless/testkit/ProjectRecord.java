package com.exceptionless.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable stored project with its client configuration (version and settings). */
final class ProjectRecord {
  final String id;
  final String organizationId;
  final String name;
  final Instant createdUtc;
  final int configVersion;
  final Map<String, String> settings;

  ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.createdUtc = createdUtc;
    this.configVersion = configVersion;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(settings));
  }

  /** Returns a copy with the setting changed (a null value removes it) and the config version incremented. */
  ProjectRecord withSetting(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<String, String>(settings);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return new ProjectRecord(id, organizationId, name, createdUtc, configVersion + 1, changed);
  }

  @Override
  public String toString() {
    return "ProjectRecord{id=" + id + ", organizationId=" + organizationId + ", name=" + name + "}";
  }
}
