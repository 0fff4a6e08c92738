package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The organization routes, all under UserPolicy: list (the caller's organizations, not paged; {@code filter} by
 * free text on the name, {@code mode=stats}), get, create (201 + Location, the creator becomes a member; 426 past
 * {@link PlanLimits#maxOrganizationsPerUser()}; 401 for an API key without a user), update PATCH/PUT (name) and
 * bulk delete (removing projects, keys, events and stacks); a blank name gives 422; thread-safe.
 */
final class OrganizationRoutes {
  private static final String NAME_REQUIRED = "The name field is required.";

  private final InMemoryStore store;
  private final EventStore events;
  private final Clock clock;
  private final AtomicReference<PlanLimits> plan;

  OrganizationRoutes(InMemoryStore store, EventStore events, Clock clock, AtomicReference<PlanLimits> plan) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.plan = plan;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/organizations", Policy.USER_POLICY, this::list);
    table.add("POST", "/api/v2/organizations", Policy.USER_POLICY, this::create);
    table.add("GET", "/api/v2/organizations/{id:objectid}", Policy.USER_POLICY, this::get);
    table.add("PATCH", "/api/v2/organizations/{id:objectid}", Policy.USER_POLICY, this::update);
    table.add("PUT", "/api/v2/organizations/{id:objectid}", Policy.USER_POLICY, this::update);
    table.add("DELETE", "/api/v2/organizations/{ids:objectids}", Policy.USER_POLICY, this::delete);
  }

  private ApiResponse list(RouteCall call) {
    SearchFilter filter = SearchFilter.parse(call.request.query.first("filter"));
    boolean stats = isStatsMode(call.request);
    List<Map<String, Object>> views = new ArrayList<Map<String, Object>>();
    for (OrganizationRecord organization : store.organizationsIn(call.identity.organizationIds)) {
      if (filter.matches(organization, OrganizationRoutes::matches)) {
        views.add(view(organization, stats));
      }
    }
    return ApiResponse.json(200, views);
  }

  private ApiResponse get(RouteCall call) {
    return ApiResponse.json(200, view(Access.organization(store, call, call.path("id")),
        isStatsMode(call.request)));
  }

  private ApiResponse create(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    String name = JsonBody.string(call.request, body, "name");
    if (name == null || name.trim().isEmpty()) {
      return Problems.invalid(call.request, "name", NAME_REQUIRED);
    }
    String userId = Access.requireCurrentUser(call);
    synchronized (store) {
      if (!plan.get().allowsAnotherOrganization(store.organizationIdsOf(userId).size())) {
        return Problems.titled(call.request, 426, "Please upgrade your plan to add an additional organization.");
      }
      Instant now = clock.instant();
      OrganizationRecord organization = new OrganizationRecord(Ids.newObjectId(now), name.trim(),
          new LinkedHashSet<String>(Collections.singleton(userId)), now);
      store.addOrganization(organization);
      return ApiResponse.json(201, view(organization, false))
          .header("Location", call.request.baseUrl + "/api/v2/organizations/" + organization.id);
    }
  }

  private ApiResponse update(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    String name = JsonBody.string(call.request, body, "name");
    if (body.containsKey("name") && (name == null || name.trim().isEmpty())) {
      return Problems.invalid(call.request, "name", NAME_REQUIRED);
    }
    synchronized (store) {
      OrganizationRecord organization = Access.organization(store, call, call.path("id"));
      if (name != null) {
        organization = organization.withName(name.trim(), clock.instant());
        store.replaceOrganization(organization);
      }
      return ApiResponse.json(200, view(organization, false));
    }
  }

  private ApiResponse delete(final RouteCall call) {
    return BulkResults.delete(call.request, call.path("ids"), Access.ORGANIZATION_NOT_FOUND, id -> {
      OrganizationRecord organization = store.organization(id);
      if (organization == null || !call.identity.canAccessOrganization(id) || !store.removeOrganization(id)) {
        return false;
      }
      events.removeOwnedBy(id, null);
      return true;
    });
  }

  /** Writes a ViewOrganization; counts are filled in stats mode only. */
  Map<String, Object> view(OrganizationRecord organization, boolean stats) {
    PlanLimits limits = plan.get();
    Map<String, Object> view = new LinkedHashMap<String, Object>();
    view.put("id", organization.id);
    view.put("created_utc", UtcTimestamps.format(organization.createdUtc));
    view.put("updated_utc", UtcTimestamps.format(organization.updatedUtc));
    view.put("name", organization.name);
    view.put("plan_id", limits.premiumFeatures() ? "EX_UNLIMITED" : "EX_FREE");
    view.put("plan_name", limits.premiumFeatures() ? "Unlimited" : "Free");
    view.put("plan_description", limits.premiumFeatures() ? "Unlimited (stand-in)" : "Free (stand-in)");
    view.put("billing_status", 1);
    view.put("billing_price", 0.0);
    view.put("max_events_per_month", ProjectViews.MONTHLY_EVENT_LIMIT);
    view.put("bonus_events_per_month", 0);
    view.put("retention_days", 180);
    view.put("is_suspended", false);
    view.put("has_premium_features", limits.premiumFeatures());
    view.put("features", Collections.emptyList());
    view.put("max_users", -1);
    view.put("max_projects", limits.maxProjectsPerOrganization());
    view.put("project_count", stats
        ? store.projectsIn(Collections.singleton(organization.id)).size() : 0);
    view.put("stack_count", stats ? events.stackCount(organization.id, null) : 0);
    view.put("event_count", stats ? events.eventCount(organization.id, null) : 0);
    if (!organization.data.isEmpty()) {
      view.put("data", organization.data);
    }
    view.put("invites", Collections.emptyList());
    view.put("usage_hours", Collections.emptyList());
    view.put("usage", Collections.emptyList());
    view.put("is_throttled", false);
    view.put("is_over_monthly_limit", false);
    view.put("is_over_request_limit", false);
    return view;
  }

  private static Boolean matches(OrganizationRecord organization, SearchFilter.Term term) {
    if (term.field == null || term.field.equals("name")) {
      return SearchFilter.containsIgnoringCase(organization.name, term.value);
    }
    if (term.field.equals("id") || term.field.equals("organization")) {
      return organization.id.equalsIgnoreCase(term.value);
    }
    return null;
  }

  private static boolean isStatsMode(ApiRequest request) {
    return "stats".equalsIgnoreCase(request.query.first("mode"));
  }
}
