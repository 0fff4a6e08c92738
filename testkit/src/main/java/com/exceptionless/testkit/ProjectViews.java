package com.exceptionless.testkit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a project as the API's ViewProject; in stats mode fills event_count and stack_count from the stored
 * events and stacks, and usage from the events received so far; thread-safe.
 */
final class ProjectViews {
  /** The free plan's monthly event limit, reported in usage. */
  static final int MONTHLY_EVENT_LIMIT = 3000;

  private final InMemoryStore store;
  private final Recorder recorder;
  private final EventStore events;
  private final java.util.concurrent.atomic.AtomicReference<PlanLimits> plan;

  ProjectViews(InMemoryStore store, Recorder recorder, EventStore events,
      java.util.concurrent.atomic.AtomicReference<PlanLimits> plan) {
    this.store = store;
    this.recorder = recorder;
    this.events = events;
    this.plan = plan;
  }

  Map<String, Object> view(ProjectRecord project, boolean stats, Instant now) {
    OrganizationRecord organization = store.organization(project.organizationId);
    List<ReceivedEvent> events = recorder.events(project.id);
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", project.id);
    view.put("created_utc", UtcTimestamps.format(project.createdUtc));
    view.put("organization_id", project.organizationId);
    view.put("organization_name", organization == null ? null : organization.name);
    view.put("name", project.name);
    view.put("delete_bot_data_enabled", project.deleteBotDataEnabled);
    if (!project.data.isEmpty()) {
      view.put("data", project.data);
    }
    view.put("promoted_tabs", project.promotedTabs);
    view.put("is_configured", !events.isEmpty());
    view.put("stack_count", stats ? this.events.stackCount(project.organizationId, project.id) : 0);
    view.put("event_count", stats ? this.events.eventCount(project.organizationId, project.id) : 0);
    view.put("has_premium_features", plan.get().premiumFeatures());
    view.put("has_slack_integration", false);
    view.put("usage_hours", stats ? usageHours(events) : Collections.emptyList());
    view.put("usage", stats ? usage(events, now) : Collections.emptyList());
    return view;
  }

  private static List<Object> usageHours(List<ReceivedEvent> events) {
    Map<Instant, Integer> totals = new TreeMap<Instant, Integer>();
    for (ReceivedEvent event : events) {
      Instant hour = event.receivedAt().truncatedTo(ChronoUnit.HOURS);
      Integer total = totals.get(hour);
      totals.put(hour, total == null ? 1 : total + 1);
    }
    List<Object> hours = new ArrayList<Object>();
    for (Map.Entry<Instant, Integer> entry : totals.entrySet()) {
      hours.add(usageEntry(entry.getKey(), null, entry.getValue()));
    }
    return hours;
  }

  private static List<Object> usage(List<ReceivedEvent> events, Instant now) {
    Instant month = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
        .withDayOfMonth(1).toInstant();
    int total = 0;
    for (ReceivedEvent event : events) {
      if (!event.receivedAt().isBefore(month)) {
        total++;
      }
    }
    return Collections.<Object>singletonList(usageEntry(month, MONTHLY_EVENT_LIMIT, total));
  }

  private static Map<String, Object> usageEntry(Instant date, Integer limit, int total) {
    Map<String, Object> entry = new LinkedHashMap<String, Object>();
    entry.put("date", UtcTimestamps.format(date));
    entry.put("limit", limit);
    entry.put("total", total);
    entry.put("blocked", 0);
    entry.put("discarded", 0);
    entry.put("too_big", 0);
    entry.put("deleted", 0);
    return entry;
  }
}
