package com.exceptionless.testkit;

import java.time.Clock;
import java.util.Collections;
import java.util.Map;

/**
 * The data routes as the server's ProjectHandler and OrganizationHandler do them, all under UserPolicy: POST and
 * DELETE projects/{id}/data?key= and organizations/{id}/data/{key} (key and value trimmed; a blank key or value,
 * or a key starting with {@code -}, is 400 "Invalid key or value."; deleting a missing key is 200) and POST
 * projects/{id}/reset-data (removes the project's events and stacks, 202 with a work item id). The project's
 * {@code UserNamespaces} and {@code CommonMethods} change how later errors are grouped ({@link StackSignature}).
 * Thread-safe.
 */
final class DataRoutes {
  static final String INVALID = "Invalid key or value.";

  private final InMemoryStore store;
  private final EventStore events;
  private final Clock clock;

  DataRoutes(InMemoryStore store, EventStore events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  void register(RouteTable table) {
    table.add("POST", "/api/v2/projects/{id:objectid}/data", Policy.USER_POLICY, call -> setProjectData(call, true));
    table.add("DELETE", "/api/v2/projects/{id:objectid}/data", Policy.USER_POLICY,
        call -> setProjectData(call, false));
    table.add("POST", "/api/v2/organizations/{id:objectid}/data/{key:minlength(1)}", Policy.USER_POLICY,
        call -> setOrganizationData(call, true));
    table.add("DELETE", "/api/v2/organizations/{id:objectid}/data/{key:minlength(1)}", Policy.USER_POLICY,
        call -> setOrganizationData(call, false));
    table.add("POST", "/api/v2/projects/{id:objectid}/reset-data", Policy.USER_POLICY, this::resetData);
  }

  private ApiResponse setProjectData(RouteCall call, boolean set) {
    String key = call.request.query.first("key");
    String value = set ? value(call) : null;
    if (invalidKey(key) || (set && (value == null || value.trim().isEmpty()))) {
      return Problems.titled(call.request, 400, set ? INVALID : "Invalid key value.");
    }
    synchronized (store) {
      ProjectRecord project = Access.project(store, call, call.path("id"));
      store.replaceProject(project.withData(key.trim(), set ? value.trim() : null));
    }
    return ApiResponse.empty(200);
  }

  private ApiResponse setOrganizationData(RouteCall call, boolean set) {
    String key = call.path("key");
    String value = set ? value(call) : null;
    if (set && (invalidKey(key) || value == null || value.trim().isEmpty())) {
      return Problems.titled(call.request, 400, INVALID);
    }
    synchronized (store) {
      OrganizationRecord organization = Access.organization(store, call, call.path("id"));
      store.replaceOrganization(organization.withData(set ? key.trim() : key, set ? value.trim() : null));
    }
    return ApiResponse.empty(200);
  }

  private ApiResponse resetData(RouteCall call) {
    ProjectRecord project = Access.project(store, call, call.path("id"));
    events.removeOwnedBy(project.organizationId, project.id);
    return ApiResponse.json(202, Collections.singletonMap("workers",
        Collections.singletonList(Ids.newObjectId(clock.instant()))));
  }

  private static boolean invalidKey(String key) {
    return key == null || key.trim().isEmpty() || key.startsWith("-");
  }

  private static String value(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, true);
    return body == null ? null : JsonBody.string(call.request, body, "value");
  }
}
