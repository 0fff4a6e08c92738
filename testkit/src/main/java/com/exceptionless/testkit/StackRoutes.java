package com.exceptionless.testkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stack routes: lists (all, by organization, by project; page/limit up to 100, never X-Result-Count,
 * {@code mode=summary}) and get under StacksReadPolicy; mark-fixed, mark-snoozed, mark-critical, change-status,
 * add-link and remove-link under StacksWritePolicy; promote and delete under UserPolicy. Actions on several ids
 * answer 404 only when none is visible and apply to the visible ones; thread-safe.
 */
final class StackRoutes {
  private static final String STACK_NOT_FOUND = "Stack not found.";

  private final InMemoryStore store;
  private final EventStore events;
  private final Clock clock;
  private final AtomicReference<PlanLimits> plan;

  StackRoutes(InMemoryStore store, EventStore events, Clock clock, AtomicReference<PlanLimits> plan) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.plan = plan;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/stacks", Policy.STACKS_READ_POLICY, this::list);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/stacks", Policy.STACKS_READ_POLICY,
        this::list);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/stacks", Policy.STACKS_READ_POLICY, this::list);
    table.add("GET", "/api/v2/stacks/{id:objectid}", Policy.STACKS_READ_POLICY, this::get);
    table.add("POST", "/api/v2/stacks/{ids:objectids}/mark-fixed", Policy.STACKS_WRITE_POLICY, this::markFixed);
    table.add("POST", "/api/v2/stacks/{ids:objectids}/mark-snoozed", Policy.STACKS_WRITE_POLICY,
        this::markSnoozed);
    table.add("POST", "/api/v2/stacks/{ids:objectids}/mark-critical", Policy.STACKS_WRITE_POLICY,
        call -> markCritical(call, true));
    table.add("DELETE", "/api/v2/stacks/{ids:objectids}/mark-critical", Policy.STACKS_WRITE_POLICY,
        call -> markCritical(call, false));
    table.add("POST", "/api/v2/stacks/{ids:objectids}/change-status", Policy.STACKS_WRITE_POLICY,
        this::changeStatus);
    table.add("POST", "/api/v2/stacks/{id:objectid}/add-link", Policy.STACKS_WRITE_POLICY,
        call -> link(call, true));
    table.add("POST", "/api/v2/stacks/{id:objectid}/remove-link", Policy.STACKS_WRITE_POLICY,
        call -> link(call, false));
    table.add("POST", "/api/v2/stacks/{id:objectid}/promote", Policy.USER_POLICY, this::promote);
    table.add("DELETE", "/api/v2/stacks/{ids:objectids}", Policy.USER_POLICY, this::delete);
  }

  /**
   * Filter terms: {@code status:}, {@code type:}, {@code project:}, {@code organization:}, {@code id:} (or
   * {@code stack:}), {@code tag:}, free text on the title; sorts {@code last} (default {@code -last}),
   * {@code first}, {@code total} (or {@code occurrences}) and {@code title}, {@code -} meaning descending.
   */
  private ApiResponse list(final RouteCall call) {
    final String organizationId = call.path("organizationId");
    final String projectId = call.path("projectId");
    if (organizationId != null) {
      Access.organization(store, call, organizationId);
    }
    if (projectId != null) {
      Access.project(store, call, projectId);
    }
    ApiRequest request = call.request;
    SearchFilter filter = SearchFilter.parse(request.query.first("filter"));
    List<StackRecord> matching = new ArrayList<StackRecord>();
    for (StackRecord stack : events.stacks()) {
      if (call.identity.canAccessOrganization(stack.organizationId)
          && (organizationId == null || stack.organizationId.equals(organizationId))
          && (projectId == null || stack.projectId.equals(projectId))
          && filter.matches(stack, StackRoutes::matches)) {
        matching.add(stack);
      }
    }
    Collections.sort(matching, order(request.query.first("sort")));
    Pager pager = Pager.from(request, EventReadRoutes.MAXIMUM_LIMIT).withSkipCutoff();
    boolean summary = "summary".equalsIgnoreCase(request.query.first("mode"));
    List<Map<String, Object>> page = new ArrayList<Map<String, Object>>();
    List<StoredEvent> all = summary ? events.events() : Collections.<StoredEvent>emptyList();
    for (StackRecord stack : pager.slice(matching)) {
      page.add(summary ? Summaries.stack(stack, eventsOf(all, stack.id), usersOf(all, stack.projectId))
          : stack.view());
    }
    return pager.respond(request, page, matching.size(), false);
  }

  private ApiResponse get(RouteCall call) {
    return ApiResponse.json(200, visibleStack(call, call.path("id")).view());
  }

  private ApiResponse markFixed(RouteCall call) {
    final String version = trimmedOrNull(call.request.query.first("version"));
    if (version != null && !Versions.isSemanticVersion(version)) {
      return Problems.titled(call.request, 400, "Invalid semantic version");
    }
    final Instant now = clock.instant();
    return changeEach(call, stack -> {
      stack.setStatus("fixed", now);
      stack.fixedInVersion = version;
    }, ApiResponse.empty(200));
  }

  /** {@code snoozeUntilUtc} is required and must be at least 5 minutes ahead (400 otherwise), as the server. */
  private ApiResponse markSnoozed(RouteCall call) {
    String value = call.request.query.first("snoozeUntilUtc");
    final Instant now = clock.instant();
    final Instant until = parseInstant(value);
    if (until == null || until.isBefore(now.plusSeconds(300))) {
      return Problems.titled(call.request, 400, "Must snooze for at least 5 minutes.");
    }
    return changeEach(call, stack -> {
      stack.setStatus("snoozed", now);
      stack.snoozeUntilUtc = until;
    }, ApiResponse.empty(200));
  }

  private ApiResponse markCritical(RouteCall call, final boolean critical) {
    final Instant now = clock.instant();
    return changeEach(call, stack -> {
      stack.occurrencesAreCritical = critical;
      stack.updatedUtc = now;
    }, ApiResponse.empty(critical ? 200 : 204));
  }

  /**
   * The statuses change-status sets (StackHandler.cs): a missing status means open, regressed and snoozed are
   * 400, any other value 422.
   */
  private static final List<String> SETTABLE_STATUSES = Collections.unmodifiableList(
      java.util.Arrays.asList("open", "fixed", "ignored", "discarded"));

  private ApiResponse changeStatus(RouteCall call) {
    String value = call.request.query.first("status");
    final String status = value == null || value.trim().isEmpty() ? "open" : value.trim().toLowerCase(Locale.ROOT);
    if (status.equals("regressed") || status.equals("snoozed")) {
      return Problems.titled(call.request, 400, "Can't set stack status to regressed or snoozed.");
    }
    if (!SETTABLE_STATUSES.contains(status)) {
      return Problems.invalid(call.request, "status", "The status must be one of " + SETTABLE_STATUSES + ".");
    }
    final Instant now = clock.instant();
    return changeEach(call, stack -> stack.setStatus(status, now), ApiResponse.empty(200));
  }

  /** The body is {@code {"value": url}}; an empty or non-absolute URL gives 400; remove answers 204. */
  private ApiResponse link(RouteCall call, final boolean add) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    final String url = trimmedOrNull(JsonBody.string(call.request, body, "value"));
    if (url == null || !isAbsoluteUrl(url)) {
      return Problems.titled(call.request, 400, "The value must be an absolute URL.");
    }
    StackRecord stack = visibleStack(call, call.path("id"));
    final Instant now = clock.instant();
    events.changeStack(stack.id, changed -> {
      if (add && !changed.references.contains(url)) {
        changed.references.add(url);
      } else if (!add) {
        changed.references.remove(url);
      }
      changed.updatedUtc = now;
    });
    return ApiResponse.empty(add ? 200 : 204);
  }

  /** Without premium features 426; with them 501, since the stand-in has no promotion web hooks. */
  private ApiResponse promote(RouteCall call) {
    visibleStack(call, call.path("id"));
    if (!plan.get().premiumFeatures()) {
      return Problems.titled(call.request, 426, "Please upgrade your plan to enable promoting stacks.");
    }
    return Problems.titled(call.request, 501, "No promoted web hooks are configured for this project.");
  }

  private ApiResponse delete(final RouteCall call) {
    return BulkResults.delete(call.request, call.path("ids"), STACK_NOT_FOUND, id -> {
      StackRecord stack = events.stack(id);
      return stack != null && call.identity.canAccessOrganization(stack.organizationId) && events.removeStack(id);
    });
  }

  private ApiResponse changeEach(RouteCall call, EventStore.StackChange change, ApiResponse success) {
    boolean any = false;
    for (String id : BulkResults.ids(call.path("ids"))) {
      StackRecord stack = events.stack(id);
      if (stack != null && call.identity.canAccessOrganization(stack.organizationId)) {
        any |= events.changeStack(id, change);
      }
    }
    return any ? success : Problems.titled(call.request, 404, STACK_NOT_FOUND);
  }

  private StackRecord visibleStack(RouteCall call, String id) {
    StackRecord stack = events.stack(id);
    if (stack == null || !call.identity.canAccessOrganization(stack.organizationId)) {
      throw new ApiProblemException(Problems.titled(call.request, 404, STACK_NOT_FOUND));
    }
    return stack;
  }

  private static List<StoredEvent> eventsOf(List<StoredEvent> all, String stackId) {
    List<StoredEvent> result = new ArrayList<StoredEvent>();
    for (StoredEvent event : all) {
      if (event.stackId.equals(stackId)) {
        result.add(event);
      }
    }
    return result;
  }

  private static int usersOf(List<StoredEvent> all, String projectId) {
    java.util.Set<String> users = new java.util.HashSet<String>();
    for (StoredEvent event : all) {
      if (event.projectId.equals(projectId) && event.userIdentity() != null) {
        users.add(event.userIdentity());
      }
    }
    return users.size();
  }

  static Boolean matches(StackRecord stack, SearchFilter.Term term) {
    if (term.field == null) {
      return SearchFilter.containsIgnoringCase(stack.title, term.value);
    }
    switch (term.field) {
      case "status":
        return term.value.equalsIgnoreCase(stack.status);
      case "type":
        return term.value.equalsIgnoreCase(stack.type);
      case "project":
      case "project_id":
        return term.value.equalsIgnoreCase(stack.projectId);
      case "organization":
      case "organization_id":
        return term.value.equalsIgnoreCase(stack.organizationId);
      case "id":
      case "stack":
        return term.value.equalsIgnoreCase(stack.id);
      case "tag":
      case "tags":
        for (String tag : stack.tags) {
          if (tag.equalsIgnoreCase(term.value)) {
            return true;
          }
        }
        return false;
      default:
        return null;
    }
  }

  private static Comparator<StackRecord> order(String sort) {
    String value = sort == null || sort.trim().isEmpty() ? "-last" : sort.trim().toLowerCase(Locale.ROOT);
    boolean descending = value.startsWith("-");
    final String field = descending ? value.substring(1) : value;
    Comparator<StackRecord> comparator = (a, b) -> {
      int result;
      if (field.equals("first") || field.equals("first_occurrence")) {
        result = a.firstOccurrence.compareTo(b.firstOccurrence);
      } else if (field.equals("total") || field.equals("occurrences") || field.equals("total_occurrences")) {
        result = Long.compare(a.totalOccurrences, b.totalOccurrences);
      } else if (field.equals("title")) {
        result = a.title.compareToIgnoreCase(b.title);
      } else {
        result = a.lastOccurrence.compareTo(b.lastOccurrence);
      }
      return result != 0 ? result : a.id.compareTo(b.id);
    };
    return descending ? Collections.reverseOrder(comparator) : comparator;
  }

  private static Instant parseInstant(String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static boolean isAbsoluteUrl(String value) {
    try {
      URI uri = new URI(value);
      return uri.isAbsolute() && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String trimmedOrNull(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim();
  }
}
