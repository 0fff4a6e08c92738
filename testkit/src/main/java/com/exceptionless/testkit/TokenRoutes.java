package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token routes (list, create, default, get, update, delete); all need User auth, so any API key gets 403;
 * thread-safe.
 */
final class TokenRoutes {
  private static final int MAXIMUM_LIMIT = 100;
  private static final String TOKEN_NOT_FOUND = "Token not found.";
  private static final String INVALID_SCOPE = "Invalid token scope requested.";

  private final InMemoryStore store;
  private final Clock clock;

  TokenRoutes(InMemoryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void register(RouteTable table) {
    table.add("GET", "/api/v2/projects/{projectId:objectid}/tokens", Policy.USER_POLICY, this::list);
    table.add("POST", "/api/v2/projects/{projectId:objectid}/tokens", Policy.USER_POLICY, this::create);
    table.add("GET", "/api/v2/projects/{projectId:objectid}/tokens/default", Policy.USER_POLICY,
        this::defaultToken);
    table.add("GET", "/api/v2/tokens/{id:token}", Policy.USER_POLICY, this::get);
    table.add("PATCH", "/api/v2/tokens/{id:tokens}", Policy.USER_POLICY, this::update);
    table.add("PUT", "/api/v2/tokens/{id:tokens}", Policy.USER_POLICY, this::update);
    table.add("DELETE", "/api/v2/tokens/{ids:tokens}", Policy.USER_POLICY, this::delete);
  }

  private ApiResponse list(RouteCall call) {
    requireUserAuth(call, "access");
    ProjectRecord project = accessibleProject(call, call.path("projectId"));
    Pager pager = Pager.from(call.request, MAXIMUM_LIMIT);
    List<TokenRecord> tokens = store.accessTokensOfProject(project.id);
    List<Map<String, Object>> page = new ArrayList<Map<String, Object>>();
    for (TokenRecord token : pager.slice(tokens)) {
      page.add(TokenViews.view(token));
    }
    return pager.respond(call.request, page, tokens.size());
  }

  private ApiResponse create(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, true);
    if (body == null) {
      body = Collections.emptyMap();
    }
    requireUserAuth(call, "create");
    ProjectRecord project = accessibleProject(call, call.path("projectId"));
    List<String> scopes = Scopes.normalize(requestedScopes(call.request, body));
    if (scopes == null || (scopes.contains(Scopes.GLOBAL) && !call.identity.hasRole(Scopes.GLOBAL))) {
      return Problems.invalid(call.request, "scopes", INVALID_SCOPE);
    }
    Instant expires = expiresUtc(call.request, body);
    String notes = JsonBody.string(call.request, body, "notes");
    return created(call.request, newToken(project, scopes, expires, notes));
  }

  private ApiResponse defaultToken(RouteCall call) {
    requireUserAuth(call, "access");
    ProjectRecord project = accessibleProject(call, call.path("projectId"));
    synchronized (store) {
      Instant now = clock.instant();
      for (TokenRecord token : store.accessTokensOfProject(project.id)) {
        boolean clientOnly = token.scopes.isEmpty()
            || (token.scopes.size() == 1 && token.scopes.contains(Scopes.CLIENT));
        if (clientOnly && token.isUsableAt(now)) {
          return ApiResponse.json(200, TokenViews.view(token));
        }
      }
      return created(call.request,
          newToken(project, Collections.singletonList(Scopes.CLIENT), null, null));
    }
  }

  private ApiResponse get(RouteCall call) {
    requireUserAuth(call, "access");
    return ApiResponse.json(200, TokenViews.view(accessibleToken(call, call.path("id"))));
  }

  private ApiResponse update(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    Object disabled = body.get("is_disabled");
    if (body.containsKey("is_disabled") && !(disabled instanceof Boolean)) {
      return Problems.badBody(call.request, "The JSON value of 'is_disabled' must be true or false.");
    }
    String notes = JsonBody.string(call.request, body, "notes");
    requireUserAuth(call, "update");
    synchronized (store) {
      TokenRecord token = accessibleToken(call, call.path("id"));
      Instant now = clock.instant();
      if (disabled != null) {
        token = token.withDisabled((Boolean) disabled, now);
      }
      if (body.containsKey("notes")) {
        token = token.withNotes(notes, now);
      }
      store.replaceToken(token);
      return ApiResponse.json(200, TokenViews.view(token));
    }
  }

