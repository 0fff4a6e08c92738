package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The project routes: GET projects and organizations/{organizationId}/projects (filtered, sorted, paged, limit
 * up to 1000) and GET projects/{id} under ProjectsReadPolicy; create (201 + Location; 400 blank name, duplicate
 * name or inaccessible organization; 426 past {@link PlanLimits#maxProjectsPerOrganization()}; 401 for an API key
 * without a user), update PATCH/PUT, bulk delete and check-name (201 taken, 204 available) under UserPolicy;
 * thread-safe.
 */
final class ProjectRoutes {
  private static final int MAXIMUM_LIMIT = 1000;
  private static final String NAME_REQUIRED = "Project name is required.";
  private static final String NAME_TAKEN = "A project with this name already exists.";

  private final InMemoryStore store;
  private final ProjectViews views;
  private final EventStore events;
  private final Clock clock;
  private final AtomicReference<PlanLimits> plan;

  ProjectRoutes(InMemoryStore store, ProjectViews views, EventStore events, Clock clock,
      AtomicReference<PlanLimits> plan) {
    this.store = store;
    this.views = views;
    this.events = events;
    this.clock = clock;
    this.plan = plan;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/projects", Policy.PROJECTS_READ_POLICY, this::list);
    table.add("POST", "/api/v2/projects", Policy.USER_POLICY, this::create);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/projects", Policy.PROJECTS_READ_POLICY,
        this::list);
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/projects/check-name", Policy.USER_POLICY,
        this::checkName);
    table.add("GET", "/api/v2/projects/{id:objectid}", Policy.PROJECTS_READ_POLICY, this::get);
    table.add("PATCH", "/api/v2/projects/{id:objectid}", Policy.USER_POLICY, this::update);
    table.add("PUT", "/api/v2/projects/{id:objectid}", Policy.USER_POLICY, this::update);
    table.add("DELETE", "/api/v2/projects/{ids:objectids}", Policy.USER_POLICY, this::delete);
  }

  private ApiResponse list(RouteCall call) {
    ApiRequest request = call.request;
    String routeOrganizationId = call.path("organizationId");
    if (routeOrganizationId != null) {
      Access.organization(store, call, routeOrganizationId);
    }
    Pager pager = Pager.from(request, MAXIMUM_LIMIT);
    ProjectQuery query = ProjectQuery.parse(request.query.first("filter"), request.query.first("sort"));
    Set<String> organizationIds = new LinkedHashSet<String>(call.identity.organizationIds);
    String requested = routeOrganizationId != null ? routeOrganizationId : query.requestedOrganizationId();
    if (requested != null && call.identity.canAccessOrganization(requested)) {
      organizationIds.add(requested);
    }
    if (routeOrganizationId != null) {
      organizationIds = Collections.singleton(routeOrganizationId);
    }
    List<ProjectRecord> matching = query.apply(store.projectsIn(organizationIds));
    boolean stats = isStatsMode(request);
    Instant now = clock.instant();
    List<Map<String, Object>> page = new ArrayList<Map<String, Object>>();
    for (ProjectRecord project : pager.slice(matching)) {
      page.add(views.view(project, stats, now));
    }
    return pager.respond(request, page, matching.size());
  }

  private ApiResponse get(RouteCall call) {
    ProjectRecord project = store.project(call.path("id"));
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      return Problems.projectNotFound(call.request);
    }
    return ApiResponse.json(200, views.view(project, isStatsMode(call.request), clock.instant()));
  }

  private ApiResponse create(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    String organizationId = JsonBody.string(call.request, body, "organization_id");
    String name = JsonBody.string(call.request, body, "name");
    boolean deleteBotData = bool(call.request, body, "delete_bot_data_enabled", false);
    List<String> tabs = tabs(call.request, body, Collections.<String>emptyList());
    if ((organizationId == null || organizationId.isEmpty()) && !call.identity.organizationIds.isEmpty()) {
      organizationId = call.identity.organizationIds.iterator().next();
    }
    if (organizationId == null || !Ids.OBJECT_ID.matcher(organizationId).matches()) {
      return Problems.invalid(call.request, "organization_id", "The organization_id field is required.");
    }
    Access.requireCurrentUser(call);
    if (name == null || name.trim().isEmpty()) {
      return Problems.titled(call.request, 400, NAME_REQUIRED);
    }
    synchronized (store) {
      if (store.organization(organizationId) == null || !call.identity.canAccessOrganization(organizationId)) {
        return Problems.titled(call.request, 400, "Invalid organization id.");
      }
      List<ProjectRecord> existing = store.projectsIn(Collections.singleton(organizationId));
      if (nameTaken(existing, name, null)) {
        return Problems.titled(call.request, 400, NAME_TAKEN);
      }
      if (!plan.get().allowsAnotherProject(existing.size())) {
        return Problems.titled(call.request, 426, "Please upgrade your plan to add additional projects.");
      }
      Instant now = clock.instant();
      ProjectRecord project = new ProjectRecord(Ids.newObjectId(now), organizationId, name.trim(), now, 0,
          Collections.<String, String>emptyMap(), deleteBotData, tabs);
      store.addProject(project);
      return ApiResponse.json(201, views.view(project, false, now))
          .header("Location", call.request.baseUrl + "/api/v2/projects/" + project.id);
    }
  }

  /** Partial update: only the properties present change; a blank or duplicate name gives 400. */
  private ApiResponse update(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    String name = JsonBody.string(call.request, body, "name");
    synchronized (store) {
      ProjectRecord project = Access.project(store, call, call.path("id"));
      if (body.containsKey("name")) {
        if (name == null || name.trim().isEmpty()) {
          return Problems.titled(call.request, 400, NAME_REQUIRED);
        }
        if (nameTaken(store.projectsIn(Collections.singleton(project.organizationId)), name, project.id)) {
          return Problems.titled(call.request, 400, NAME_TAKEN);
        }
      }
      project = project.withDetails(name != null ? name.trim() : project.name,
          bool(call.request, body, "delete_bot_data_enabled", project.deleteBotDataEnabled),
          tabs(call.request, body, project.promotedTabs));
      store.replaceProject(project);
      return ApiResponse.json(200, views.view(project, false, clock.instant()));
    }
  }

  private ApiResponse delete(final RouteCall call) {
    return BulkResults.delete(call.request, call.path("ids"), "Project not found.", id -> {
      ProjectRecord project = store.project(id);
      if (project == null || !call.identity.canAccessOrganization(project.organizationId)
          || !store.removeProject(id)) {
        return false;
      }
      events.removeOwnedBy(project.organizationId, id);
      return true;
    });
  }

  /** 201 when a project of the organization has the name (ignoring case and projectId), else 204. */
  private ApiResponse checkName(RouteCall call) {
    String organizationId = call.path("organizationId");
    String name = call.request.query.first("name");
    if (name == null || name.trim().isEmpty() || !call.identity.canAccessOrganization(organizationId)) {
      return ApiResponse.empty(204);
    }
    boolean taken = nameTaken(store.projectsIn(Collections.singleton(organizationId)), name,
        call.request.query.first("projectId"));
    return ApiResponse.empty(taken ? 201 : 204);
  }

  private static boolean nameTaken(List<ProjectRecord> projects, String name, String ignoredProjectId) {
    for (ProjectRecord project : projects) {
      if (project.name.equalsIgnoreCase(name.trim()) && !project.id.equalsIgnoreCase(String.valueOf(
          ignoredProjectId))) {
        return true;
      }
    }
    return false;
  }

  private static boolean bool(ApiRequest request, Map<String, Object> body, String key, boolean otherwise) {
    Object value = body.get(key);
    if (value == null) {
      return otherwise;
    }
    if (!(value instanceof Boolean)) {
      throw new ApiProblemException(Problems.badBody(request, "The JSON value of '" + key
          + "' must be true or false."));
    }
    return (Boolean) value;
  }

  private static List<String> tabs(ApiRequest request, Map<String, Object> body, List<String> otherwise) {
    if (!body.containsKey("promoted_tabs")) {
      return otherwise;
    }
    Object value = body.get("promoted_tabs");
    List<String> tabs = new ArrayList<String>();
    if (value == null) {
      return tabs;
    }
    if (!(value instanceof List)) {
      throw new ApiProblemException(Problems.badBody(request, "The JSON value of 'promoted_tabs' must be an array."));
    }
    for (Object tab : (List<?>) value) {
      if (!(tab instanceof String)) {
        throw new ApiProblemException(Problems.badBody(request, "The JSON value of 'promoted_tabs' must hold strings."));
      }
      tabs.add((String) tab);
    }
    return tabs;
  }

  private static boolean isStatsMode(ApiRequest request) {
    return "stats".equalsIgnoreCase(request.query.first("mode"));
  }
}
