package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox folder: what survives, what is bounded, and how damage and disk failures are handled and counted. */
class ReporterOutboxTest extends ReporterTestSupport {
  private static final Logger LOGGER = Logger.getLogger("com.exceptionless.client.reporting");
  private final List<LogRecord> warnings = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        synchronized (warnings) {
          warnings.add(record);
        }
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @TempDir
  Path outbox;

  @BeforeEach
  void captureWarnings() {
    LOGGER.addHandler(capture);
  }

  @AfterEach
  void stopCapturing() {
    LOGGER.removeHandler(capture);
  }

  @Test
  void damagedLinesAreCountedLoggedOnceAndTheFileKeptAsideWhileItsGoodEventsAreSent() throws Exception {
    byte[] good = OutboxEventStore.encode(events("good-", 3, Instant.now()));
    Files.write(outbox.resolve("0000000000000000001.events"), Arrays.copyOf(good, good.length - 5));
    byte[] changed = OutboxEventStore.encode(events("changed-", 2, Instant.now()));
    int at = new String(changed, StandardCharsets.UTF_8).lastIndexOf("changed-1");
    changed[at] = 'X';
    Files.write(outbox.resolve("0000000000000000002.events"), changed);
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(outbox));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("good-0", "good-1", "changed-0");
    ReporterStats stats = reporter.stats();
    assertThat(stats.restored()).isEqualTo(5);
    assertThat(stats.discarded(DiscardReason.CORRUPT)).isEqualTo(2);
    assertThat(stats.accepted()).isEqualTo(3);
    assertThat(files(".corrupt")).containsExactly("0000000000000000001.events.corrupt", "0000000000000000002.events.corrupt");
    assertThat(warningsMentioning("damaged")).hasSize(2);
  }

  @Test
  void leftoverTemporaryFilesAreRemovedAtStart() throws Exception {
    Files.write(outbox.resolve("0000000000000000007.events.tmp"), "exceptionless-outbox 1\n12".getBytes(StandardCharsets.US_ASCII));
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(outbox));

    assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(files(".tmp")).isEmpty();
    assertThat(reporter.stats().submitted()).isZero();
  }

  @Test
  void aFileOfMoreEventsThanABatchIsSentInBatchesOfTheConfiguredSize() throws Exception {
    Files.write(outbox.resolve("0000000000000000001.events"), OutboxEventStore.encode(events("old-", 1_200, Instant.now())));
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(outbox).batchSize(50).resendDelay(Duration.ofMillis(1)));

    assertThat(reporter.flush(Duration.ofSeconds(30))).as(reporter.stats().toString()).isTrue();
    assertThat(acceptedEvents()).hasSize(1_200);
    assertThat(server.getAllServeEvents()).hasSize(24);
    for (ServeEvent request : server.getAllServeEvents()) {
      assertThat(request.getRequest().getBodyAsString().split("\"message\"")).hasSize(51);
    }
    assertThat(reporter.stats().restored()).isEqualTo(1_200);
    assertThat(reporter.stats().accepted()).isEqualTo(1_200);
    assertThat(files(".events")).isEmpty();
  }

  @Test
  void batchesAnEarlierRunLeftArePacedByTheResendDelay() throws Exception {
    Files.write(outbox.resolve("0000000000000000001.events"), OutboxEventStore.encode(events("paced-", 150, Instant.now())));
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(outbox).batchSize(50).resendDelay(Duration.ofMillis(400)));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    List<ServeEvent> requests = new ArrayList<>(server.getAllServeEvents());
    assertThat(requests).hasSize(3);
    requests.sort(java.util.Comparator.comparing(r -> r.getRequest().getLoggedDate()));
    long firstToLast = requests.get(2).getRequest().getLoggedDate().getTime() - requests.get(0).getRequest().getLoggedDate().getTime();
    assertThat(firstToLast).as("two pauses of 400 ms").isGreaterThanOrEqualTo(790);
    assertThat(acceptedEvents()).hasSize(150);
  }

  @Test
  void eventsOlderThanTheServersAcceptanceWindowAreCountedAsExpiredAndNotSent() throws Exception {
    List<SerializedEvent> stored = new ArrayList<>(events("stale-", 2, Instant.now().minus(4, ChronoUnit.DAYS)));
    stored.addAll(events("fresh-", 1, Instant.now()));
    Files.write(outbox.resolve("0000000000000000001.events"), OutboxEventStore.encode(stored));
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(outbox));

    assertThat(reporter.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(acceptedEvents()).extracting(e -> e.get("message")).containsExactly("fresh-0");
    assertThat(reporter.stats().discarded(DiscardReason.EXPIRED)).isEqualTo(2);
    assertThat(reporter.stats().accepted()).isEqualTo(1);
    assertThat(reporter.stats().pending()).isZero();
  }

  @Test
  void aFullFolderCountsWhatDoesNotFitAsOutboxFull() {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));
    ExceptionlessReporter reporter = started(ExceptionlessReporter.builder().client(client(Duration.ofSeconds(5)))
        .shutdownHook(false).retryDelays(Duration.ofSeconds(30), Duration.ofSeconds(30), () -> 0.5)
        .outboxFolder(outbox).outboxMaxBytes(1024 * 1024));
    char[] text = new char[2_000];
    Arrays.fill(text, 'x');
    for (int i = 0; i < 1_000; i++) {
      reporter.submitLog("app", i + new String(text), LogLevel.INFO);
    }
    reporter.flush(Duration.ofSeconds(2));

    ReporterStats stats = reporter.stats();
    assertThat(stats.discarded(DiscardReason.OUTBOX_FULL)).isBetween(400L, 700L);
    assertThat(stats.pending()).isEqualTo(1_000 - stats.discarded(DiscardReason.OUTBOX_FULL));
    assertThat(folderBytes()).isLessThanOrEqualTo(1024 * 1024);
    assertThat(warningsMentioning("is full")).hasSize(1);
  }

  @Test
  void whenTheQueueIsFullEventsGoToDiskInsteadOfBeingDropped() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(30_000)));
    ExceptionlessReporter first = ExceptionlessReporter.builder().client(client(Duration.ofSeconds(60)))
        .shutdownHook(false).outboxFolder(outbox).queueCapacity(100).build();
    for (int i = 0; i < 20_000; i++) {
      first.submitLog("burst", "burst-" + i, LogLevel.INFO);
    }
    first.close(Duration.ofSeconds(2));
    ReporterStats closed = first.stats();
    assertThat(closed.discarded(DiscardReason.QUEUE_FULL)).isZero();
    assertThat(closed.leftInOutbox() + closed.discarded(DiscardReason.CLOSED)).isEqualTo(20_000);
    assertThat(closed.leftInOutbox()).isGreaterThan(19_000);

    server.resetAll();
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    ExceptionlessReporter second = started(reporter().outboxFolder(outbox).batchSize(500).resendDelay(Duration.ZERO));
    assertThat(second.flush(Duration.ofSeconds(60))).isTrue();
    assertThat(second.stats().accepted()).isEqualTo(closed.leftInOutbox());
    assertThat(acceptedEvents().stream().map(e -> e.get("message")).distinct().count()).isEqualTo(closed.leftInOutbox());
  }

  @Test
  void aSecondReporterOnTheSameFolderIsRefusedWithAMessageSayingWhy() {
    started(reporter().outboxFolder(outbox));

    assertThatThrownBy(() -> reporter().outboxFolder(outbox).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is used by another running reporter");
  }

  @Test
  void aFolderThatCannotBeCreatedFallsBackToMemoryWithAWarning() throws Exception {
    Path notAFolder = Files.write(outbox.resolve("plain-file"), new byte[] {1});
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));

    ExceptionlessReporter reporter = started(reporter().outboxFolder(notAFolder.resolve("outbox")));
    reporter.submitLog("app", "in-memory", LogLevel.INFO);

    assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();
    assertThat(reporter.stats().accepted()).isEqualTo(1);
    assertThat(warningsMentioning("cannot use the outbox folder")).hasSize(1);
  }

  @Test
  void aFolderThatCannotBeWrittenAnyMoreFallsBackToMemoryWithOneWarning() throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    Path folder = outbox.resolve("gone");
    ExceptionlessReporter reporter = started(reporter().outboxFolder(folder));
    reporter.submitLog("app", "on-disk", LogLevel.INFO);
    assertThat(reporter.flush(Duration.ofSeconds(5))).isTrue();

    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.collect(Collectors.toList())) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
    Files.write(folder, new byte[] {1});
    for (int i = 0; i < 3; i++) {
      reporter.submitLog("app", "in-memory-" + i, LogLevel.INFO);
      reporter.flush(Duration.ofSeconds(5));
    }

    assertThat(reporter.stats().accepted()).isEqualTo(4);
    assertThat(reporter.stats().pending()).isZero();
    assertThat(warningsMentioning("cannot write the outbox folder")).hasSize(1);
  }

  private static List<SerializedEvent> events(String prefix, int count, Instant date) {
    List<SerializedEvent> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String json = "{\"type\":\"log\",\"date\":\"" + date + "\",\"message\":\"" + prefix + i + "\"}";
      events.add(new SerializedEvent(date.toEpochMilli(), json.getBytes(StandardCharsets.UTF_8)));
    }
    return events;
  }

  private List<String> files(String suffix) throws Exception {
    try (Stream<Path> files = Files.list(outbox)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }

  private long folderBytes() {
    try (Stream<Path> files = Files.list(outbox)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private List<String> warningsMentioning(String text) {
    synchronized (warnings) {
      return warnings.stream().map(LogRecord::getMessage).filter(m -> m.contains(text)).collect(Collectors.toList());
    }
  }
}
