package com.exceptionless.client.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event plugins, the reporter's defaults, scopes carried across threads, and breadcrumbs, as the stand-in server
 * sees them: it checks every event against the contract, and none may be refused.
 */
class ReporterPluginsAndContextTest {
  private final List<ExceptionlessReporter> reporters = new ArrayList<>();
  private ExceptionlessTestServer server;

  @BeforeEach
  void startServer() {
    server = ExceptionlessTestServer.start();
  }

  @AfterEach
  void stopServer() {
    try {
      for (ExceptionlessReporter reporter : reporters) {
        reporter.close(Duration.ofSeconds(1));
      }
      assertThat(server.droppedEvents()).as("events the stand-in refused").isEmpty();
    } finally {
      server.close();
    }
  }

  private ReporterBuilder reporter() {
    return ExceptionlessReporter.builder().serverUrl(server.baseUrl()).apiKey(server.accounts().clientApiKey())
        .shutdownHook(false);
  }

  private ExceptionlessReporter started(ReporterBuilder builder) {
    ExceptionlessReporter reporter = builder.build();
    reporters.add(reporter);
    return reporter;
  }

  private List<Map<String, Object>> acceptedEvents() {
    return server.receivedEvents().stream().map(ReceivedEvent::json).collect(Collectors.toList());
  }

  @Test
  void theSdksOwnStepsArePluginsListedInTheOrderTheyRunWithTheUsersBetween() {
    ExceptionlessReporter reporter = started(reporter().plugin("mine", context -> { }).plugin("early", 15, context -> { }));

    assertThat(reporter.plugins()).containsExactly("10 duplicates", "15 early", "20 error", "30 settings",
        "40 environment", "50 context", "60 version", "70 trace", "100 mine", "1000 data-exclusions");
  }

  @Test
  void pluginsEnrichEditAndCancelEventsOnTheWriterThreadInPriorityOrder() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    ExceptionlessReporter reporter = started(reporter()
        .plugin("second", 110, context -> {
          ran.add("second on " + Thread.currentThread().getName());
          context.data().put("seen", context.data().get("first"));
        })
        .plugin("first", 105, context -> {
          ran.add("first");
          context.data().put("first", "yes");
          context.tags().add("enriched");
          if ("drop me".equals(context.event().getMessage())) {
            context.cancel();
          }
        }));

