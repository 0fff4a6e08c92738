package com.exceptionless.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** GET projects/config and GET projects/{id}/config: the client configuration, 304 when {@code v} is current; thread-safe. */
final class ConfigRoutes {
  private final InMemoryStore store;

  ConfigRoutes(InMemoryStore store) {
    this.store = store;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/projects/config", Policy.CLIENT_POLICY, this::config);
    table.add("GET", "/api/v2/projects/{id:objectid}/config", Policy.CLIENT_POLICY, this::config);
  }

  private ApiResponse config(RouteCall call) {
    String projectId = call.path("id");
    if (projectId == null) {
      projectId = call.identity.tokenProjectId() != null ? call.identity.tokenProjectId()
          : call.identity.tokenDefaultProjectId();
    }
    ProjectRecord project = store.project(projectId);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      return Problems.projectNotFound(call.request);
    }
    String version = Integer.toString(project.configVersion);
    String requested = call.request.query.first("v");
    if (requested != null && !requested.trim().isEmpty()
        && Pager.intParameter(call.request, "v", -1) == project.configVersion) {
      return ApiResponse.empty(304).header("X-Exceptionless-ConfigVersion", version);
    }
    Map<String, Object> body = new LinkedHashMap<String, Object>();
    body.put("version", project.configVersion);
    body.put("settings", project.settings);
    return ApiResponse.json(200, body).header("X-Exceptionless-ConfigVersion", version);
  }
}
