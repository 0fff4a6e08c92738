package com.exceptionless.client.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered event plugins of a reporter: the SDK's own and the user's, sorted by priority (lowest first), equal
 * priorities in the order they were added. Running it never throws: a plugin that fails is logged at most once a
 * minute and skipped. Immutable once built; {@link #run} is used by one thread at a time.
 */
final class PluginChain {
  /** The priority of a user plugin added without one: after the SDK's enrichments, before the data exclusions. */
  static final int DEFAULT_PRIORITY = 100;

  /** In the order they run; an array, so that running them per event allocates no iterator. */
  private final Registration[] plugins;
  private final RateLimitedWarning failures = new RateLimitedWarning(ReportingLog.LOGGER);

  /** A plugin with its name and priority. Immutable. */
  static final class Registration {
    final String name;
    final int priority;
    final EventPlugin plugin;

    Registration(String name, int priority, EventPlugin plugin) {
      this.name = name;
      this.priority = priority;
      this.plugin = plugin;
    }

    @Override
    public String toString() {
      return priority + " " + name;
    }
  }

  PluginChain(List<Registration> plugins) {
    List<Registration> sorted = new ArrayList<>(plugins);
    sorted.sort(Comparator.comparingInt(registration -> registration.priority));
    this.plugins = sorted.toArray(new Registration[0]);
  }

  /**
   * Orders the SDK's plugins and the user's: a user plugin with a built-in's name replaces it, priorities set by
   * name move a plugin, removed names are left out.
   */
  static PluginChain of(List<Registration> builtIns, Map<String, Registration> added, Map<String, Integer> priorities,
      java.util.Set<String> removed) {
    Map<String, Registration> byName = new LinkedHashMap<>();
    for (Registration registration : builtIns) {
      byName.put(registration.name, registration);
    }
    byName.putAll(added);
    List<Registration> chosen = new ArrayList<>();
    for (Registration registration : byName.values()) {
      if (removed.contains(registration.name)) {
        continue;
      }
      Integer priority = priorities.get(registration.name);
      chosen.add(priority == null ? registration : new Registration(registration.name, priority, registration.plugin));
    }
    return new PluginChain(chosen);
  }

  /** Runs every plugin on the event until one cancels it. */
  void run(EventPluginContext context) {
    for (Registration registration : plugins) {
      if (context.isCancelled()) {
        return;
      }
      try {
        registration.plugin.run(context);
      } catch (Exception | LinkageError | StackOverflowError e) {
        failures.log("Exceptionless: the event plugin \"" + registration.name + "\" failed and was skipped (this is"
            + " logged at most once a minute)", e);
      }
    }
  }

  /** Returns the plugins in the order they run, as {@code "<priority> <name>"}. */
  List<String> describe() {
    List<String> names = new ArrayList<>();
    for (Registration registration : plugins) {
      names.add(registration.toString());
    }
    return Collections.unmodifiableList(names);
  }
}
