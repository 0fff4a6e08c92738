package com.exceptionless.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An immutable stored project with its client configuration (version and settings) and its data. */
final class ProjectRecord {
  final String id;
  final String organizationId;
  final String name;
  final Instant createdUtc;
  final int configVersion;
  final Map<String, String> settings;
  final boolean deleteBotDataEnabled;
  final List<String> promotedTabs;
  /** The project's data (UserNamespaces, CommonMethods, ...), set through the data routes. */
  final Map<String, String> data;

  ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings) {
    this(id, organizationId, name, createdUtc, configVersion, settings, false, Collections.<String>emptyList());
  }

  ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings, boolean deleteBotDataEnabled, List<String> promotedTabs) {
    this(id, organizationId, name, createdUtc, configVersion, settings, deleteBotDataEnabled, promotedTabs,
        Collections.<String, String>emptyMap());
  }

  private ProjectRecord(String id, String organizationId, String name, Instant createdUtc, int configVersion,
      Map<String, String> settings, boolean deleteBotDataEnabled, List<String> promotedTabs,
      Map<String, String> data) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.createdUtc = createdUtc;
    this.configVersion = configVersion;
    this.settings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(settings));
    this.deleteBotDataEnabled = deleteBotDataEnabled;
    this.promotedTabs = Collections.unmodifiableList(new ArrayList<String>(promotedTabs));
    this.data = Collections.unmodifiableMap(new LinkedHashMap<String, String>(data));
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
        deleteBotDataEnabled, promotedTabs, data);
  }

  /** Returns a copy with the editable properties replaced. */
  ProjectRecord withDetails(String newName, boolean newDeleteBotDataEnabled, List<String> newPromotedTabs) {
    return new ProjectRecord(id, organizationId, newName, createdUtc, configVersion, settings,
        newDeleteBotDataEnabled, newPromotedTabs, data);
  }

  /** Returns a copy with the data key set (a null value removes it). */
  ProjectRecord withData(String key, String value) {
    Map<String, String> changed = new LinkedHashMap<String, String>(data);
    if (value == null) {
      changed.remove(key);
    } else {
      changed.put(key, value);
    }
    return new ProjectRecord(id, organizationId, name, createdUtc, configVersion, settings, deleteBotDataEnabled,
        promotedTabs, changed);
  }

  /** The comma-separated values of a data key, trimmed and without blanks; null when the key is absent. */
  List<String> dataList(String key) {
    String value = data.get(key);
    if (value == null) {
      return null;
    }
    List<String> items = new ArrayList<String>();
    for (String item : value.split(",")) {
      if (!item.trim().isEmpty()) {
        items.add(item.trim());
      }
    }
    return Collections.unmodifiableList(items);
  }

  @Override
  public String toString() {
    return "ProjectRecord{id=" + id + ", organizationId=" + organizationId + ", name=" + name + "}";
  }
}
