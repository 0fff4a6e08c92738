package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.Event;
import com.exceptionless.client.model.UserDescription;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

/**
 * Reports errors, logs, feature usage, 404s and sessions to Exceptionless without ever hurting the
 * application: submitting only puts the event in a bounded queue (the caller never waits for the
 * network, and nothing is thrown into the caller from background work); one daemon thread sends batches
 * (50 by default, every 10 s, sooner when a batch fills or on {@link #flush}), gzip-compressed above 4 KB,
 * retrying what the server did not take. Every event not delivered is counted by reason in {@link #stats()}.
 *
 * <p>Thread-safe; share one per application and close it (or let the shutdown hook flush it) at exit.
 *
 * <pre>{@code
 * ExceptionlessReporter reporter = ExceptionlessReporter.builder().apiKey(key).build();
 * try { ... } catch (Exception e) { reporter.createException(e).tags("checkout").submit(); }
 * }</pre>
 */
public final class ExceptionlessReporter implements AutoCloseable {
  private final ReporterSettings settings;
  private final ExceptionlessClient client;
  private final BlockingQueue<QueuedEvent> queue;
  private final Outbox outbox;
  private final ReporterCounters counters = new ReporterCounters();
  private final SubmissionWorker worker;
  private final Thread workerThread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<ServerSettings> serverSettings = new AtomicReference<>(ServerSettings.NONE);
  private final Clock clock;
  private final Thread shutdownHook;
  private final UncaughtExceptionReporter uncaughtHandler;
  private final ServerCalls serverCalls;

