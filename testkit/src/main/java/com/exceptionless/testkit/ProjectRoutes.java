package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET projects (filtered, sorted, paged, limit up to 1000) and GET projects/{id}; thread-safe. */
final class ProjectRoutes {
  private static final int MAXIMUM_LIMIT = 1000;

  private final InMemoryStore store;
  private final ProjectViews views;
  private final Clock clock;

  ProjectRoutes(InMemoryStore store, ProjectViews views, Clock clock) {
    this.store = store;
    this.views = views;
    this.clock = clock;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/projects", Policy.PROJECTS_READ_POLICY, this::list);
    table.add("GET", "/api/v2/projects/{id:objectid}", Policy.PROJECTS_READ_POLICY, this::get);
  }

  private ApiResponse list(RouteCall call) {
    ApiRequest request = call.request;
    Pager pager = Pager.from(request, MAXIMUM_LIMIT);
    ProjectQuery query = ProjectQuery.parse(request.query.first("filter"), request.query.first("sort"));
    Set<String> organizationIds = new LinkedHashSet<String>(call.identity.organizationIds);
    String requested = query.requestedOrganizationId();
    if (requested != null && call.identity.canAccessOrganization(requested)) {
      organizationIds.add(requested);
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

  private static boolean isStatsMode(ApiRequest request) {
    return "stats".equalsIgnoreCase(request.query.first("mode"));
  }
}
