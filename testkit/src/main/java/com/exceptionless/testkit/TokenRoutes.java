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
 * The ten token routes (project and organization lists and creation, default, POST tokens, get, update, delete);
 * all need User auth, so any API key gets 403; thread-safe.
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
    table.add("GET", "/api/v2/organizations/{organizationId:objectid}/tokens", Policy.USER_POLICY,
        this::listOfOrganization);
    table.add("POST", "/api/v2/organizations/{organizationId:objectid}/tokens", Policy.USER_POLICY,
        this::createForOrganization);
    table.add("POST", "/api/v2/tokens", Policy.USER_POLICY, this::createFromBody);
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

  private ApiResponse listOfOrganization(RouteCall call) {
    requireUserAuth(call, "access");
    OrganizationRecord organization = Access.organization(store, call, call.path("organizationId"));
    Pager pager = Pager.from(call.request, MAXIMUM_LIMIT);
    List<TokenRecord> tokens = new ArrayList<TokenRecord>();
    for (TokenRecord token : store.accessTokensOfOrganization(organization.id)) {
      if (findAccessibleToken(call, token.id) != null) {
        tokens.add(token);
      }
    }
    List<Map<String, Object>> page = new ArrayList<Map<String, Object>>();
    for (TokenRecord token : pager.slice(tokens)) {
      page.add(TokenViews.view(token));
    }
    return pager.respond(call.request, page, tokens.size());
  }

  /**
   * An organization-wide key (no project_id); the body is optional; 400 "Invalid organization." when the caller is
   * not a member; {@code default_project_id} must be a project of the organization (422); source-maps:write
   * needs a project (422 on project_id).
   */
  private ApiResponse createForOrganization(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, true);
    if (body == null) {
      body = Collections.emptyMap();
    }
    requireUserAuth(call, "create");
    String organizationId = call.path("organizationId");
    if (store.organization(organizationId) == null || !call.identity.canAccessOrganization(organizationId)) {
      return Problems.titled(call.request, 400, "Invalid organization.");
    }
    List<String> scopes = Scopes.normalize(requestedScopes(call.request, body));
    if (scopes == null || (scopes.contains(Scopes.GLOBAL) && !call.identity.hasRole(Scopes.GLOBAL))) {
      return Problems.invalid(call.request, "scopes", INVALID_SCOPE);
    }
    if (scopes.contains(Scopes.SOURCE_MAPS_WRITE)) {
      return Problems.invalid(call.request, "project_id", "The source-maps:write scope needs a project.");
    }
    String defaultProjectId = JsonBody.string(call.request, body, "default_project_id");
    if (defaultProjectId != null) {
      ProjectRecord project = store.project(defaultProjectId);
      if (project == null || !project.organizationId.equals(organizationId)) {
        return Problems.invalid(call.request, "default_project_id", "Please specify a valid default project id.");
      }
    }
    Instant now = clock.instant();
    TokenRecord token = new TokenRecord(Ids.newToken(), TokenRecord.Type.ACCESS, organizationId, null,
        defaultProjectId, null, scopes, expiresUtc(call.request, body), JsonBody.string(call.request, body, "notes"),
        false, false, now, now);
    store.addToken(token);
    return created(call.request, token);
  }

  /**
   * POST tokens: the body is required; no project_id gives 400 with {@code errors.project_id}; a malformed one,
   * or a project the caller cannot see, gives 422; the project's organization wins over organization_id.
   */
  private ApiResponse createFromBody(RouteCall call) {
    Map<String, Object> body = JsonBody.readObject(call.request, false);
    requireUserAuth(call, "create");
    String projectId = JsonBody.string(call.request, body, "project_id");
    if (projectId == null || projectId.trim().isEmpty()) {
      Map<String, List<String>> errors = new LinkedHashMap<String, List<String>>();
      errors.put("project_id", Collections.singletonList("The project_id field is required."));
      return Problems.validation(call.request, 400, errors);
    }
    ProjectRecord project = Ids.OBJECT_ID.matcher(projectId).matches() ? store.project(projectId) : null;
    if (project == null || !call.identity.canAccessOrganization(project.organizationId)) {
      return Problems.invalid(call.request, "project_id", "Please specify a valid project id.");
    }
    List<String> scopes = Scopes.normalize(requestedScopes(call.request, body));
    if (scopes == null || (scopes.contains(Scopes.GLOBAL) && !call.identity.hasRole(Scopes.GLOBAL))) {
      return Problems.invalid(call.request, "scopes", INVALID_SCOPE);
    }
    return created(call.request, newToken(project, scopes, expiresUtc(call.request, body),
        JsonBody.string(call.request, body, "notes")));
  }

  /**
   * As TokenRepository.GetDefaultClientTokenAsync: the oldest access token of the project (or with it as default
   * project) whose scopes contain {@code client} or are empty, disabled, expired and user-scoped ones included;
   * without one a client token is created (201).
   */
  private ApiResponse defaultToken(RouteCall call) {
    requireUserAuth(call, "access");
    ProjectRecord project = accessibleProject(call, call.path("projectId"));
    synchronized (store) {
      for (TokenRecord token : store.accessTokensOfProject(project.id)) {
        if (token.scopes.isEmpty() || token.scopes.contains(Scopes.CLIENT)) {
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

  private ApiResponse delete(final RouteCall call) {
    requireUserAuth(call, "delete");
    return BulkResults.delete(call.request, call.path("ids"), TOKEN_NOT_FOUND, new BulkResults.Action() {
      @Override
      public boolean apply(String id) {
        return findAccessibleToken(call, id) != null && store.removeToken(id);
      }
    });
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