  ExceptionlessReporter(ReporterSettings settings) {
    this.settings = settings;
    this.client = settings.client;
    this.clock = settings.clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity);
    this.outbox = settings.outbox();
    this.serverCalls = new ServerCalls(client.events(), settings.heartbeatInterval.toNanos());
    this.worker = new SubmissionWorker(queue,
        new EventPreparer(settings, serverSettings::get, counters),
        new BatchSender(client.events()),
        new Backoff(settings.retryBaseDelay, settings.retryMaxDelay, settings.retryMaxDelay, settings.random),
        counters, outbox, this::configVersionSeen, settings.batchSize, settings.flushInterval, settings.resendDelay,
        outbox != null ? outbox.load() : java.util.Collections.<Batch>emptyList(), serverCalls);
    this.workerThread = new Thread(worker, "exceptionless-reporter");
    workerThread.setDaemon(true);
    worker.start(workerThread);
    this.shutdownHook = settings.shutdownHook ? registerShutdownHook() : null;
    this.uncaughtHandler = settings.captureUncaughtExceptions ? UncaughtExceptionReporter.install(this) : null;
  }

  /** Returns a builder. */
  public static ReporterBuilder builder() {
    return new ReporterBuilder();
  }

  /**
   * Starts an error event from a throwable: its type, message, stack trace, cause chain, suppressed
   * exceptions and extra properties become {@code @error} (on the worker thread, not the caller's).
   *
   * @param error the throwable
   * @return the builder; call {@link EventBuilder#submit()}
   */
  public EventBuilder createException(Throwable error) {
    return new EventBuilder(this, "error", error, now());
  }

  /**
   * Starts a log event.
   *
   * @param source where it was logged, for example a logger name
   * @param message the message
   * @param level the level
   * @return the builder
   */
  public EventBuilder createLog(String source, String message, LogLevel level) {
    return new EventBuilder(this, "log", null, now()).source(source).message(message).level(level == null ? LogLevel.INFO : level);
  }

  /**
   * Starts a feature-usage event.
   *
   * @param feature the feature name
   * @return the builder
   */
  public EventBuilder createFeatureUsage(String feature) {
    return new EventBuilder(this, "usage", null, now()).source(feature);
  }

  /**
   * Starts a not-found event.
   *
   * @param resource the missing resource, for example a path
   * @return the builder
   */
  public EventBuilder createNotFound(String resource) {
    return new EventBuilder(this, "404", null, now()).source(resource);
  }

  /**
   * Starts a session-start event; the session id becomes its reference id.
   *
   * @param sessionId 8 to 100 letters, digits or dashes
   * @return the builder
   */
  public EventBuilder createSessionStart(String sessionId) {
    return new EventBuilder(this, "session", null, now()).referenceId(sessionId);
  }

  /**
   * Starts a session-end event for a session.
   *
   * @param sessionId 8 to 100 letters, digits or dashes
   * @return the builder
   */
  public EventBuilder createSessionEnd(String sessionId) {
    return new EventBuilder(this, "sessionend", null, now()).eventReference("session", sessionId);
  }

  /**
   * Reports a throwable with no further detail; never throws.
   *
   * @param error the throwable
   */
  public void submitException(Throwable error) {
    if (error == null) {
      discardInvalid(new NullPointerException("error == null"));
      return;
    }
    enqueue(new QueuedEvent(new EventBuilder(this, "error", error, now()).build(), error));
  }

  /**
   * Reports a log message; never throws.
   *
   * @param source where it was logged
   * @param message the message
   * @param level the level
   */
  public void submitLog(String source, String message, LogLevel level) {
    createLog(source, message, level).submit();
  }

  /**
   * Attaches what a user said about an event (for example from an error page) to the event with that
   * reference id, on the worker thread; never throws and never blocks on the network.
   *
   * @param referenceId the event's reference id, 8 to 100 letters, digits or dashes
   * @param emailAddress the user's email address, or null
   * @param description what the user said
   * @throws IllegalArgumentException when the reference id is malformed (nothing is queued)
   */
  public void submitUserDescription(String referenceId, String emailAddress, String description) {
    EventBuilder.identifier(referenceId, "referenceId");
    if (closed.get()) {
      return;
    }
    serverCalls.userDescription(referenceId, UserDescription.builder().emailAddress(emailAddress).description(description).build());
    worker.wakeUp();
  }

  /**
   * Starts a session: submits its session-start event and, until {@link #endSession}, sends a heartbeat for it
   * every heartbeat interval (60 s by default), so the server knows the session is alive.
   *
   * @param sessionId 8 to 100 letters, digits or dashes
   */
  public void startSession(String sessionId) {
    createSessionStart(sessionId).submit();
    serverCalls.sessionStarted(sessionId);
  }

  /**
   * Ends a session: stops its heartbeats and sends the closing heartbeat ({@code close=true}).
   *
   * @param sessionId the session id given to {@link #startSession}
   */
  public void endSession(String sessionId) {
    EventBuilder.identifier(sessionId, "sessionId");
    if (!closed.get()) {
      serverCalls.sessionEnded(sessionId);
      worker.wakeUp();
    }
  }

  /**
   * Sends everything queued now and waits until the server took it, failed definitively, or the timeout passed.
   *
   * @param timeout how long to wait at most
   * @return whether nothing is pending any more
   */
  public boolean flush(Duration timeout) {
    return !closed.get() && worker.flush(timeout);
  }

  /** Returns what happened to the events so far. */
  public ReporterStats stats() {
    return counters.snapshot(queue.size() + worker.unresolved());
  }

  /** Returns the project settings the server sent (refreshed when its configuration version grows). */
  public Optional<ClientConfiguration> serverConfiguration() {
    return Optional.ofNullable(serverSettings.get().configuration());
  }

  /**
   * Flushes within the timeout, stops the worker, and stores what is left in the outbox folder (or counts
   * it as {@link DiscardReason#CLOSED}). Later submissions are counted as CLOSED. Idempotent.
   *
   * @param timeout how long to wait at most
   */
  public void close(Duration timeout) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    worker.flush(timeout);
    worker.stop();
    try {
      workerThread.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (workerThread.isAlive()) {
        workerThread.interrupt();
        workerThread.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storeOrCountLeftovers();
    if (uncaughtHandler != null) {
      uncaughtHandler.uninstall();
    }
    removeShutdownHook();
    ReporterStats stats = stats();
    if (stats.discardedTotal() > 0) {
      ReporterCounters.LOGGER.warning("Exceptionless reporter closed: " + stats);
    } else if (ReporterCounters.LOGGER.isLoggable(Level.FINE)) {
      ReporterCounters.LOGGER.fine("Exceptionless reporter closed: " + stats);
    }
  }

  /** Closes with the configured shutdown timeout (5 s by default). */
  @Override
  public void close() {
    close(settings.shutdownTimeout);
  }

  void enqueue(QueuedEvent event) {
    counters.submitted();
    if (closed.get()) {
      counters.discarded(DiscardReason.CLOSED, 1);
    } else if (worker.planLimited()) {
      counters.discarded(DiscardReason.PLAN_LIMIT, 1);
    } else if (!queue.offer(event)) {
      counters.discarded(DiscardReason.QUEUE_FULL, 1);
    } else {
      worker.eventQueued(queue.size());
    }
  }

  void discardInvalid(RuntimeException reason) {
    counters.submitted();
    counters.discarded(DiscardReason.FAILED, 1);
    ReporterCounters.LOGGER.log(Level.FINE, "Exceptionless: an event could not be built", reason);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  /** Runs on the worker thread: fetches the settings when the server's configuration version grew. */
  private void configVersionSeen(int version) {
    ServerSettings current = serverSettings.get();
    if (version <= current.version()) {
      return;
    }
    try {
      client.projects().configIfNewer(current.version())
          .ifPresent(configuration -> serverSettings.set(ServerSettings.from(configuration)));
    } catch (RuntimeException e) {
      ReporterCounters.LOGGER.log(Level.FINE, "Exceptionless: could not refresh the project settings", e);
    }
  }

  /** After the worker stopped: what it still held is already in the outbox, or is counted as CLOSED. */
  private void storeOrCountLeftovers() {
    int unsent = 0;
    if (!workerThread.isAlive()) {
      for (Batch batch : worker.takeLeftovers()) {
        if (batch.file == null) {
          unsent += batch.events.size();
        }
      }
    }
    List<QueuedEvent> queued = new ArrayList<>();
    queue.drainTo(queued);
    EventPreparer preparer = new EventPreparer(settings, serverSettings::get, counters);
    List<Event> events = new ArrayList<>();
    for (QueuedEvent event : queued) {
      Event prepared = preparer.prepare(event);
      if (prepared != null) {
        events.add(prepared);
      }
    }
    if (!events.isEmpty() && (outbox == null || outbox.store(events) == null)) {
      unsent += events.size();
    }
    counters.discarded(DiscardReason.CLOSED, unsent);
  }

  private Thread registerShutdownHook() {
    Thread hook = new Thread(() -> close(settings.shutdownTimeout), "exceptionless-reporter-shutdown");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return hook;
    } catch (IllegalStateException | SecurityException e) {
      return null;
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | SecurityException e) {
      // The JVM is already shutting down; the hook is running or done.
    }
  }

  @Override
  public String toString() {
    return "ExceptionlessReporter{" + client + ", " + stats() + "}";
  }
}