    reporter.submitLog("app", "keep me", LogLevel.INFO);
    reporter.submitLog("app", "drop me", LogLevel.INFO);

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("message")).containsExactly("keep me");
    assertThat(data(events.get(0))).containsEntry("first", "yes").containsEntry("seen", "yes");
    assertThat(tags(events.get(0))).containsExactly("enriched");
    assertThat(ran).containsExactly("first", "second on exceptionless-reporter-writer", "first");
    assertThat(reporter.stats().discarded(DiscardReason.CANCELLED)).isEqualTo(1);
    assertThat(reporter.stats().pending()).isZero();
  }

  @Test
  void aThrowingPluginIsLoggedOnceAndSkippedAndEveryEventIsStillSent() throws Exception {
    List<LogRecord> warnings = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel() == Level.WARNING && record.getMessage().contains("plugin")) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    Logger.getLogger("com.exceptionless.client.reporting").addHandler(capture);
    try {
      ExceptionlessReporter reporter = started(reporter().plugin("broken", context -> {
        throw new IllegalStateException("plugin bug");
      }).plugin("after", 200, context -> context.data().put("after", true)));
      for (int i = 0; i < 5; i++) {
        reporter.submitLog("app", "despite-" + i, LogLevel.INFO);
      }

      assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(acceptedEvents()).hasSize(5).allSatisfy(e -> assertThat(data(e)).containsEntry("after", true));
      assertThat(warnings).hasSize(1);
      assertThat(warnings.get(0).getMessage()).contains("\"broken\"");
    } finally {
      Logger.getLogger("com.exceptionless.client.reporting").removeHandler(capture);
    }
  }

  @Test
  void builtInsCanBeRemovedOrMovedAndDataAPluginAddsIsScrubbedByTheExclusions() throws Exception {
    ExceptionlessReporter reporter = started(reporter().dataExclusions("*password*").removePlugin("environment")
        .plugin("careless", context -> context.data().put("dbPassword", "hunter2")));

    reporter.submitException(new IllegalStateException("boom"));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    Map<String, Object> data = data(acceptedEvents().get(0));
    assertThat(data).containsKey("@error").doesNotContainKey("@environment").doesNotContainKey("dbPassword");
    assertThat(reporter.plugins()).doesNotContain("40 environment");
    assertThatThrownBy(() -> reporter().pluginPriority("nonexistent", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data-exclusions");
  }

  @Test
  void defaultsScopesAndTheEventsOwnValuesComeTogetherWithTheEventWinning() throws Exception {
    ExceptionlessReporter reporter = started(reporter().defaultTags("service").defaultData("region", "eu-west")
        .userIdentity("desktop-user", "Desk"));

    reporter.submitLog("app", "no scope", LogLevel.INFO);
    try (ReportingScope outer = reporter.openScope().user("ada@example.com", "Ada").tags("checkout")) {
      outer.data("cart", 42).data("region", "scope-region");
      reporter.submitLog("app", "outer", LogLevel.INFO);
      try (ReportingScope inner = reporter.openScope().tags("payment")) {
        inner.data("attempt", 2);
        reporter.createLog("app", "inner", LogLevel.INFO).user("grace@example.com", "Grace").data("cart", 7).submit();
      }
      reporter.submitLog("app", "outer again", LogLevel.INFO);
    }
    reporter.submitLog("app", "after", LogLevel.INFO);

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("message")).containsExactly("no scope", "outer", "inner", "outer again", "after");
    assertThat(user(events.get(0))).isEqualTo("desktop-user");
    assertThat(data(events.get(0))).containsEntry("region", "eu-west").doesNotContainKey("cart");
    assertThat(user(events.get(1))).isEqualTo("ada@example.com");
    assertThat(number(events.get(1), "cart")).isEqualTo(42);
    assertThat(data(events.get(1))).containsEntry("region", "scope-region");
    assertThat(tags(events.get(1))).containsExactlyInAnyOrder("service", "checkout");
    assertThat(user(events.get(2))).isEqualTo("grace@example.com");
    assertThat(number(events.get(2), "cart")).isEqualTo(7);
    assertThat(number(events.get(2), "attempt")).isEqualTo(2);
    assertThat(tags(events.get(2))).containsExactlyInAnyOrder("service", "checkout", "payment");
    assertThat(data(events.get(3))).doesNotContainKey("attempt");
    assertThat(tags(events.get(3))).doesNotContain("payment");
    assertThat(user(events.get(4))).isEqualTo("desktop-user");
    assertThat(data(events.get(4))).doesNotContainKey("cart");
  }

  @Test
  void aWrappedExecutorCarriesTheSubmittingThreadsScopeAndLeavesItsOwnThreadsClean() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      try (ReportingScope scope = reporter.openScope().user("ada@example.com", null).tags("async")) {
        reporter.wrap(pool).execute(() -> reporter.submitLog("worker", "carried", LogLevel.INFO));
        pool.submit(reporter.wrap(() -> {
          reporter.submitLog("worker", "callable", LogLevel.INFO);
          return null;
        })).get(5, TimeUnit.SECONDS);
      }
      pool.submit(() -> reporter.submitLog("worker", "plain", LogLevel.INFO)).get(5, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    List<Map<String, Object>> events = acceptedEvents();
    assertThat(events).extracting(e -> e.get("message")).containsExactly("carried", "callable", "plain");
    assertThat(user(events.get(0))).isEqualTo("ada@example.com");
    assertThat(user(events.get(1))).isEqualTo("ada@example.com");
    assertThat(data(events.get(2))).doesNotContainKey("@user");
    assertThat(events.get(2).get("tags")).isNull();
  }

  @Test
  void aScopeIsChangedAndClosedOnlyOnItsOwnThread() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    ReportingScope scope = reporter.openScope();
    Throwable[] failure = new Throwable[1];
    Thread other = new Thread(() -> {
      try {
        scope.tags("elsewhere");
      } catch (IllegalStateException e) {
        failure[0] = e;
      }
    });
    other.start();
    other.join();
    scope.close();

    assertThat(failure[0]).hasMessageContaining("thread that opened it");
    assertThatThrownBy(() -> scope.tags("late")).hasMessageContaining("closed");
    assertThatThrownBy(() -> reporter.openScope().tags("bad\u202Etag")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+202E");
  }

  @Test
  void errorEventsCarryTheLastBreadcrumbsAsTraceAndOtherEventsDoNot() throws Exception {
    ExceptionlessReporter reporter = started(reporter());
    for (int i = 0; i < 30; i++) {
      reporter.addBreadcrumb("INFO app: line " + i);
    }

    reporter.submitException(new IllegalStateException("after thirty lines"));
    reporter.submitLog("app", "a log event", LogLevel.WARN);

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    List<Map<String, Object>> events = acceptedEvents();
    @SuppressWarnings("unchecked")
    List<Object> trace = (List<Object>) data(events.get(0)).get("@trace");
    assertThat(trace).hasSize(25).startsWith("INFO app: line 5").endsWith("INFO app: line 29");
    assertThat(events.get(1).get("data").toString()).doesNotContain("@trace");
  }

  @Test
  void breadcrumbsCanBeTurnedOff() throws Exception {
    ExceptionlessReporter reporter = started(reporter().breadcrumbs(0));
    reporter.addBreadcrumb("INFO app: a line");

    reporter.submitException(new IllegalStateException("no trace"));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(data(acceptedEvents().get(0))).doesNotContainKey("@trace");
  }

  @Test
  void theApplicationVersionComesFromTheStartedJarsManifest(@TempDir Path folder) throws Exception {
    Path jar = folder.resolve("app.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "3.2.1");
    try (JarOutputStream out = new JarOutputStream(new FileOutputStream(jar.toFile()), manifest)) {
      out.flush();
    }
    String command = System.getProperty("sun.java.command");
    System.setProperty("sun.java.command", jar + " --port 8080");
    try {
      assertThat(ApplicationVersion.fromManifest()).isEqualTo("3.2.1");
    } finally {
      System.setProperty("sun.java.command", command);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(Map<String, Object> event) {
    return (Map<String, Object>) event.get("data");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> tags(Map<String, Object> event) {
    return (List<Object>) event.get("tags");
  }

  private static long number(Map<String, Object> event, String key) {
    return ((Number) data(event).get(key)).longValue();
  }

  private static Object user(Map<String, Object> event) {
    Map<?, ?> user = (Map<?, ?>) data(event).get("@user");
    return user == null ? null : user.get("identity");
  }
}
