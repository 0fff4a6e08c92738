package com.exceptionless.testkit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack: the events of one project that share a signature, with its status and occurrence counts. Mutable and
 * not thread-safe: only {@link EventStore} changes it, under its lock, and hands out {@link #copy() copies}.
 */
final class StackRecord {
  /** The StackStatus values. */
  static final List<String> STATUSES = Collections.unmodifiableList(
      java.util.Arrays.asList("open", "fixed", "regressed", "snoozed", "ignored", "discarded"));

  final String id;
  final String organizationId;
  final String projectId;
  final String type;
  final StackSignature signature;
  final Instant createdUtc;
  String status = "open";
  Instant snoozeUntilUtc;
  String fixedInVersion;
  Instant dateFixed;
  String title;
  long totalOccurrences;
  OffsetDateTime firstOccurrence;
  OffsetDateTime lastOccurrence;
  boolean occurrencesAreCritical;
  final List<String> references = new ArrayList<String>();
  final Set<String> tags = new LinkedHashSet<String>();
  Instant updatedUtc;

  StackRecord(String id, String organizationId, String projectId, String type, StackSignature signature,
      Instant createdUtc) {
    this.id = id;
    this.organizationId = organizationId;
    this.projectId = projectId;
    this.type = type;
    this.signature = signature;
    this.createdUtc = createdUtc;
    this.title = signature.title;
    this.updatedUtc = createdUtc;
  }

  StackRecord copy() {
    StackRecord copy = new StackRecord(id, organizationId, projectId, type, signature, createdUtc);
    copy.status = status;
    copy.snoozeUntilUtc = snoozeUntilUtc;
    copy.fixedInVersion = fixedInVersion;
    copy.dateFixed = dateFixed;
    copy.title = title;
    copy.totalOccurrences = totalOccurrences;
    copy.firstOccurrence = firstOccurrence;
    copy.lastOccurrence = lastOccurrence;
    copy.occurrencesAreCritical = occurrencesAreCritical;
    copy.references.addAll(references);
    copy.tags.addAll(tags);
    copy.updatedUtc = updatedUtc;
    return copy;
  }

  /**
   * Counts one more occurrence: a fixed stack regresses when the event's {@code @version} is not older than the
   * fixed version (or either is unknown), and a snoozed stack reopens once its snooze time has passed.
   */
  void addOccurrence(ProcessedEvent event, Instant now) {
    totalOccurrences++;
    if (firstOccurrence == null || event.date.isBefore(firstOccurrence)) {
      firstOccurrence = event.date;
    }
    if (lastOccurrence == null || event.date.isAfter(lastOccurrence)) {
      lastOccurrence = event.date;
    }
    tags.addAll(event.tags);
    if (status.equals("fixed")) {
      Object version = event.data.get("@version");
      if (fixedInVersion == null || !(version instanceof String)
          || Versions.compare((String) version, fixedInVersion) >= 0) {
        status = "regressed";
        dateFixed = null;
      }
    } else if (status.equals("snoozed") && snoozeUntilUtc != null && !snoozeUntilUtc.isAfter(now)) {
      status = "open";
      snoozeUntilUtc = null;
    }
    updatedUtc = now;
  }

  /** Sets the status as change-status does (fixed sets date_fixed, leaving fixed or snoozed clears their fields). */
  void setStatus(String newStatus, Instant now) {
    status = newStatus;
    if (newStatus.equals("fixed")) {
      dateFixed = now;
    } else {
      dateFixed = null;
      fixedInVersion = null;
    }
    if (!newStatus.equals("snoozed")) {
      snoozeUntilUtc = null;
    }
    updatedUtc = now;
  }

  boolean isErrorStack() {
    return !signature.errorSummary.isEmpty();
  }

  /** The Stack JSON object. */
  Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", id);
    view.put("organization_id", organizationId);
    view.put("project_id", projectId);
    view.put("type", type);
    view.put("status", status);
    view.put("snooze_until_utc", UtcTimestamps.format(snoozeUntilUtc));
    view.put("signature_hash", signature.hash);
    view.put("signature_info", signature.info);
    view.put("duplicate_signature", projectId + ":" + signature.hash);
    view.put("fixed_in_version", fixedInVersion);
    view.put("date_fixed", UtcTimestamps.format(dateFixed));
    view.put("title", title);
    view.put("total_occurrences", totalOccurrences);
    view.put("first_occurrence", firstOccurrence == null ? null : UtcTimestamps.format(firstOccurrence.toInstant()));
    view.put("last_occurrence", lastOccurrence == null ? null : UtcTimestamps.format(lastOccurrence.toInstant()));
    view.put("occurrences_are_critical", occurrencesAreCritical);
    view.put("references", new ArrayList<String>(references));
    view.put("tags", new ArrayList<String>(tags));
    view.put("created_utc", UtcTimestamps.format(createdUtc));
    view.put("updated_utc", UtcTimestamps.format(updatedUtc));
    view.put("is_deleted", false);
    view.put("allow_notifications", !status.equals("fixed") && !status.equals("ignored")
        && !status.equals("discarded") && !status.equals("snoozed"));
    view.values().removeIf(java.util.Objects::isNull);
    return Collections.unmodifiableMap(view);
  }
}
