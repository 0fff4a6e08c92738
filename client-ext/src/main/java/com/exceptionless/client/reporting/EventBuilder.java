package com.exceptionless.client.reporting;

import com.exceptionless.client.internal.Checks;
import com.exceptionless.client.model.Event;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds one event and submits it to its reporter. Setters check their input at once (an invalid
 * reference id or coordinate throws {@link IllegalArgumentException} here, not silently on the server);
 * {@link #submit()} never throws. Not thread-safe: build an event on one thread.
 */
public final class EventBuilder {
  /** User identities and names, stack titles and keys are cut to this many characters (the server's stack title limit). */
  static final int MAX_NAME_LENGTH = 1000;

  private final ExceptionlessReporter reporter;
  private final Event.Builder event;
  private final Throwable error;
  private final Set<String> tags = new LinkedHashSet<>();
  private final Map<String, Object> data = new LinkedHashMap<>();
  private DataSanitizer sanitizer;

  EventBuilder(ExceptionlessReporter reporter, String type, Throwable error, OffsetDateTime date) {
    this.reporter = reporter;
    this.error = error;
    this.event = Event.builder().type(type).date(date);
  }

  /**
   * Starts an error event; what {@link ExceptionlessReporter#createException} returns.
   *
   * @throws NullPointerException when {@code error} is null: an error event needs its throwable
   */
  static EventBuilder forError(ExceptionlessReporter reporter, Throwable error, OffsetDateTime date) {
    Objects.requireNonNull(error, "error == null");
    return new EventBuilder(reporter, "error", error, date);
  }

  /**
   * Sets the source: the log source, the feature name, or the missing resource.
   *
   * @param source the source; cut to 2,000 characters
   * @return this builder
   */
  public EventBuilder source(String source) {
    event.source(DataSanitizer.cut(source, 2000));
    return this;
  }

  /**
   * Sets the message.
   *
   * @param message the message; cut to 2,000 characters
   * @return this builder
   */
  public EventBuilder message(String message) {
    event.message(DataSanitizer.cut(message, 2000));
    return this;
  }

  /**
   * Adds tags. Each is trimmed of spaces and must then be 1 to 100 characters (the server drops longer ones)
   * without control characters (NUL, tab, line breaks), bidirectional overrides or isolates (such as U+202E) or
   * invisible formatting characters; an event holds at most 50 tags. A bad tag is refused here, not stripped, so
   * the mistake shows where it is made; none of the tags of a refused call is added.
   *
   * @param moreTags the tags
   * @return this builder
   * @throws NullPointerException when the array or a tag is null
   * @throws IllegalArgumentException when a tag is blank, too long, holds such a character, or there would be too many
   */
  public EventBuilder tags(String... moreTags) {
    Set<String> checked = Tags.checkAll(moreTags, "tags", tags);
    tags.clear();
    tags.addAll(checked);
    return this;
  }

  /** Marks the event as critical (the tag {@code Critical}, as the official clients do). */
  public EventBuilder critical() {
    tags.add("Critical");
    return this;
  }

  /**
   * Sets the reference id, to find the event later or to attach a user description to it.
   *
   * @param referenceId 8 to 100 letters, digits or dashes
   * @return this builder
   */
  public EventBuilder referenceId(String referenceId) {
    event.referenceId(Checks.identifier(referenceId, "referenceId"));
    return this;
  }

  /**
   * Sets the user the event happened to ({@code @user}).
   *
   * @param identity a stable identifier, such as an email address or user id
   * @param name a display name, or null
   * @return this builder
   */
  public EventBuilder user(String identity, @Nullable String name) {
    if (identity == null || identity.trim().isEmpty()) {
      throw new IllegalArgumentException("identity is blank");
    }
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("identity", DataSanitizer.cut(identity, MAX_NAME_LENGTH));
    if (name != null) {
      user.put("name", DataSanitizer.cut(name, MAX_NAME_LENGTH));
    }
    data.put("@user", user);
    return this;
  }

  /**
   * Sets where the event happened.
   *
   * @param latitude -90 to 90
   * @param longitude -180 to 180
   * @return this builder
   */
  public EventBuilder geo(double latitude, double longitude) {
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || Double.isNaN(latitude) || Double.isNaN(longitude)) {
      throw new IllegalArgumentException("geo must be a latitude from -90 to 90 and a longitude from -180 to 180");
    }
    event.geo(latitude + "," + longitude);
    return this;
  }

  /**
   * Sets a number attached to the event (for example a duration or an amount).
   *
   * @param value the value
   * @return this builder
   */
  public EventBuilder value(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("value must be a finite number");
    }
    event.value(value);
    return this;
  }

  /**
   * Sets the application version ({@code @version}).
   *
   * @param version the version
   * @return this builder
   */
  public EventBuilder version(String version) {
    putKnown("@version", version);
    return this;
  }

  /**
   * Groups the event under a stack of your choosing instead of the server's signature ({@code @stack}).
   *
   * @param title the stack title
   * @param key the key events of this stack share
   * @return this builder
   */
  public EventBuilder manualStackingKey(String title, String key) {
    if (key == null || key.trim().isEmpty()) {
      throw new IllegalArgumentException("key is blank");
    }
    Map<String, Object> stack = new LinkedHashMap<>();
    if (title != null) {
      stack.put("title", DataSanitizer.cut(title, MAX_NAME_LENGTH));
    }
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("ManualStackingKey", DataSanitizer.cut(key, MAX_NAME_LENGTH));
    stack.put("signature_data", signature);
    data.put("@stack", stack);
    return this;
  }

  /**
   * Names another event this one belongs to, such as its session ({@code @ref:<name>}).
   *
   * @param name the reference name, for example {@code session}
   * @param id 8 to 100 letters, digits or dashes
   * @return this builder
   */
  public EventBuilder eventReference(String name, String id) {
    if (name == null || name.trim().isEmpty()) {
      throw new IllegalArgumentException("name is blank");
    }
    data.put("@ref:" + name.trim(), Checks.identifier(id, "id"));
    return this;
  }

  /**
   * Adds extended data, copied at once (later changes to the value do not show) and never throwing whatever the
   * value is. Maps, collections, arrays, strings, numbers, booleans and enums are kept; other objects are sent as
   * their {@code toString()}. Limits: {@value DataSanitizer#MAX_DEPTH} levels of nesting (deeper containers become
   * {@code "[nested too deep]"}, a container inside itself {@code "[cycle]"}), {@value DataSanitizer#MAX_ENTRIES}
   * entries per map, collection or array (then {@code "[cut]"}), {@value DataSanitizer#MAX_STRING_LENGTH}
   * characters per string, and {@value DataSanitizer#BUDGET} characters for all the data of one event (then
   * {@code "[size limit]"}). {@code NaN} and infinities become the strings {@code "NaN"}, {@code "Infinity"} and
   * {@code "-Infinity"}; a {@code toString()} or iterator that throws becomes {@code "[toString() threw <class>]"}
   * or {@code "[iterator() threw <class>]"}. The server's data exclusions are applied before sending. Keys
   * starting with {@code @} are reserved for known data.
   *
   * @param key the key
   * @param value the value
   * @return this builder
   */
  public EventBuilder data(String key, Object value) {
    String checked = DataSanitizer.dataKey(key);
    if (sanitizer == null) {
      sanitizer = new DataSanitizer();
    }
    data.put(checked, sanitizer.copy(value));
    return this;
  }

  /**
   * Sets the HTTP request the event happened in ({@code @request}), for web integrations. The map uses the JSON
   * names of the server's RequestInfo model ({@code http_method}, {@code user_agent}, {@code host}, {@code path},
   * {@code port}, {@code is_secure}, {@code referrer}, {@code client_ip_address}, {@code headers} (name to list of
   * values), {@code cookies}, {@code query_string}, {@code post_data}); it is copied at once with the limits of
   * {@link #data(String, Object)}, and the reporter's data exclusions apply to its keys and to the keys of its
   * nested maps (header, cookie and query parameter names). Leaving secrets out is the caller's job.
   *
   * @param request the request's properties, or null to remove them
   * @return this builder
   */
  public EventBuilder request(@Nullable Map<String, ?> request) {
    if (request == null) {
      data.remove("@request");
      return this;
    }
    if (sanitizer == null) {
      sanitizer = new DataSanitizer();
    }
    data.put("@request", sanitizer.copy(request));
    return this;
  }

  EventBuilder submissionMethod(String method) {
    putKnown("@submission_method", method);
    return this;
  }

  EventBuilder level(LogLevel level) {
    putKnown("@level", level.wireName());
    return this;
  }

  /** Submits the event to the reporter's queue; never throws and never blocks on the network. */
  public void submit() {
    Event built;
    try {
      built = build();
    } catch (RuntimeException e) {
      reporter.discardInvalid(e);
      return;
    }
    reporter.enqueue(new QueuedEvent(built, error));
  }

  Event build() {
    if (!tags.isEmpty()) {
      event.tags(tags);
    }
    if (!data.isEmpty()) {
      event.data(data);
    }
    return event.build();
  }

  private void putKnown(String key, String value) {
    if (value == null) {
      data.remove(key);
    } else {
      data.put(key, value);
    }
  }
}
