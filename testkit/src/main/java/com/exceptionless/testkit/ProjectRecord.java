package com.exceptionless.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable stored project with its client configuration (version and settings). */
final class ProjectRecord {
  final String id;
  final String organizationId;
  final String name;
  final Instant createdUtc;
  final int configVersion;
  final Map<String, String> settings;
  final boolean deleteBotDataEnabled;
  final List<String> promotedTabs;

  ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings) {
    this(id, organizationId, name, createdUtc, configVersion, settings, false, Collections.<String>emptyList());
  }

  ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings, boolean deleteBotDataEnabled, List<String> promotedTabs) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.createdUtc = createdUtc;
    this.configVersion = configVersion;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(settings));
    this.deleteBotDataEnabled = deleteBotDataEnabled;
    this.promotedTabs = Collections.unmodifiableList(new ArrayList<String>(promotedTabs));
  }

  /** Returns a copy with the setting changed (a null value removes it) and the config version incremented. */
  ProjectRecord withSetting(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<String, String>(settings);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return new ProjectRecord(id, organizationId, name, createdUtc, configVersion + 1, changed,
        deleteBotDataEnabled, promotedTabs);
  }

  /** Returns a copy with the editable properties replaced. */
  ProjectRecord withDetails(String newName, boolean newDeleteBotDataEnabled, List<String> newPromotedTabs) {
    return new ProjectRecord(id, organizationId, newName, createdUtc, configVersion, settings,
        newDeleteBotDataEnabled, newPromotedTabs);
  }

  @Override
  public String toString() {
    return "ProjectRecord{id=" + id + ", organizationId=" + organizationId + ", name=" + name + "}";
  }
}
