package com.exceptionless.client.reporting;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.exceptionless.testkit.ExceptionlessTestServer;
import com.exceptionless.testkit.ReceivedEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety the way production fails: a child JVM submits to a reporter with an outbox folder and is killed
 * with {@code destroyForcibly()} (SIGKILL) while a batch is in flight, while the reporter backs off after server
 * errors, and at an arbitrary moment of a steady stream; a new reporter on the same folder then delivers to the
 * stand-in server every event whose {@code submit} had returned before the kill (the test allows 200 ms for an
 * event to reach the disk, twice the documented 100 ms, so a loaded CI machine does not make it flaky), with
 * duplicates of at most the batch in flight, and accounts for all of them.
 */
class ReporterCrashTest extends ReporterTestSupport {
  private static final long ON_DISK_ALLOWANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  @Test
  void aKillWhileABatchIsInFlightLosesNoSubmittedEvent(@TempDir Path outbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(60_000)));

    killAfterABurstOnceTheServerWasCalled(outbox, 5_000);
  }

  @Test
  void aKillWhileTheReporterBacksOffLosesNoSubmittedEvent(@TempDir Path outbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(503)));

    killAfterABurstOnceTheServerWasCalled(outbox, 3_000);
  }

  @Test
  void aKillAtAnArbitraryMomentOfASteadyStreamLosesOnlyWhatWasNotYetOnDisk(@TempDir Path outbox) throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202)));
    Child child = Child.start("steady", serverUrl(), outbox, 1_000_000);
    child.awaitLine("submitted 400", Duration.ofSeconds(60));
    Thread.sleep(777);

    long killedAt = child.kill();

    Map<String, Integer> deliveredBefore = new HashMap<>();
    for (Map<String, Object> event : acceptedEvents()) {
      deliveredBefore.merge((String) event.get("message"), 1, Integer::sum);
    }
    assertThat(deliveredBefore).as("the healthy server took events before the kill").isNotEmpty();
    assertEveryEventSubmittedBeforeIsDelivered(outbox, child, killedAt, deliveredBefore);
  }

  @Test
  void theShutdownHookKeepsItsBoundAgainstAServerThatHangsAndTheNextStartSendsTheRest(@TempDir Path outbox)
      throws Exception {
    server.stubFor(post("/api/v2/events").willReturn(aResponse().withStatus(202).withFixedDelay(60_000)));
    Child child = Child.start("exit", serverUrl(), outbox, 500);

    String exiting = child.awaitLine("exiting", Duration.ofSeconds(60));
    long exitRequested = child.seenAt(exiting);
    assertThat(child.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long hookMillis = TimeUnit.NANOSECONDS.toMillis(child.exitedAt() - exitRequested);

    assertThat(hookMillis).as("shutdownTimeout is 1 s").isLessThan(1_400);
    assertEveryEventSubmittedBeforeIsDelivered(outbox, child, child.exitedAt(), new HashMap<>());
  }

  private void killAfterABurstOnceTheServerWasCalled(Path outbox, int count) throws Exception {
    Child child = Child.start("burst", serverUrl(), outbox, count);
    child.awaitLine("done", Duration.ofSeconds(60));
    awaitRequests(1, Duration.ofSeconds(10));
    Thread.sleep(300);

    long killedAt = child.kill();

    assertEveryEventSubmittedBeforeIsDelivered(outbox, child, killedAt, new HashMap<>());
  }

  private String serverUrl() {
    return "http://127.0.0.1:" + server.port();
  }

  private void awaitRequests(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (server.getAllServeEvents().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(server.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(count);
  }

  private void assertEveryEventSubmittedBeforeIsDelivered(Path outbox, Child child, long killedAt,
      Map<String, Integer> deliveredBefore) {
    List<String> required = child.submittedBefore(killedAt - ON_DISK_ALLOWANCE_NANOS);
    assertThat(required).as("events submitted before the kill").isNotEmpty();
    try (ExceptionlessTestServer standIn = ExceptionlessTestServer.start()) {
      ExceptionlessReporter restarted = ExceptionlessReporter.builder().serverUrl(standIn.baseUrl())
          .apiKey(standIn.accounts().clientApiKey()).outboxFolder(outbox).shutdownHook(false).resendDelay(Duration.ZERO)
          .build();
      reporters.add(restarted);

      assertThat(restarted.flush(Duration.ofSeconds(60))).as(restarted.stats().toString()).isTrue();

      ReporterStats stats = restarted.stats();
      Map<String, Integer> delivered = new HashMap<>(deliveredBefore);
      for (ReceivedEvent event : standIn.receivedEvents()) {
        delivered.merge(event.message(), 1, Integer::sum);
      }
      assertThat(delivered.keySet()).containsAll(required);
      int duplicates = 0;
      for (int times : delivered.values()) {
        duplicates += times - 1;
      }
      assertThat(duplicates).as("duplicates: at most the batch in flight").isLessThanOrEqualTo(50);
      assertThat(stats.restored()).isEqualTo(stats.submitted());
      assertThat(stats.accepted()).isEqualTo(standIn.receivedEvents().size()).isEqualTo(stats.restored());
      assertThat(stats.pending()).isZero();
      assertThat(stats.discardedTotal()).isZero();
      restarted.close(Duration.ofSeconds(5));
      assertThat(outbox.toFile().list((dir, name) -> name.endsWith(".events"))).isEmpty();
    }
  }

  /** A child JVM running {@link CrashChild}, with the time each line of its output was seen. */
  private static final class Child {
    final Process process;
    final Map<String, Long> lines = new ConcurrentHashMap<>();
    final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch ended = new CountDownLatch(1);
    volatile long exitedAt;

    private Child(Process process) {
      this.process = process;
      Thread reader = new Thread(this::read, "crash-child-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String mode, String serverUrl, Path outbox, int count) throws IOException {
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          CrashChild.class.getName(), mode, serverUrl, API_KEY, outbox.toString(), String.valueOf(count));
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      return new Child(builder.start());
    }

    private void read() {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          lines.put(line, System.nanoTime());
          order.add(line);
        }
      } catch (IOException e) {
        // The process was killed.
      } finally {
        exitedAt = System.nanoTime();
        ended.countDown();
      }
    }

    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        synchronized (order) {
          for (String line : order) {
            if (line.startsWith(prefix)) {
              return line;
            }
          }
        }
        assertThat(process.isAlive() || ended.getCount() > 0).as("the child is running").isTrue();
        Thread.sleep(10);
      }
      throw new AssertionError("the child did not print " + prefix + " within " + timeout);
    }

    long seenAt(String line) {
      return lines.get(line);
    }

    long kill() throws InterruptedException {
      long at = System.nanoTime();
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      ended.await(10, TimeUnit.SECONDS);
      return at;
    }

    long exitedAt() throws InterruptedException {
      ended.await(10, TimeUnit.SECONDS);
      return exitedAt;
    }

    /** The messages of the events whose submit had returned before the given time. */
    List<String> submittedBefore(long nanos) {
      List<String> messages = new ArrayList<>();
      for (Map.Entry<String, Long> line : lines.entrySet()) {
        if (line.getKey().startsWith("submitted ") && line.getValue() < nanos) {
          messages.add("crash-" + line.getKey().substring("submitted ".length()));
        }
      }
      return messages;
    }
  }
}
