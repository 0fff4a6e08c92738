package com.exceptionless.client.reporting;

import com.exceptionless.client.model.ClientConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's client settings from the server and the exclusions they express: {@code @@<type>:<source>}
 * set to {@code false} excludes events of that type and source, {@code @@log:<source>} sets the minimum log
 * level (longest matching key wins), {@code @@DataExclusions} lists data keys to remove. Keys and sources may
 * use {@code *} at either end. Immutable.
 */
final class ServerSettings {
  static final ServerSettings NONE = new ServerSettings(null, 0, Collections.<String, String>emptyMap());

  private final ClientConfiguration configuration;
  private final int version;
  private final Map<String, String> settings;
  private final List<String> logKeysLongestFirst;
  private final List<String> dataExclusions;

  private ServerSettings(ClientConfiguration configuration, int version, Map<String, String> settings) {
    this.configuration = configuration;
    this.version = version;
    this.settings = settings;
    List<String> logKeys = new ArrayList<>();
    for (String key : settings.keySet()) {
      if (key.toLowerCase(Locale.ROOT).startsWith("@@log:")) {
        logKeys.add(key);
      }
    }
    logKeys.sort(Comparator.comparingInt(String::length).reversed());
    this.logKeysLongestFirst = logKeys;
    List<String> exclusions = new ArrayList<>();
    String data = settings.get("@@DataExclusions");
    if (data != null) {
      for (String pattern : data.split(",")) {
        if (!pattern.trim().isEmpty()) {
          exclusions.add(pattern.trim());
        }
      }
    }
    this.dataExclusions = Collections.unmodifiableList(exclusions);
  }

  static ServerSettings from(ClientConfiguration configuration) {
    if (configuration == null || configuration.getSettings() == null) {
      return NONE;
    }
    int version = configuration.getVersion() != null ? configuration.getVersion() : 0;
    return new ServerSettings(configuration, version, configuration.getSettings());
  }

  ClientConfiguration configuration() {
    return configuration;
  }

  int version() {
    return version;
  }

  List<String> dataExclusions() {
    return dataExclusions;
  }

  /**
   * Whether the settings exclude an event.
   *
   * @param type the event type
   * @param sources what the event is about: its source, or for errors every exception type in the chain
   * @param level the log level of a log event, or null
   */
  boolean excludes(String type, List<String> sources, String level) {
    if (type == null) {
      return false;
    }
    if (type.equals("log") && level != null) {
      for (String source : sources) {
        String minimum = minimumLogLevel(source);
        if (minimum != null && LogLevel.parse(level).ordinal() < LogLevel.parse(minimum).ordinal()) {
          return true;
        }
      }
    }
    String prefix = "@@" + type + ":";
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      if (!setting.getKey().regionMatches(true, 0, prefix, 0, prefix.length()) || !"false".equalsIgnoreCase(setting.getValue())) {
        continue;
      }
      String pattern = setting.getKey().substring(prefix.length());
      for (String source : sources) {
        if (Wildcards.matches(pattern, source)) {
          return true;
        }
      }
    }
    return false;
  }

  private String minimumLogLevel(String source) {
    for (String key : logKeysLongestFirst) {
      if (Wildcards.matches(key.substring("@@log:".length()), source)) {
        return settings.get(key);
      }
    }
    return null;
  }
}