  private ApiResponse delete(RouteCall call) {
    requireUserAuth(call, "delete");
    Set<String> ids = new LinkedHashSet<String>();
    for (String id : call.path("ids").split(",")) {
      ids.add(id.trim());
    }
    List<String> success = new ArrayList<String>();
    List<Object> failure = new ArrayList<Object>();
    for (String id : ids) {
      if (findAccessibleToken(call, id) != null && store.removeToken(id)) {
        success.add(id);
      } else {
        Map<String, Object> denied = new LinkedHashMap<String, Object>();
        denied.put("allowed", false);
        denied.put("id", id);
        denied.put("message", TOKEN_NOT_FOUND);
        denied.put("status_code", 404);
        failure.add(denied);
      }
    }
    if (success.isEmpty()) {
      return Problems.titled(call.request, 404, TOKEN_NOT_FOUND);
    }
    Map<String, Object> result = new LinkedHashMap<String, Object>();
    result.put("workers", Collections.emptyList());
    if (failure.isEmpty()) {
      return ApiResponse.json(202, result);
    }
    result.put("success", success);
    result.put("failure", failure);
    return ApiResponse.json(400, result);
  }

  private TokenRecord newToken(ProjectRecord project, List<String> scopes, Instant expires, String notes) {
    Instant now = clock.instant();
    TokenRecord token = new TokenRecord(Ids.newToken(), TokenRecord.Type.ACCESS, project.organizationId,
        project.id, null, null, scopes, expires, notes, false, false, now, now);
    store.addToken(token);
    return token;
  }

  private static ApiResponse created(ApiRequest request, TokenRecord token) {
    return ApiResponse.json(201, TokenViews.view(token))
        .header("Location", request.baseUrl + "/api/v2/tokens/" + token.id);
  }

  private static void requireUserAuth(RouteCall call, String verb) {
    if (call.identity.isTokenAuth()) {
      throw new ApiProblemException(
          Problems.titled(call.request, 403, "Token authentication cannot " + verb + " tokens."));
    }
  }

  private ProjectRecord accessibleProject(RouteCall call, String projectId) {
    ProjectRecord project = store.project(projectId);
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      throw new ApiProblemException(Problems.projectNotFound(call.request));
    }
    return project;
  }

  private TokenRecord accessibleToken(RouteCall call, String id) {
    TokenRecord token = findAccessibleToken(call, id);
    if (token == null) {
      throw new ApiProblemException(Problems.titled(call.request, 404, TOKEN_NOT_FOUND));
    }
    return token;
  }

  /** Hides login tokens, other users' personal keys and other organizations' keys. */
  private TokenRecord findAccessibleToken(RouteCall call, String id) {
    TokenRecord token = store.token(id);
    if (token == null || token.type != TokenRecord.Type.ACCESS
        || !call.identity.canAccessOrganization(token.organizationId)) {
      return null;
    }
    String callerId = call.identity.user == null ? null : call.identity.user.id;
    return token.userId == null || token.userId.equals(callerId) ? token : null;
  }

  private static List<String> requestedScopes(ApiRequest request, Map<String, Object> body) {
    Object value = body.get("scopes");
    List<String> scopes = new ArrayList<String>();
    if (value == null) {
      return scopes;
    }
    if (!(value instanceof List)) {
      throw new ApiProblemException(Problems.badBody(request, "The JSON value of 'scopes' must be an array."));
    }
    for (Object scope : (List<?>) value) {
      if (!(scope instanceof String)) {
        throw new ApiProblemException(Problems.invalid(request, "scopes", INVALID_SCOPE));
      }
      scopes.add((String) scope);
    }
    return scopes;
  }

  private static Instant expiresUtc(ApiRequest request, Map<String, Object> body) {
    String value = JsonBody.string(request, body, "expires_utc");
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new ApiProblemException(
            Problems.badBody(request, "The JSON value of 'expires_utc' is not a valid date."));
      }
    }
  }
}
