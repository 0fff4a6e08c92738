package com.exceptionless.client.reporting;

import com.exceptionless.client.ExceptionlessClient;
import com.exceptionless.client.internal.Checks;
import com.exceptionless.client.model.ClientConfiguration;
import com.exceptionless.client.model.UserDescription;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

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
  /** How long closing waits for a thread that should have ended, past the caller's timeout. */
  private static final long JOIN_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(40);

  private final ReporterSettings settings;
  private final ExceptionlessClient client;
  private final BlockingQueue<QueuedEvent> queue;
  private final ReporterCounters counters = new ReporterCounters();
  private final EventStore store;
  private final boolean spillToStore;
  private final DeliveryPause pause = new DeliveryPause();
  private final EventWriter writer;
  private final EventSender sender;
  private final Thread writerThread;
  private final Thread senderThread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<ServerSettings> serverSettings = new AtomicReference<>(ServerSettings.NONE);
  private final Clock clock;
  private final Thread shutdownHook;
  private final UncaughtExceptionReporter uncaughtHandler;
  private final ServerCalls serverCalls;
  private final EventPreparer preparer;
  private final ThreadLocal<ReportingScope.Snapshot> scopes = new ThreadLocal<>();
  private final Breadcrumbs breadcrumbs;
  private int configVersionTried;

  ExceptionlessReporter(ReporterSettings settings) {
    this.settings = settings;
    this.client = settings.client;
    this.clock = settings.clock;
    this.queue = new LinkedBlockingQueue<>(settings.queueCapacity);
    this.store = settings.store(counters);
    this.spillToStore = store instanceof OutboxEventStore;
    this.serverCalls = new ServerCalls(client.events(), settings.heartbeatInterval.toNanos());
    this.sender = new EventSender(store, new BatchSender(client.httpClient(), HttpUrl.get(client.serverUrl()), clock),
        pause, new Backoff(settings.retryBaseDelay, settings.retryMaxDelay, settings.random), ReporterSettings.MAX_RETRY_AFTER,
        () -> !queue.isEmpty(),
        counters, serverCalls, this::configVersionSeen, clock, settings.batchSize, settings.flushInterval,
        settings.resendDelay);
    this.preparer = new EventPreparer(settings, serverSettings::get, counters);
    this.breadcrumbs = settings.breadcrumbs > 0 ? new Breadcrumbs(settings.breadcrumbs) : null;
    this.writer = new EventWriter(queue, preparer,
        preparer.eventJson(client.moshi()), store, counters, clock, settings.batchSize, sender::wake);
    this.writerThread = daemon(writer, "exceptionless-reporter-writer");
    this.senderThread = daemon(sender, "exceptionless-reporter-sender");
    writer.start(writerThread);
    sender.start(senderThread);
    this.shutdownHook = settings.shutdownHook ? registerShutdownHook() : null;
    this.uncaughtHandler = settings.captureUncaughtExceptions ? UncaughtExceptionReporter.install(this) : null;
  }

  /** Returns a builder. */
  public static ReporterBuilder builder() {
    return new ReporterBuilder();
  }

  /**
   * Starts an error event from a throwable: its type, message, stack trace, cause chain, suppressed
   * exceptions and extra properties become {@code @error} (on the reporter's writer thread, not the caller's).
   *
   * @param error the throwable
   * @return the builder; call {@link EventBuilder#submit()}
   * @throws NullPointerException when the throwable is null (an error event needs one)
   */
  public EventBuilder createException(Throwable error) {
    return EventBuilder.forError(this, error, now());
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
   * reference id, on the reporter's sender thread; never throws and never blocks on the network.
   *
   * @param referenceId the event's reference id, 8 to 100 letters, digits or dashes
   * @param emailAddress the user's email address, or null
   * @param description what the user said
   * @throws IllegalArgumentException when the reference id is malformed (nothing is queued)
   */
  public void submitUserDescription(String referenceId, @Nullable String emailAddress, String description) {
    Checks.identifier(referenceId, "referenceId");
    if (closed.get()) {
      return;
    }
    serverCalls.userDescription(referenceId, UserDescription.builder().emailAddress(emailAddress).description(description).build());
    sender.wake();
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
    Checks.identifier(sessionId, "sessionId");
    if (!closed.get()) {
      serverCalls.sessionEnded(sessionId);
      sender.wake();
    }
  }

  /**
   * Opens a scope on the current thread: the user, tags and data set on it go into every event this thread
   * submits until it is closed (try-with-resources), on top of what enclosing scopes hold.
   *
   * @return the open scope
   */
  public ReportingScope openScope() {
    return new ReportingScope(scopes);
  }

  /**
   * Returns a task that runs with the scope the current thread has now, wherever it runs, and restores that
   * thread's own scope afterwards.
   *
   * @param task the task
   * @return the wrapped task
   */
  public Runnable wrap(Runnable task) {
    Objects.requireNonNull(task, "task == null");
    ReportingScope.Snapshot captured = scopes.get();
    return () -> {
      ReportingScope.Snapshot own = install(captured);
      try {
        task.run();
      } finally {
        install(own);
      }
    };
  }

  /**
   * Returns a task that runs with the scope the current thread has now, wherever it runs, and restores that
   * thread's own scope afterwards.
   *
   * @param task the task
   * @param <T> its result
   * @return the wrapped task
   */
  public <T> Callable<T> wrap(Callable<T> task) {
    Objects.requireNonNull(task, "task == null");
    ReportingScope.Snapshot captured = scopes.get();
    return () -> {
      ReportingScope.Snapshot own = install(captured);
      try {
        return task.call();
      } finally {
        install(own);
      }
    };
  }

  /**
   * Returns an executor that runs each task with the scope of the thread that handed it over.
   *
   * @param executor the executor that runs the tasks
   * @return the wrapping executor
   */
  public Executor wrap(Executor executor) {
    Objects.requireNonNull(executor, "executor == null");
    return task -> executor.execute(wrap(task));
  }

  /**
   * Adds a line to the breadcrumbs: the recent log lines an error event submitted later carries as
   * {@code @trace} (the last 25 by default, {@link ReporterBuilder#breadcrumbs}). Logging integrations call it for
   * lines below their event level; it costs the caller a few tens of nanoseconds and never throws.
   *
   * @param line the line, for example {@code "INFO com.acme.Checkout: cart 42 priced"}; null is ignored
   */
  public void addBreadcrumb(String line) {
    if (breadcrumbs != null) {
      breadcrumbs.add(line);
    }
  }

  /** Returns the event plugins in the order they run, as {@code "<priority> <name>"}, the SDK's own included. */
  public List<String> plugins() {
    return preparer.plugins();
  }

  /**
   * Sends everything queued now (without waiting for the interval, and ending a backoff after a failure) and
   * waits until nothing is pending any more (accepted, or discarded and counted), or until the timeout passed.
   * An interrupted caller still gets its flush; its interrupt flag is set again before returning.
   *
   * @param timeout how long to wait at most
   * @return whether nothing is pending any more
   */
  public boolean flush(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    boolean interrupted = Thread.interrupted();
    try {
      long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
      if (!closed.get()) {
        writer.flush(deadline);
        sender.flush(deadline);
      }
      return awaitNothingPending(deadline);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Returns what happened to the events so far; {@code submitted == accepted + discardedTotal + pending +
   * leftInOutbox} in every snapshot.
   */
  public ReporterStats stats() {
    return counters.snapshot();
  }

  /** Returns the project settings the server sent (refreshed when its configuration version grows). */
  public Optional<ClientConfiguration> serverConfiguration() {
    return Optional.ofNullable(serverSettings.get().configuration());
  }

  /**
   * Sends what it can within the timeout, then stops: returns within the timeout plus a few tens of
   * milliseconds whatever the server does (a call still in flight then is cancelled). Everything not sent stays
   * in the outbox folder for the next start ({@link ReporterStats#leftInOutbox()}), or without one is counted as
   * {@link DiscardReason#CLOSED}; nothing is pending afterwards. Later submissions are counted as CLOSED. An
   * interrupted caller still gets its flush; its interrupt flag is set again before returning. Idempotent.
   *
   * @param timeout how long to wait at most
   */
  public void close(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean interrupted = Thread.interrupted();
    try {
      long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
      writer.stop();
      sender.stop(deadline);
      if (!join(writerThread, deadline)) {
        writer.abort();
        join(writerThread, System.nanoTime() + JOIN_GRACE_NANOS);
      }
      sender.writerDone();
      if (!join(senderThread, deadline)) {
        sender.abort();
        join(senderThread, System.nanoTime() + JOIN_GRACE_NANOS);
      }
      store.close();
      discardQueued();
      if (uncaughtHandler != null) {
        uncaughtHandler.uninstall();
      }
      removeShutdownHook();
      ReporterStats stats = stats();
      if (stats.discardedTotal() > 0 || stats.leftInOutbox() > 0) {
        ReportingLog.LOGGER.warning("Exceptionless reporter closed: " + stats);
      } else if (ReportingLog.LOGGER.isLoggable(Level.FINE)) {
        ReportingLog.LOGGER.fine("Exceptionless reporter closed: " + stats);
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes with the configured shutdown timeout (5 s by default). */
  @Override
  public void close() {
    close(settings.shutdownTimeout);
  }

  void enqueue(QueuedEvent event) {
    counters.submitted();
    event.scope = scopes.get();
    if (event.error != null && breadcrumbs != null) {
      event.breadcrumbs = breadcrumbs.snapshot();
    }
    if (closed.get()) {
      counters.discarded(DiscardReason.CLOSED, 1);
    } else if (pause.planLimited(event.queuedNanos)) {
      counters.discarded(DiscardReason.PLAN_LIMIT, 1);
    } else if (spillToStore && queue.size() >= EventWriter.SPILL_QUEUED) {
      writer.spill(event);
    } else if (queue.offer(event)) {
      writer.eventQueued(queue.size());
      if (closed.get() && queue.remove(event)) {
        counters.discarded(DiscardReason.CLOSED, 1);
      }
    } else if (spillToStore) {
      writer.spill(event);
    } else {
      counters.discarded(DiscardReason.QUEUE_FULL, 1);
    }
  }

  void discardInvalid(RuntimeException reason) {
    counters.submitted();
    counters.discarded(DiscardReason.FAILED, 1);
    ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: an event could not be built", reason);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private boolean awaitNothingPending(long deadline) {
    while (true) {
      if (sender.opened() && counters.snapshot().pending() == 0) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(2)));
    }
  }

  /**
   * Runs on the sender thread: fetches the settings when the server's configuration version grew, once per
   * version whatever the answer (304, an error, or a body that cannot be read).
   */
  private void configVersionSeen(int version) {
    ServerSettings current = serverSettings.get();
    if (version <= current.version() || version <= configVersionTried) {
      return;
    }
    configVersionTried = version;
    try {
      client.projects().configIfNewer(current.version())
          .ifPresent(configuration -> serverSettings.set(ServerSettings.from(configuration)));
    } catch (RuntimeException e) {
      ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: could not refresh the project settings", e);
    }
  }

  /** After the writer ended: events still queued (closing ran out of time) are counted as CLOSED. */
  private void discardQueued() {
    List<QueuedEvent> queued = new ArrayList<>();
    queue.drainTo(queued);
    counters.discarded(DiscardReason.CLOSED, queued.size());
  }

  private ReportingScope.Snapshot install(ReportingScope.Snapshot snapshot) {
    ReportingScope.Snapshot previous = scopes.get();
    if (snapshot == null) {
      scopes.remove();
    } else {
      scopes.set(snapshot);
    }
    return previous;
  }

  private static boolean join(Thread thread, long deadlineNanos) {
    long left;
    while (thread.isAlive() && (left = deadlineNanos - System.nanoTime()) > 0) {
      try {
        TimeUnit.NANOSECONDS.timedJoin(thread, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !thread.isAlive();
      }
    }
    return !thread.isAlive();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
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
