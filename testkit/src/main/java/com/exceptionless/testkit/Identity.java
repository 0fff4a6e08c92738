package com.exceptionless.testkit;

import java.util.Collections;
import java.util.Set;

/** Who is calling: anonymous, a "User" auth identity or a "Token" auth identity, with roles; immutable. */
final class Identity {
  /** The authentication type, as the server's IdentityUtils names it. */
  enum AuthType { NONE, USER, TOKEN }

  static final Identity ANONYMOUS = new Identity(AuthType.NONE, Collections.<String>emptySet(), null, null,
      Collections.<String>emptySet(), false);

  final AuthType authType;
  final Set<String> roles;
  /** The user, for User auth; null for API keys and anonymous callers. */
  final UserRecord user;
  /** The token used (API key or login token); null for Basic email:password and anonymous callers. */
  final TokenRecord token;
  /** The organizations this caller may see. */
  final Set<String> organizationIds;
  private final boolean globalAdmin;

  private Identity(AuthType authType, Set<String> roles, UserRecord user, TokenRecord token,
      Set<String> organizationIds, boolean globalAdmin) {
    this.authType = authType;
    this.roles = Collections.unmodifiableSet(roles);
    this.user = user;
    this.token = token;
    this.organizationIds = Collections.unmodifiableSet(organizationIds);
    this.globalAdmin = globalAdmin;
  }

  static Identity forUser(UserRecord user, TokenRecord loginToken, Set<String> organizationIds) {
    return new Identity(AuthType.USER, Scopes.rolesOfUser(user.globalAdmin), user, loginToken,
        organizationIds, user.globalAdmin);
  }

  static Identity forApiKey(TokenRecord token) {
    Set<String> roles = Scopes.rolesOf(token.scopes);
    return new Identity(AuthType.TOKEN, roles, null, token, Collections.singleton(token.organizationId),
        roles.contains(Scopes.GLOBAL));
  }

  boolean isAuthenticated() {
    return authType != AuthType.NONE;
  }

  boolean isTokenAuth() {
    return authType == AuthType.TOKEN;
  }

  boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** Members see their organizations; global admins see every organization. */
  boolean canAccessOrganization(String organizationId) {
    return organizationId != null && (globalAdmin || organizationIds.contains(organizationId));
  }

  /**
   * The user the request acts for: the logged-in user, or the user an API key belongs to; null for API keys
   * without a user (the server then answers 401 where a handler needs the current user).
   */
  String callerUserId() {
    if (user != null) {
      return user.id;
    }
    return token != null && token.type == TokenRecord.Type.ACCESS ? token.userId : null;
  }

  /** The project an API key is bound to (project id, else default project id); null otherwise. */
  String tokenProjectId() {
    return token == null || token.type != TokenRecord.Type.ACCESS ? null : token.projectId;
  }

  String tokenDefaultProjectId() {
    return token == null || token.type != TokenRecord.Type.ACCESS ? null : token.defaultProjectId;
  }

  /** The key used for rate limiting: organization for API keys, user for User auth, else null. */
  String rateLimitKey() {
    if (authType == AuthType.TOKEN) {
      return "organization:" + token.organizationId;
    }
    if (authType == AuthType.USER) {
      return "user:" + user.id;
    }
    return null;
  }

  @Override
  public String toString() {
    return "Identity{authType=" + authType + ", roles=" + roles + ", user=" + (user == null ? null : user.id)
        + "}";
  }
}
