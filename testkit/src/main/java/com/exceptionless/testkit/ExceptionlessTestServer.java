package com.exceptionless.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;

/**
 * An in-process stand-in for the Exceptionless REST API v2 on a loopback port: login, organizations, projects,
 * tokens, event submission and processing into stored events and stacks, event and stack searches, stack actions
 * and client configuration, with the real server's authentication, policies, problem details, paging and rate
 * limiting; every method is thread-safe and the server runs on daemon threads only.
 *
 * <p>Unless already set, loading this class sets the system property {@code sun.net.httpserver.nodelay} to
 * {@code true} so that the JDK HTTP server answers without Nagle delays.
 *
 * <pre>{@code
 * try (ExceptionlessTestServer server = ExceptionlessTestServer.start()) {
 *     // point the client at server.baseUrl() with server.accounts().clientApiKey()
 *     List<ReceivedEvent> events = server.awaitEvents(1, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class ExceptionlessTestServer implements AutoCloseable {
  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY each response waits ~40 ms
    // for a delayed ACK. The JDK reads this once per JVM, so an explicit user setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer httpServer;
  private final ExecutorService executor;
  private final String baseUrl;
  private final Clock clock;
  private final InMemoryStore store;
  private final Recorder recorder;
  private final EventRoutes eventRoutes;
  private final EventStore eventStore;
  private final EventProcessor processor;
  private final AtomicReference<PlanLimits> plan;
  private final RouteTable routes;
  private final TestAccounts accounts;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ExceptionlessTestServer(Builder builder) throws IOException {
    this.clock = builder.clock;
    this.store = new InMemoryStore();
    this.recorder = new Recorder();
    this.plan = new AtomicReference<PlanLimits>(builder.planLimits);
    this.eventStore = new EventStore();
    this.processor = new EventProcessor(eventStore, store, recorder, clock);
    processor.setDelay(builder.processingDelay);
    this.eventRoutes = new EventRoutes(store, recorder, clock, processor, eventStore);
    this.routes = new RouteTable();
    new AuthRoutes(store, clock).register(routes);
    new OrganizationRoutes(store, eventStore, clock, plan).register(routes);
    new ConfigRoutes(store).register(routes);
    new ProjectRoutes(store, new ProjectViews(store, recorder, eventStore, plan), eventStore, clock, plan)
        .register(routes);
    new TokenRoutes(store, clock).register(routes);
    eventRoutes.register(routes);
    new EventReadRoutes(store, eventStore, plan).register(routes);
    new StackRoutes(store, eventStore, clock, plan).register(routes);
    new MemberRoutes(store).register(routes);
    new DataRoutes(store, eventStore, clock).register(routes);
    this.accounts = builder.seeded ? SeedData.seed(store, clock.instant()) : null;

    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.httpServer = HttpServer.create(new InetSocketAddress(loopback, builder.port), 0);
    String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]"
        : loopback.getHostAddress();
    this.baseUrl = "http://" + host + ":" + httpServer.getAddress().getPort();
    RequestPipeline pipeline = new RequestPipeline(routes, new Authenticator(store, clock),
        new RateLimiter(clock, builder.rateLimitPerWindow));
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    httpServer.setExecutor(executor);
    httpServer.createContext("/", new HttpExchangeHandler(pipeline, recorder, clock, baseUrl));
    startOnDaemonThread(httpServer);
  }

  /** Starts a seeded server on an ephemeral loopback port with the system UTC clock. */
  public static ExceptionlessTestServer start() {
    return builder().start();
  }

  /** Returns a builder for a server with a fixed port, clock, rate limit or without seed data. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the server's root URL, e.g. {@code http://127.0.0.1:49152}, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Returns the seeded credentials; throws IllegalStateException when the server was started unseeded. */
  public TestAccounts accounts() {
    if (accounts == null) {
      throw new IllegalStateException("This server was started with seeded(false); it has no TestAccounts");
    }
    return accounts;
  }

  /** Adds a user (global admins get the {@code global} role) and returns its new id. */
  public String addUser(String email, String password, boolean globalAdmin) {
    requireText(email, "email");
    requireText(password, "password");
    String id = Ids.newObjectId(clock.instant());
    store.addUser(new UserRecord(id, email.trim(), password, globalAdmin));
    return id;
  }

  /** Adds an organization with the given members and returns its new id. */
  public String addOrganization(String name, String... memberUserIds) {
    requireText(name, "name");
    String id = Ids.newObjectId(clock.instant());
    store.addOrganization(new OrganizationRecord(id, name, new LinkedHashSet<String>(Arrays.asList(memberUserIds)),
        clock.instant()));
    return id;
  }

  /** Adds a project to an organization and returns its new id; its client configuration starts at version 0. */
  public String addProject(String organizationId, String name) {
    requireText(name, "name");
    String id = Ids.newObjectId(clock.instant());
    store.addProject(new ProjectRecord(id, organizationId, name, clock.instant(), 0,
        Collections.<String, String>emptyMap()));
    return id;
  }

  /**
   * Adds an API key bound to a project and returns it; scopes follow the API's rules (none means
   * {@code client}, {@code user} adds {@code client}, {@code global} adds both).
   */
  public String addToken(String projectId, String userIdOrNull, String... scopes) {
    ProjectRecord project = store.project(projectId);
    if (project == null) {
      throw new IllegalArgumentException("Unknown project id: " + projectId);
    }
    return addApiKey(project.organizationId, project.id, userIdOrNull, scopes);
  }

  /** Adds an organization-wide API key (no project) and returns it; scopes as for {@link #addToken}. */
  public String addOrganizationToken(String organizationId, String userIdOrNull, String... scopes) {
    return addApiKey(organizationId, null, userIdOrNull, scopes);
  }

  /** Disables or re-enables an API key or login token; a disabled one fails authentication with 401. */
  public void setTokenDisabled(String tokenId, boolean disabled) {
    synchronized (store) {
      store.replaceToken(existingToken(tokenId).withDisabled(disabled, clock.instant()));
    }
  }

  /** Sets when an API key or login token expires (null: never); an expired one fails authentication with 401. */
  public void setTokenExpiresUtc(String tokenId, Instant expiresUtcOrNull) {
    synchronized (store) {
      store.replaceToken(existingToken(tokenId).withExpiresUtc(expiresUtcOrNull, clock.instant()));
    }
  }

  /** Sets (or, with a null value, removes) a client configuration setting and returns the new config version. */
  public int setProjectSetting(String projectId, String key, String value) {
    requireText(key, "key");
    return store.setProjectSetting(projectId, key, value).configVersion;
  }

  /** Makes event submission answer 503 Service Unavailable, as when the server disables it; false restores it. */
  public void setEventSubmissionDisabled(boolean disabled) {
    eventRoutes.setSubmissionDisabled(disabled);
  }

  /**
   * Sets the plan rules for every organization: organization and project limits (426 past them) and premium
   * features (without them, sessions and stack promotion answer 426). The default is unlimited with premium
   * features.
   */
  public void setPlanLimits(PlanLimits limits) {
    plan.set(Objects.requireNonNull(limits, "limits == null"));
  }

  /** Returns the plan rules in force. */
  public PlanLimits planLimits() {
    return plan.get();
  }

  /**
   * Sets how long after a 202 submitted events become stored events (visible to event and stack reads); zero,
   * the default, processes them before the 202 is written. Use it to test code that polls for its events.
   */
  public void setProcessingDelay(Duration delay) {
    processor.setDelay(checkDelay(delay));
  }

  /**
   * Returns the stored events (PersistentEvent JSON objects: ids, stack_id, is_first_occurrence, created_utc and
   * the submitted fields), in processing order; events the server's validation rejects are not among them.
   */
  public List<Map<String, Object>> storedEvents() {
    List<Map<String, Object>> views = new ArrayList<Map<String, Object>>();
    for (StoredEvent event : eventStore.events()) {
      views.add(event.view());
    }
    return Collections.unmodifiableList(views);
  }

  /**
   * Blocks until at least count events are stored and returns them as {@link #storedEvents()} does; throws
   * IllegalStateException saying how many were stored when the timeout passes first.
   */
  public List<Map<String, Object>> awaitStoredEvents(int count, Duration timeout) {
    eventStore.awaitEvents(count, Objects.requireNonNull(timeout, "timeout == null"));
    return storedEvents();
  }

  /** Returns the stacks (Stack JSON objects), in creation order. */
  public List<Map<String, Object>> stacks() {
    List<Map<String, Object>> views = new ArrayList<Map<String, Object>>();
    for (StackRecord stack : eventStore.stacks()) {
      views.add(stack.view());
    }
    return Collections.unmodifiableList(views);
  }

  /**
   * Returns the events (and whole posts) the server accepted with a 202 and then dropped silently, as the real
   * server does, each with the reason, in the order they were dropped; see {@link DroppedEvent}.
   */
  public List<DroppedEvent> droppedEvents() {
    return recorder.dropped();
  }

  /** Returns the session heartbeats the server answered with 200, in arrival order. */
  public List<SessionHeartbeat> heartbeats() {
    return recorder.heartbeats();
  }

  /** Returns every event received so far, in arrival order. */
  public List<ReceivedEvent> receivedEvents() {
    return recorder.events();
  }

  /** Returns the events received for one project, in arrival order. */
  public List<ReceivedEvent> receivedEvents(String projectId) {
    return recorder.events(projectId);
  }

  /** Returns every accepted (202) event submission, in arrival order. */
  public List<ReceivedSubmission> submissions() {
    return recorder.submissions();
  }

  /** Returns every request answered so far, in order, with credentials redacted. */
  public List<RecordedRequest> requests() {
    return recorder.requests();
  }

  /**
   * Blocks until at least count events have arrived and returns all received events; throws
   * IllegalStateException saying how many arrived when the timeout passes first.
   */
  public List<ReceivedEvent> awaitEvents(int count, Duration timeout) {
    return recorder.awaitEvents(count, Objects.requireNonNull(timeout, "timeout == null"));
  }

  /**
   * Forgets recorded requests, submissions, received and dropped events and heartbeats (usage counts from zero again); stored
   * events and stacks stay.
   */
  public void clearReceived() {
    recorder.clear();
  }

  /** Stops the server immediately; calling it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      httpServer.stop(0);
      executor.shutdownNow();
      processor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "ExceptionlessTestServer{" + baseUrl + (closed.get() ? ", closed" : "") + "}";
  }

  /** The routes served, for comparing with the server's endpoint manifest. */
  List<Route> routes() {
    return routes.routes();
  }

  private String addApiKey(String organizationId, String projectId, String userIdOrNull, String... scopes) {
    List<String> normalized = Scopes.normalize(Arrays.asList(scopes));
    if (normalized == null) {
      throw new IllegalArgumentException("Scopes must be among " + Scopes.ALLOWED + ": "
          + Arrays.toString(scopes));
    }
    Instant now = clock.instant();
    String id = Ids.newToken();
    store.addToken(new TokenRecord(id, TokenRecord.Type.ACCESS, organizationId, projectId, null, userIdOrNull,
        normalized, null, null, false, false, now, now));
    return id;
  }

  private TokenRecord existingToken(String tokenId) {
    TokenRecord token = store.token(tokenId);
    if (token == null) {
      throw new IllegalArgumentException("Unknown token");
    }
    return token;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  private static Duration checkDelay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("delay must be zero or positive: " + delay);
    }
    return delay;
  }

  private static ThreadFactory daemonThreads() {
    return new ThreadFactory() {
      @Override
      public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "exceptionless-test-server-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      }
    };
  }

  /** The JDK server's dispatcher thread inherits daemon status from the thread that starts it. */
  private static void startOnDaemonThread(final HttpServer server) {
    final List<RuntimeException> failure = new ArrayList<RuntimeException>();
    Thread starter = new Thread(new Runnable() {
      @Override
      public void run() {
        try {
          server.start();
        } catch (RuntimeException e) {
          failure.add(e);
        }
      }
    }, "exceptionless-test-server-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.stop(0);
      throw new IllegalStateException("Interrupted while starting the server", e);
    }
    if (!failure.isEmpty()) {
      throw failure.get(0);
    }
  }

  /** Configures and starts an {@link ExceptionlessTestServer}; not thread-safe, use it from one thread. */
  public static final class Builder {
    private int port;
    private Clock clock = Clock.systemUTC();
    private int rateLimitPerWindow = RateLimiter.DEFAULT_LIMIT;
    private boolean seeded = true;
    private PlanLimits planLimits = PlanLimits.unlimited();
    private Duration processingDelay = Duration.ZERO;

    private Builder() {
    }

    /** Sets the loopback port; 0 (the default) picks a free ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      this.port = port;
      return this;
    }

    /** Sets the clock used for token expiry, login and rate-limit windows and recorded times. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets how many requests a caller may make per 15-minute window before 429 (default 3500). */
    public Builder rateLimitPerWindow(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit < 1: " + limit);
      }
      this.rateLimitPerWindow = limit;
      return this;
    }

    /** Sets whether to add the {@link TestAccounts} users, organization, projects and keys (default true). */
    public Builder seeded(boolean seeded) {
      this.seeded = seeded;
      return this;
    }

    /** Sets the plan rules (default {@link PlanLimits#unlimited()}); see {@link #setPlanLimits}. */
    public Builder planLimits(PlanLimits limits) {
      this.planLimits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /** Sets the delay before submitted events are stored (default zero); see {@link #setProcessingDelay}. */
    public Builder processingDelay(Duration delay) {
      this.processingDelay = checkDelay(delay);
      return this;
    }

    /** Starts the server; throws UncheckedIOException when the port cannot be bound. */
    public ExceptionlessTestServer start() {
      try {
        return new ExceptionlessTestServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the Exceptionless test server on port " + port, e);
      }
    }
  }
}
