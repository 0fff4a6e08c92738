package com.exceptionless.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processed events and their stacks: stores an event under the stack of its signature (creating the stack on
 * the first occurrence), keeps user descriptions until their event arrives, and answers snapshots; every method is
 * synchronized and stacks leave it only as copies.
 */
final class EventStore {
  private final Map<String, StoredEvent> events = new LinkedHashMap<String, StoredEvent>();
  private final Map<String, StackRecord> stacks = new LinkedHashMap<String, StackRecord>();
  private final Map<String, String> stackIdsBySignature = new LinkedHashMap<String, String>();
  private final Map<String, Map<String, Object>> pendingDescriptions =
      new LinkedHashMap<String, Map<String, Object>>();
  private final Map<String, Instant> referenceIdsSeen = new java.util.HashMap<String, Instant>();

  /** How long the server remembers a reference id of a project (05_CheckForDuplicateReferenceIdPlugin.cs). */
  static final Duration REFERENCE_ID_MEMORY = Duration.ofDays(1);

  /**
   * Records the reference id as used in the project; returns false when it was already used there within the
   * last 24 hours (the server then drops the event).
   */
  synchronized boolean claimReferenceId(String projectId, String referenceId, Instant now) {
    String key = projectId + "|" + referenceId;
    Instant seen = referenceIdsSeen.get(key);
    if (seen != null && now.isBefore(seen.plus(REFERENCE_ID_MEMORY))) {
      return false;
    }
    referenceIdsSeen.put(key, now);
    return true;
  }

  /** Stores the event under its stack; returns null when the stack is discarded (the server drops the event). */
  synchronized StoredEvent store(ProjectRecord project, ProcessedEvent event, Instant now) {
    StackSignature signature = StackSignature.of(project, event);
    String signatureKey = project.id + "|" + signature.hash;
    StackRecord stack = stacks.get(stackIdsBySignature.get(signatureKey));
    boolean first = stack == null;
    if (first) {
      stack = new StackRecord(Ids.newObjectId(now), project.organizationId, project.id, event.type, signature,
          now);
      stacks.put(stack.id, stack);
      stackIdsBySignature.put(signatureKey, stack.id);
    } else if (stack.status.equals("discarded")) {
      return null;
    }
    stack.addOccurrence(event, now);
    StoredEvent stored = new StoredEvent(Ids.newObjectId(now), project.organizationId, project.id, stack.id,
        first, now, event);
    if (event.referenceId != null) {
      Map<String, Object> description = pendingDescriptions.remove(project.id + "|" + event.referenceId);
      if (description != null) {
        stored = stored.withData("@user_description", description);
      }
    }
    events.put(stored.id, stored);
    notifyAll();
    return stored;
  }

  /**
   * Sets {@code @user_description} on the project's events with this reference id, or keeps it for the event
   * that arrives with it later.
   */
  synchronized void attachUserDescription(String projectId, String referenceId, Map<String, Object> description) {
    boolean found = false;
    for (StoredEvent event : new ArrayList<StoredEvent>(events.values())) {
      if (event.projectId.equals(projectId) && referenceId.equals(event.referenceId())) {
        events.put(event.id, event.withData("@user_description", description));
        found = true;
      }
    }
    if (!found) {
      pendingDescriptions.put(projectId + "|" + referenceId, description);
    }
  }

  synchronized List<StoredEvent> events() {
    return Collections.unmodifiableList(new ArrayList<StoredEvent>(events.values()));
  }

  synchronized StoredEvent event(String id) {
    return events.get(id);
  }

  synchronized boolean removeEvent(String id) {
    return events.remove(id) != null;
  }

  synchronized List<StackRecord> stacks() {
    List<StackRecord> copies = new ArrayList<StackRecord>();
    for (StackRecord stack : stacks.values()) {
      copies.add(stack.copy());
    }
    return Collections.unmodifiableList(copies);
  }

  synchronized StackRecord stack(String id) {
    StackRecord stack = stacks.get(id);
    return stack == null ? null : stack.copy();
  }

  /** A change to one stack, made under the store's lock. */
  interface StackChange {
    void apply(StackRecord stack);
  }

  /** Applies the change to the stack; returns false when there is no such stack. */
  synchronized boolean changeStack(String id, StackChange change) {
    StackRecord stack = stacks.get(id);
    if (stack == null) {
      return false;
    }
    change.apply(stack);
    return true;
  }

  /** Removes a stack and its events; returns false when there is no such stack. */
  synchronized boolean removeStack(String id) {
    StackRecord stack = stacks.remove(id);
    if (stack == null) {
      return false;
    }
    stackIdsBySignature.values().remove(id);
    events.values().removeIf(event -> event.stackId.equals(id));
    return true;
  }

  /** Removes the events and stacks of a project (projectId) or organization (organizationId). */
  synchronized void removeOwnedBy(String organizationId, String projectId) {
    events.values().removeIf(event -> event.organizationId.equals(organizationId)
        && (projectId == null || event.projectId.equals(projectId)));
    List<String> removed = new ArrayList<String>();
    for (StackRecord stack : stacks.values()) {
      if (stack.organizationId.equals(organizationId) && (projectId == null || stack.projectId.equals(projectId))) {
        removed.add(stack.id);
      }
    }
    for (String id : removed) {
      stacks.remove(id);
      stackIdsBySignature.values().remove(id);
    }
  }

  synchronized int eventCount(String organizationId, String projectId) {
    int count = 0;
    for (StoredEvent event : events.values()) {
      if (event.organizationId.equals(organizationId) && (projectId == null || event.projectId.equals(projectId))) {
        count++;
      }
    }
    return count;
  }

  synchronized int stackCount(String organizationId, String projectId) {
    int count = 0;
    for (StackRecord stack : stacks.values()) {
      if (stack.organizationId.equals(organizationId) && (projectId == null || stack.projectId.equals(projectId))) {
        count++;
      }
    }
    return count;
  }

  /** Blocks until at least count events are stored; throws IllegalStateException on timeout or interrupt. */
  synchronized List<StoredEvent> awaitEvents(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (events.size() < count) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new IllegalStateException("Expected at least " + count + " stored events within " + timeout
              + " but the server stored " + events.size());
        }
        wait(Math.max(1, remaining / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + count + " stored events", e);
    }
    return events();
  }
}
