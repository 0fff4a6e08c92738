package com.exceptionless.client.reporting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Context for the events the current thread submits while the scope is open: a user identity, tags and data,
 * added to each event at {@code submit} (values the event sets itself win). Opened with
 * {@link ExceptionlessReporter#openScope()} and closed with try-with-resources; a scope starts with what the
 * enclosing scope holds, and closing it restores the enclosing one (or nothing: no thread-local value is left
 * behind). {@link ExceptionlessReporter#wrap(Runnable)} and its siblings carry the current scope to another
 * thread. Setters are for the thread that opened the scope, while it is the innermost one; not thread-safe.
 *
 * <pre>{@code
 * try (ReportingScope scope = reporter.openScope().user(customer.email(), customer.name()).tags("checkout")) {
 *   scope.data("cart", cart.id());
 *   ...
 * }
 * }</pre>
 */
public final class ReportingScope implements AutoCloseable {
  private final ThreadLocal<Snapshot> current;
  private final Thread owner;
  private final Snapshot enclosing;
  private boolean closed;

  ReportingScope(ThreadLocal<Snapshot> current) {
    this.current = current;
    this.owner = Thread.currentThread();
    this.enclosing = current.get();
    current.set(enclosing != null ? enclosing : Snapshot.EMPTY);
  }

  /**
   * Sets the user events of this scope happened to ({@code @user}).
   *
   * @param identity a stable identifier, such as an email address or user id
   * @param name a display name, or null
   * @return this scope
   */
  public ReportingScope user(String identity, @Nullable String name) {
    if (identity == null || identity.trim().isEmpty()) {
      throw new IllegalArgumentException("identity is blank: give the user's id or email address");
    }
    Snapshot now = own();
    current.set(new Snapshot(identity, name, now.tags, now.data));
    return this;
  }

  /**
   * Adds tags to the events of this scope.
   *
   * @param tags 1 to 100 characters each, no control or invisible formatting characters
   * @return this scope
   */
  public ReportingScope tags(String... tags) {
    Objects.requireNonNull(tags, "tags == null");
    Snapshot now = own();
    Set<String> more = new LinkedHashSet<>(now.tags);
    for (String tag : tags) {
      more.add(Tags.check(tag, "tag"));
    }
    current.set(new Snapshot(now.userIdentity, now.userName, Collections.unmodifiableSet(more), now.data));
    return this;
  }

  /**
   * Adds data to the events of this scope, copied now as {@link EventBuilder#data} copies it.
   *
   * @param key the key; not blank, not starting with {@code @}
   * @param value the value
   * @return this scope
   */
  public ReportingScope data(String key, Object value) {
    String checked = DataSanitizer.dataKey(key);
    Object copy = new DataSanitizer().copy(value);
    Snapshot now = own();
    Map<String, Object> more = new LinkedHashMap<>(now.data);
    more.put(checked, copy);
    current.set(new Snapshot(now.userIdentity, now.userName, now.tags, Collections.unmodifiableMap(more)));
    return this;
  }

  /** Restores the enclosing scope on this thread (or none); idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A scope must be closed on the thread that opened it (" + owner.getName() + ")");
    }
    if (enclosing == null) {
      current.remove();
    } else {
      current.set(enclosing);
    }
  }

  private Snapshot own() {
    if (closed) {
      throw new IllegalStateException("This scope is closed");
    }
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("A scope is changed on the thread that opened it (" + owner.getName() + ")");
    }
    return current.get() != null ? current.get() : Snapshot.EMPTY;
  }

  /** What a scope holds at one moment: the value a submit captures and a wrapped task carries. Immutable. */
  static final class Snapshot {
    static final Snapshot EMPTY = new Snapshot(null, null, Collections.<String>emptySet(),
        Collections.<String, Object>emptyMap());

    final String userIdentity;
    final String userName;
    final Set<String> tags;
    final Map<String, Object> data;

    Snapshot(String userIdentity, String userName, Set<String> tags, Map<String, Object> data) {
      this.userIdentity = userIdentity;
      this.userName = userName;
      this.tags = tags;
      this.data = data;
    }

  }
}
