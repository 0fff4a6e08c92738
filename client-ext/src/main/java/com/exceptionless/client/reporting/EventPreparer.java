package com.exceptionless.client.reporting;

import com.exceptionless.client.model.ErrorInfo;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.InnerError;
import com.squareup.moshi.Moshi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * Turns a queued event into the event sent by running the {@link PluginChain}: the SDK's own steps are plugins
 * of it, each with a name and priority users can see ({@link ExceptionlessReporter#plugins()}), move or remove:
 * <ol>
 *   <li>10 {@code duplicates}: the same error within the duplicate window is cancelled ({@link DiscardReason#DUPLICATE});
 *   <li>20 {@code error}: the throwable becomes {@code @error} (and the message, when none was set);
 *   <li>30 {@code settings}: the project's server settings exclude by type, source and log level
 *       ({@link DiscardReason#EXCLUDED_BY_SETTINGS});
 *   <li>40 {@code environment}: {@code @environment} on errors;
 *   <li>50 {@code context}: the reporter's default tags, data and user, and the submitting thread's scope;
 *   <li>60 {@code version}: {@code @version} (configured, or the application jar's {@code Implementation-Version});
 *   <li>70 {@code trace}: the breadcrumbs as {@code @trace} on errors;
 *   <li>user plugins (100 by default);
 *   <li>1000 {@code data-exclusions}: the configured and the server's data exclusions, last, so that data a
 *       plugin added is scrubbed too.
 * </ol>
 * Runs on the writer thread (or a caller writing to the outbox itself, one at a time under the writer's lock).
 * Counts what it drops.
 */
final class EventPreparer {
  static final List<String> BUILT_IN_NAMES = Arrays.asList(
      "duplicates", "error", "settings", "environment", "context", "version", "trace", "data-exclusions");

  private final ReporterSettings settings;
  private final Supplier<ServerSettings> serverSettings;
  private final ReporterCounters counters;
  private final FrameCache frames = new FrameCache();
  private final ModuleCatalog modules;
  private final ErrorConverter errors;
  private final EnvironmentCollector environment;
  private final DuplicateFilter duplicates;
  private final PluginChain chain;
  private ServerSettings exclusionsSource;
  private DataExclusions exclusions;
  private String manifestVersion;
  private boolean manifestVersionRead;

  EventPreparer(ReporterSettings settings, Supplier<ServerSettings> serverSettings, ReporterCounters counters) {
    this.settings = settings;
    this.serverSettings = serverSettings;
    this.counters = counters;
    this.modules = new ModuleCatalog(System.getProperty("java.class.path"));
    this.errors = new ErrorConverter(settings.includeModules, modules, frames);
    this.environment = new EnvironmentCollector(settings.includePersonalData);
    this.duplicates = new DuplicateFilter(settings.duplicateWindow.toNanos());
    this.chain = PluginChain.of(builtIns(), settings.plugins, settings.pluginPriorities, settings.removedPlugins);
  }

  /**
   * Returns the writer of events' JSON: the client's Moshi's JSON, with what repeats from event to event (cached
   * stack frames, the modules list, the environment) written once ({@link EventJson}).
   */
  EventJson eventJson(Moshi moshi) {
    return new EventJson(moshi, frames, modules, environment);
  }

  /** Returns the plugins in the order they run, as {@code "<priority> <name>"}. */
  List<String> plugins() {
    return chain.describe();
  }

  /** Returns the event to send, or null when it is dropped (and counted). */
  Event prepare(QueuedEvent queued) {
    try {
      EventPluginContext context = new EventPluginContext(queued.event, queued.error, queued.scope, queued.breadcrumbs,
          queued.threadId, queued.threadName);
      chain.run(context);
      if (context.isCancelled()) {
        counters.discarded(context.cancelReason(), 1);
        return null;
      }
      return context.event();
    } catch (RuntimeException | StackOverflowError e) {
      counters.discarded(DiscardReason.FAILED, 1);
      ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: an event could not be prepared", e);
      return null;
    }
  }

  private List<PluginChain.Registration> builtIns() {
    List<PluginChain.Registration> plugins = new ArrayList<>();
    plugins.add(new PluginChain.Registration("duplicates", 10, this::dropDuplicate));
    plugins.add(new PluginChain.Registration("error", 20, this::addError));
    plugins.add(new PluginChain.Registration("settings", 30, this::applyServerSettings));
    plugins.add(new PluginChain.Registration("environment", 40, this::addEnvironment));
    plugins.add(new PluginChain.Registration("context", 50, this::addContext));
    plugins.add(new PluginChain.Registration("version", 60, this::addVersion));
    plugins.add(new PluginChain.Registration("trace", 70, EventPreparer::addTrace));
    plugins.add(new PluginChain.Registration("data-exclusions", 1000, this::excludeData));
    return plugins;
  }

  private void dropDuplicate(EventPluginContext context) {
    if (context.error() != null && duplicates.isDuplicate(context.error(), System.nanoTime())) {
      context.cancel(DiscardReason.DUPLICATE);
    }
  }

  private void addError(EventPluginContext context) {
    if (context.error() == null) {
      return;
    }
    ErrorInfo error = errors.convert(context.error(), exclusionsFor(serverSettings.get()));
    context.data().put("@error", error);
    if (context.message() == null) {
      context.message(DataSanitizer.cut(error.getMessage(), 2000));
    }
  }

  private void applyServerSettings(EventPluginContext context) {
    Event event = context.base();
    List<String> sources = new ArrayList<>();
    Object error = context.data().get("@error");
    if (error instanceof ErrorInfo) {
      sources.add(((ErrorInfo) error).getType());
      for (InnerError inner = ((ErrorInfo) error).getInner(); inner != null; inner = inner.getInner()) {
        sources.add(inner.getType());
      }
    } else {
      sources.add(event.getSource() != null ? event.getSource() : "");
    }
    Object level = context.data().get("@level");
    if (serverSettings.get().excludes(event.getType(), sources, level != null ? level.toString() : null)) {
      context.cancel(DiscardReason.EXCLUDED_BY_SETTINGS);
    }
  }

  private void addEnvironment(EventPluginContext context) {
    if (context.error() != null && !context.data().containsKey("@environment")) {
      context.data().put("@environment", environment.snapshot(context.threadId(), context.threadName()));
    }
  }

  private void addContext(EventPluginContext context) {
    ReportingScope.Snapshot scope = context.scope();
    if (!settings.defaultTags.isEmpty() || !scope.tags.isEmpty()) {
      java.util.Set<String> tags = new java.util.LinkedHashSet<>(settings.defaultTags);
      tags.addAll(scope.tags);
      tags.addAll(context.tags());
      context.tags().clear();
      context.tags().addAll(tags);
    }
    for (Map.Entry<String, Object> entry : scope.data.entrySet()) {
      context.data().putIfAbsent(entry.getKey(), entry.getValue());
    }
    for (Map.Entry<String, Object> entry : settings.defaultData.entrySet()) {
      context.data().putIfAbsent(entry.getKey(), entry.getValue());
    }
    String identity = scope.userIdentity != null ? scope.userIdentity : settings.userIdentity;
    if (identity != null && !context.data().containsKey("@user")) {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("identity", identity);
      String name = scope.userIdentity != null ? scope.userName : settings.userName;
      if (name != null) {
        user.put("name", name);
      }
      context.data().put("@user", user);
    }
  }

  private void addVersion(EventPluginContext context) {
    if (context.data().containsKey("@version")) {
      return;
    }
    String version = settings.version;
    if (version == null) {
      if (!manifestVersionRead) {
        manifestVersion = ApplicationVersion.fromManifest();
        manifestVersionRead = true;
      }
      version = manifestVersion;
    }
    if (version != null) {
      context.data().put("@version", version);
    }
  }

  private static void addTrace(EventPluginContext context) {
    if (context.error() != null && !context.breadcrumbs().isEmpty() && !context.data().containsKey("@trace")) {
      context.data().put("@trace", new ArrayList<>(context.breadcrumbs()));
    }
  }

  private void excludeData(EventPluginContext context) {
    Map<String, Object> kept = exclusionsFor(serverSettings.get()).apply(context.data());
    if (kept != context.data()) {
      Map<String, Object> copy = new LinkedHashMap<>(kept);
      context.data().clear();
      context.data().putAll(copy);
    }
  }

  /** The local and server exclusions together, rebuilt only when the server settings change. */
  private DataExclusions exclusionsFor(ServerSettings server) {
    if (server != exclusionsSource) {
      exclusions = new DataExclusions(settings.dataExclusions, server.dataExclusions());
      exclusionsSource = server;
    }
    return exclusions;
  }
}
