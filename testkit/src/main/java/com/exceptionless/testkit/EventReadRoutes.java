package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The event read routes (lists by scope, by reference id, sessions, get, count) under EventsReadPolicy, and
 * DELETE events/{ids} under UserPolicy. Lists: {@code filter} (see {@link #matches}), {@code sort}
 * ({@link EventOrder}), {@code limit} (default 10, at most 100), {@code page} paging or, without {@code page},
 * {@code before}/{@code after} cursors with {@code next} only when more follow; X-Result-Count only with
 * {@code include=total}; {@code mode=summary} and the {@code stack_*} modes; a user-scoped API key without a user
 * gets 401 on lists, as from the server; {@code time} and {@code offset} are ignored; thread-safe.
 */
final class EventReadRoutes {
  static final int MAXIMUM_LIMIT = 100;
  private static final String EVENT_NOT_FOUND = "Event not found.";
  private static final String STACK_NOT_FOUND = "Stack not found.";
  private static final Set<String> STACK_MODES =
      new HashSet<String>(Arrays.asList("stack_recent", "stack_frequent", "stack_new", "stack_users"));
  private static final Set<String> AGGREGATION_FIELDS = new HashSet<String>(Arrays.asList("type", "stack",
      "project", "organization", "user", "reference_id", "source", "tags"));

  private final InMemoryStore store;
  private final EventStore events;
  private final AtomicReference<PlanLimits> plan;

  EventReadRoutes(InMemoryStore store, EventStore events, AtomicReference<PlanLimits> plan) {
    this.store = store;
    this.events = events;
    this.plan = plan;
  }

  void register(RouteTable table) {
    Policy read = Policy.EVENTS_READ_POLICY;
    table.add("GET", "/api/v2/events", read, call -> search(call, scope(call), false));
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/events", read,
        call -> search(call, scope(call), false));
    table.add("GET", "/api/v2/projects/{projectId:objectid}/events", read, call -> search(call, scope(call), false));
    table.add("GET", "/api/v2/stacks/{stackId:objectid}/events", read, call -> search(call, scope(call), false));
    table.add("GET", "/api/v2/events/count", read, this::count);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/events/count", read, this::count);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/events/count", read, this::count);
    table.add("GET", "/api/v2/events/by-ref/{referenceId:identifier}", read, this::byReference);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/events/by-ref/{referenceId:identifier}", read,
        this::byReference);
    table.add("GET", "/api/v2/events/sessions", read, this::sessions);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/events/sessions", read, this::sessions);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/events/sessions", read, this::sessions);
    table.add("GET", "/api/v2/events/sessions/{sessionId:identifier}", read, this::session);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/events/sessions/{sessionId:identifier}", read,
        this::session);
    table.add("GET", "/api/v2/events/{id:objectid}", read, this::get);
    table.add("DELETE", "/api/v2/events/{ids:objectids}", Policy.USER_POLICY, this::delete);
  }

  /** The caller's organizations, narrowed by the route's organization, project or stack (404 when not visible). */
  private Predicate<StoredEvent> scope(final RouteCall call) {
    final String organizationId = call.path("organizationId");
    final String projectId = call.path("projectId");
    final String stackId = call.path("stackId");
    if (organizationId != null) {
      Access.organization(store, call, organizationId);
    }
    if (projectId != null) {
      Access.project(store, call, projectId);
    }
    if (stackId != null) {
      StackRecord stack = events.stack(stackId);
      if (stack == null || !call.identity.canAccessOrganization(stack.organizationId)) {
        throw new ApiProblemException(Problems.titled(call.request, 404, STACK_NOT_FOUND));
      }
    }
    return event -> call.identity.canAccessOrganization(event.organizationId)
        && (organizationId == null || event.organizationId.equals(organizationId))
        && (projectId == null || event.projectId.equals(projectId))
        && (stackId == null || event.stackId.equals(stackId));
  }

  private ApiResponse byReference(RouteCall call) {
    final String referenceId = call.path("referenceId");
    return search(call, scope(call).and(event -> referenceId.equals(event.referenceId())), true);
  }

  private ApiResponse sessions(RouteCall call) {
    Predicate<StoredEvent> scope = scope(call);
    requirePremiumSessions(call);
    return search(call, scope.and(event -> "session".equals(event.type())), false);
  }

  private ApiResponse session(RouteCall call) {
    Predicate<StoredEvent> scope = scope(call);
    requirePremiumSessions(call);
    final String sessionId = call.path("sessionId");
    return search(call, scope.and(event -> sessionId.equals(event.sessionId())), false);
  }

  private void requirePremiumSessions(RouteCall call) {
    if (!plan.get().premiumFeatures()) {
      throw new ApiProblemException(Problems.titled(call.request, 426,
          "Please upgrade your plan to use premium session features."));
    }
  }

  private ApiResponse search(RouteCall call, Predicate<StoredEvent> scope, boolean ignoreFilter) {
    Access.requireCurrentUser(call);
    ApiRequest request = call.request;
    String mode = lower(request.query.first("mode"));
    String sort = request.query.first("sort");
    boolean stackMode = mode != null && STACK_MODES.contains(mode);
    if (stackMode && sort != null && !sort.trim().isEmpty()) {
      return Problems.titled(request, 400, "Sort is not supported in stack mode");
    }
    SearchFilter filter = SearchFilter.parse(ignoreFilter ? null : request.query.first("filter"));
    List<StoredEvent> matching = new ArrayList<StoredEvent>();
    for (StoredEvent event : events.events()) {
      if (scope.test(event) && filter.matches(event, EventReadRoutes::matches)) {
        matching.add(event);
      }
    }
    boolean writeTotal = "total".equalsIgnoreCase(request.query.first("include"));
    if (stackMode) {
      return stackSummaries(request, matching, mode, writeTotal);
    }
    EventOrder order = EventOrder.parse(sort);
    Collections.sort(matching, order);
    boolean summary = "summary".equals(mode);
    if (request.query.first("page") != null) {
      Pager pager = Pager.from(request, MAXIMUM_LIMIT).withSkipCutoff();
      return pager.respond(request, views(pager.slice(matching), summary), matching.size(), writeTotal);
    }
    return cursorPage(request, matching, order, summary, writeTotal);
  }

  private static ApiResponse cursorPage(ApiRequest request, List<StoredEvent> sorted, EventOrder order,
      boolean summary, boolean writeTotal) {
    int limit = Pager.from(request, MAXIMUM_LIMIT).limit;
    String after = request.query.first("after");
    String before = request.query.first("before");
    int start;
    int end;
    if (after != null && !after.isEmpty()) {
      String[] cursor = EventOrder.decodeCursor(request, "after", after);
      start = 0;
      while (start < sorted.size() && order.compareToCursor(sorted.get(start), cursor) <= 0) {
        start++;
      }
      end = Math.min(sorted.size(), start + limit);
    } else if (before != null && !before.isEmpty()) {
      String[] cursor = EventOrder.decodeCursor(request, "before", before);
      end = 0;
      while (end < sorted.size() && order.compareToCursor(sorted.get(end), cursor) < 0) {
        end++;
      }
      start = Math.max(0, end - limit);
    } else {
      start = 0;
      end = Math.min(sorted.size(), limit);
    }
    List<StoredEvent> page = sorted.subList(start, end);
    ApiResponse response = ApiResponse.json(200, views(page, summary));
    if (writeTotal) {
      response.header("X-Result-Count", Integer.toString(sorted.size()));
    }
    String base = request.baseUrl + request.path + "?";
    QueryString query = request.query.without("before", "after", "page");
    if (!page.isEmpty()) {
      response.header("Link", "<" + base + query.with("before", order.cursorOf(page.get(0)))
          + ">; rel=\"previous\"");
    }
    if (!page.isEmpty() && end < sorted.size()) {
      response.header("Link", "<" + base + query.with("after", order.cursorOf(page.get(page.size() - 1)))
          + ">; rel=\"next\"");
    }
    return response;
  }

  private ApiResponse stackSummaries(ApiRequest request, List<StoredEvent> matching, String mode,
      boolean writeTotal) {
    Map<String, List<StoredEvent>> byStack = new LinkedHashMap<String, List<StoredEvent>>();
    Set<String> users = new HashSet<String>();
    for (StoredEvent event : matching) {
      List<StoredEvent> list = byStack.get(event.stackId);
      if (list == null) {
        list = new ArrayList<StoredEvent>();
        byStack.put(event.stackId, list);
      }
      list.add(event);
      if (event.userIdentity() != null) {
        users.add(event.userIdentity());
      }
    }
    final List<Map<String, Object>> summaries = new ArrayList<Map<String, Object>>();
    final Map<Map<String, Object>, StackRecord> stackOf = new java.util.IdentityHashMap<Map<String, Object>,
        StackRecord>();
    for (Map.Entry<String, List<StoredEvent>> entry : byStack.entrySet()) {
      StackRecord stack = events.stack(entry.getKey());
      if (stack != null) {
        Map<String, Object> summary = Summaries.stack(stack, entry.getValue(), users.size());
        summaries.add(summary);
        stackOf.put(summary, stack);
      }
    }
    final String key = mode.equals("stack_frequent") ? "total" : mode.equals("stack_users") ? "users"
        : "last_occurrence";
    Comparator<Map<String, Object>> order = (a, b) -> {
      int result;
      if (mode.equals("stack_new")) {
        result = String.valueOf(UtcTimestamps.format(stackOf.get(b).firstOccurrence.toInstant()))
            .compareTo(UtcTimestamps.format(stackOf.get(a).firstOccurrence.toInstant()));
      } else if (key.equals("last_occurrence")) {
        result = String.valueOf(b.get(key)).compareTo(String.valueOf(a.get(key)));
      } else {
        result = Double.compare(((Number) b.get(key)).doubleValue(), ((Number) a.get(key)).doubleValue());
      }
      return result != 0 ? result : String.valueOf(a.get("id")).compareTo(String.valueOf(b.get("id")));
    };
    Collections.sort(summaries, order);
    Pager pager = Pager.from(request, MAXIMUM_LIMIT).withSkipCutoff();
    return pager.respond(request, pager.slice(summaries), summaries.size(), writeTotal);
  }

  /**
   * One event (EventHandler.cs): 400 when {@code expected_stack_id} names another stack; {@code Link} values
   * {@code previous} and {@code next} (the stack's events just before and after it by date) and {@code parent}
   * (its stack).
   */
  private ApiResponse get(RouteCall call) {
    StoredEvent event = events.event(call.path("id"));
    if (event == null || !call.identity.canAccessOrganization(event.organizationId)) {
      return Problems.titled(call.request, 404, EVENT_NOT_FOUND);
    }
    String expectedStackId = call.request.query.first("expected_stack_id");
    if (expectedStackId != null && !expectedStackId.isEmpty() && !expectedStackId.equals(event.stackId)) {
      return Problems.titled(call.request, 400, "The event \"" + event.id + "\" belongs to stack \""
          + event.stackId + "\", not stack \"" + expectedStackId + "\". Open the event from its current stack.");
    }
    List<StoredEvent> siblings = new ArrayList<StoredEvent>();
    for (StoredEvent candidate : events.events()) {
      if (candidate.stackId.equals(event.stackId)) {
        siblings.add(candidate);
      }
    }
    Collections.sort(siblings, (a, b) -> {
      int byDate = a.date().toInstant().compareTo(b.date().toInstant());
      return byDate != 0 ? byDate : a.id.compareTo(b.id);
    });
    int index = -1;
    for (int i = 0; i < siblings.size(); i++) {
      if (siblings.get(i).id.equals(event.id)) {
        index = i;
      }
    }
    ApiResponse response = ApiResponse.json(200, event.view());
    String base = call.request.baseUrl + "/api/v2/";
    if (index > 0) {
      response.header("Link", "<" + base + "events/" + siblings.get(index - 1).id + ">; rel=\"previous\"");
    }
    if (index >= 0 && index < siblings.size() - 1) {
      response.header("Link", "<" + base + "events/" + siblings.get(index + 1).id + ">; rel=\"next\"");
    }
    response.header("Link", "<" + base + "stacks/" + event.stackId + ">; rel=\"parent\"");
    return response;
  }

  /**
   * Counts matching events; {@code aggregations} takes space-separated {@code cardinality:<field>} and
   * {@code terms:<field>} for type, stack, project, organization, user, reference_id, source and tags (400
   * otherwise), answered as {@code {"value":n}} and {@code {"items":[{"key":…,"total":n}]}} under
   * {@code <kind>_<field>}; {@code aggregations} and {@code data} are always present, empty when nothing was asked.
   */
  private ApiResponse count(RouteCall call) {
    Predicate<StoredEvent> scope = scope(call);
    ApiRequest request = call.request;
    SearchFilter filter = SearchFilter.parse(request.query.first("filter"));
    List<StoredEvent> matching = new ArrayList<StoredEvent>();
    for (StoredEvent event : events.events()) {
      if (scope.test(event) && filter.matches(event, EventReadRoutes::matches)) {
        matching.add(event);
      }
    }
    Map<String, Object> result = new LinkedHashMap<String, Object>();
    result.put("total", matching.size());
    Map<String, Object> results = new LinkedHashMap<String, Object>();
    result.put("aggregations", results);
    result.put("data", Collections.<String, Object>emptyMap());
    String aggregations = request.query.first("aggregations");
    if (aggregations != null && !aggregations.trim().isEmpty()) {
      for (String aggregation : aggregations.trim().split("\\s+")) {
        String[] parts = aggregation.toLowerCase(Locale.ROOT).split(":", 2);
        if (parts.length != 2 || !AGGREGATION_FIELDS.contains(parts[1])
            || !(parts[0].equals("cardinality") || parts[0].equals("terms"))) {
          return Problems.titled(request, 400, "Invalid aggregation: " + aggregation);
        }
        Map<String, Integer> counts = new TreeMap<String, Integer>();
        for (StoredEvent event : matching) {
          for (String value : fieldValues(event, parts[1])) {
            Integer count = counts.get(value);
            counts.put(value, count == null ? 1 : count + 1);
          }
        }
        results.put(parts[0] + "_" + parts[1], parts[0].equals("cardinality")
            ? Collections.<String, Object>singletonMap("value", counts.size()) : buckets(counts));
      }
    }
    return ApiResponse.json(200, result);
  }

  private ApiResponse delete(final RouteCall call) {
    return BulkResults.delete(call.request, call.path("ids"), EVENT_NOT_FOUND, id -> {
      StoredEvent event = events.event(id);
      return event != null && call.identity.canAccessOrganization(event.organizationId) && events.removeEvent(id);
    });
  }

  private static Map<String, Object> buckets(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<Map.Entry<String, Integer>>(counts.entrySet());
    Collections.sort(entries, (a, b) -> b.getValue() - a.getValue());
    List<Object> items = new ArrayList<Object>();
    for (Map.Entry<String, Integer> entry : entries) {
      Map<String, Object> bucket = new LinkedHashMap<String, Object>();
      bucket.put("key", entry.getKey());
      bucket.put("total", entry.getValue());
      items.add(bucket);
    }
    return Collections.<String, Object>singletonMap("items", items);
  }

  private static List<String> fieldValues(StoredEvent event, String field) {
    String value;
    switch (field) {
      case "tags":
        return event.event.tags;
      case "type":
        value = event.type();
        break;
      case "stack":
        value = event.stackId;
        break;
      case "project":
        value = event.projectId;
        break;
      case "organization":
        value = event.organizationId;
        break;
      case "user":
        value = event.userIdentity();
        break;
      case "reference_id":
        value = event.referenceId();
        break;
      default:
        value = event.event.source;
        break;
    }
    return value == null ? Collections.<String>emptyList() : Collections.singletonList(value);
  }

  private static List<Map<String, Object>> views(List<StoredEvent> page, boolean summary) {
    List<Map<String, Object>> views = new ArrayList<Map<String, Object>>();
    for (StoredEvent event : page) {
      views.add(summary ? Summaries.event(event) : event.view());
    }
    return views;
  }

  /**
   * The filter terms understood: {@code type:}, {@code stack:} (or {@code stack_id:}), {@code reference_id:}
   * (or {@code reference:}), {@code project:}, {@code organization:}, {@code id:}, {@code source:}, {@code tag:}
   * (or {@code tags:}), {@code user:} ({@code @user.identity}), {@code session:} and free text on the message
   * (substring, ignoring case); other fields are ignored.
   */
  static Boolean matches(StoredEvent event, SearchFilter.Term term) {
    if (term.field == null) {
      return SearchFilter.containsIgnoringCase(event.message(), term.value);
    }
    switch (term.field) {
      case "type":
        return term.value.equalsIgnoreCase(event.type());
      case "stack":
      case "stack_id":
        return term.value.equalsIgnoreCase(event.stackId);
      case "reference":
      case "reference_id":
        return term.value.equals(event.referenceId());
      case "project":
      case "project_id":
        return term.value.equalsIgnoreCase(event.projectId);
      case "organization":
      case "organization_id":
        return term.value.equalsIgnoreCase(event.organizationId);
      case "id":
        return term.value.equalsIgnoreCase(event.id);
      case "source":
        return SearchFilter.containsIgnoringCase(event.event.source, term.value);
      case "tag":
      case "tags":
        for (String tag : event.event.tags) {
          if (tag.equalsIgnoreCase(term.value)) {
            return true;
          }
        }
        return false;
      case "user":
        return term.value.equals(event.userIdentity());
      case "session":
        return term.value.equals(event.sessionId());
      default:
        return null;
    }
  }

  private static String lower(String value) {
    return value == null || value.trim().isEmpty() ? null : value.trim().toLowerCase(Locale.ROOT);
  }
}
