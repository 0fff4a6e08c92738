package com.exceptionless.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET projects/config and GET projects/{id}/config (ClientPolicy): the client configuration, 304 when {@code v}
 * is current; POST and DELETE projects/{id}/config?key= (UserPolicy): set a setting from {@code {"value":…}}
 * (400 on an empty key or value) or remove one, each change incrementing the config version (removing an absent
 * key changes nothing, as on the server); thread-safe.
 */
final class ConfigRoutes {
  private final InMemoryStore store;

  ConfigRoutes(InMemoryStore store) {
    this.store = store;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/projects/config", Policy.CLIENT_POLICY, this::config);
    table.add("GET", "/api/v2/projects/{id:objectid}/config", Policy.CLIENT_POLICY, this::config);
    table.add("POST", "/api/v2/projects/{id:objectid}/config", Policy.USER_POLICY, this::setSetting);
    table.add("DELETE", "/api/v2/projects/{id:objectid}/config", Policy.USER_POLICY, this::deleteSetting);
  }

  private ApiResponse setSetting(RouteCall call) {
    String key = call.request.query.first("key");
    Map<String, Object> body = JsonBody.readObject(call.request, true);
    String value = body == null ? null : JsonBody.string(call.request, body, "value");
    ProjectRecord project = Access.project(store, call, call.path("id"));
    if (key == null || key.trim().isEmpty() || value == null || value.trim().isEmpty()) {
      return Problems.titled(call.request, 400, "A non-empty key and value are required.");
    }
    store.setProjectSetting(project.id, key.trim(), value.trim());
    return ApiResponse.empty(200);
  }

  private ApiResponse deleteSetting(RouteCall call) {
    String key = call.request.query.first("key");
    ProjectRecord project = Access.project(store, call, call.path("id"));
    if (key == null || key.trim().isEmpty()) {
      return Problems.titled(call.request, 400, "A non-empty key is required.");
    }
    synchronized (store) {
      ProjectRecord current = store.project(project.id);
      if (current != null && current.settings.containsKey(key.trim())) {
        store.setProjectSetting(project.id, key.trim(), null);
      }
    }
    return ApiResponse.empty(200);
  }

  /**
   * GET projects/config (ProjectConfigMiddleware.cs): the credential's project (401 without one), a {@code v} that
   * is not an integer ignored; GET projects/{id}/config: a {@code v} that is not an integer is 400, a project the
   * caller cannot see 404. Both answer 304 when {@code v} is the current version, else {@code {version, settings}};
   * neither sends X-Exceptionless-ConfigVersion.
   */
  private ApiResponse config(RouteCall call) {
    String projectId = call.path("id");
    int requested;
    if (projectId == null) {
      projectId = call.identity.tokenProjectId() != null ? call.identity.tokenProjectId()
          : call.identity.tokenDefaultProjectId();
      if (projectId == null) {
        return ApiResponse.empty(401);
      }
      requested = lenientInt(call.request.query.first("v"));
    } else {
      requested = Pager.intParameter(call.request, "v", Integer.MIN_VALUE);
    }
    ProjectRecord project = store.project(projectId);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      return Problems.projectNotFound(call.request);
    }
    if (requested != Integer.MIN_VALUE && requested == project.configVersion) {
      return ApiResponse.empty(304);
    }
    Map<String, Object> body = new LinkedHashMap<String, Object>();
    body.put("version", project.configVersion);
    body.put("settings", project.settings);
    return ApiResponse.json(200, body);
  }

  private static int lenientInt(String value) {
    if (value == null) {
      return Integer.MIN_VALUE;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException ignored) {
      return Integer.MIN_VALUE;
    }
  }
}
