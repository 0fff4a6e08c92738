package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way through the {@link EventPlugin} chain: its fields ({@link #event()}), its extended data
 * and tags as mutable collections, the throwable it was created from, what the submitting thread's scope held,
 * and the breadcrumbs at submit. A plugin may change any of them or {@link #cancel()} the event, which is then
 * not sent and counted as {@link DiscardReason#CANCELLED}. Used by one thread; not thread-safe.
 */
public final class EventPluginContext {
  private final Throwable error;
  private final ReportingScope.Snapshot scope;
  private final List<String> breadcrumbs;
  private final String threadId;
  private final String threadName;
  private Event event;
  private Map<String, Object> data;
  private Set<String> tags;
  private DiscardReason cancelled;
  private String message;

  EventPluginContext(Event event, Throwable error, ReportingScope.Snapshot scope, List<String> breadcrumbs,
      String threadId, String threadName) {
    this.event = event;
    this.error = error;
    this.scope = scope != null ? scope : ReportingScope.Snapshot.EMPTY;
    this.breadcrumbs = breadcrumbs != null ? breadcrumbs : Collections.<String>emptyList();
    this.threadId = threadId;
    this.threadName = threadName;
    this.data = event.getData() != null ? new LinkedHashMap<>(event.getData()) : new LinkedHashMap<String, Object>();
    this.tags = event.getTags() != null ? new LinkedHashSet<>(event.getTags()) : new LinkedHashSet<String>();
  }

  /** Returns the event as it stands, with the data and tags of this context. */
  public Event event() {
    Event.Builder built = event.toBuilder().data(data.isEmpty() ? null : data).tags(tags.isEmpty() ? null : tags);
    return message != null ? built.message(message).build() : built.build();
  }

  /**
   * Replaces the event (its data and tags become this context's data and tags).
   *
   * @param replacement the event to send instead
   */
  public void event(Event replacement) {
    Objects.requireNonNull(replacement, "replacement == null");
    this.event = replacement;
    this.message = null;
    this.data = replacement.getData() != null ? new LinkedHashMap<>(replacement.getData()) : new LinkedHashMap<String, Object>();
    this.tags = replacement.getTags() != null ? new LinkedHashSet<>(replacement.getTags()) : new LinkedHashSet<String>();
  }

  /** Returns the event's extended data, to read and change ({@code @error}, {@code @user}, ... and your keys). */
  public Map<String, Object> data() {
    return data;
  }

  /** Returns the event's tags, to read and change. */
  public Set<String> tags() {
    return tags;
  }

  /** Returns the throwable the event was created from, or null. */
  public @Nullable Throwable error() {
    return error;
  }

  /** Returns the user identity of the submitting thread's scope (or the reporter's default), or null. */
  public @Nullable String scopeUserIdentity() {
    return scope.userIdentity;
  }

  /** Returns the data of the submitting thread's scope, as it was at submit. */
  public Map<String, Object> scopeData() {
    return scope.data;
  }

  /** Returns the tags of the submitting thread's scope, as they were at submit. */
  public Set<String> scopeTags() {
    return scope.tags;
  }

  /** Returns the breadcrumbs (recent log lines, oldest first) captured when an error event was submitted. */
  public List<String> breadcrumbs() {
    return breadcrumbs;
  }

  /** Cancels the event: it is not sent, and counted as {@link DiscardReason#CANCELLED}. */
  public void cancel() {
    cancel(DiscardReason.CANCELLED);
  }

  /** Returns whether a plugin cancelled the event. */
  public boolean isCancelled() {
    return cancelled != null;
  }

  void cancel(DiscardReason reason) {
    if (cancelled == null) {
      cancelled = reason;
    }
  }

  DiscardReason cancelReason() {
    return cancelled;
  }

  ReportingScope.Snapshot scope() {
    return scope;
  }

  String threadId() {
    return threadId;
  }

  String threadName() {
    return threadName;
  }

  /** The event without this context's data, tags and message (its type, source, ...). */
  Event base() {
    return event;
  }

  String message() {
    return message != null ? message : event.getMessage();
  }

  /** Sets the event's message (applied when the event is built, rather than building the event for it). */
  void message(String message) {
    this.message = message;
  }
}
