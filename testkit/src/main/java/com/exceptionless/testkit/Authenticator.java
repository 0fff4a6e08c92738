package com.exceptionless.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;

/** Resolves the caller from the Authorization header or the access-token query parameters; thread-safe. */
final class Authenticator {
  private final InMemoryStore store;
  private final Clock clock;

  Authenticator(InMemoryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Returns the caller's identity, or {@link Identity#ANONYMOUS} when no valid credential was sent. */
  Identity authenticate(ApiRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null) {
      String token = firstNonEmpty(request.query.first("access_token"), request.query.first("api_key"),
          request.query.first("apikey"));
      return token == null ? Identity.ANONYMOUS : byToken(token);
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    if (space <= 0) {
      return Identity.ANONYMOUS;
    }
    String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
    String parameter = value.substring(space + 1).trim();
    if (scheme.equals("bearer") || scheme.equals("token")) {
      return byToken(parameter);
    }
    if (scheme.equals("basic")) {
      return byBasic(parameter);
    }
    return Identity.ANONYMOUS;
  }

  private Identity byBasic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Identity.ANONYMOUS;
    }
    int colon = decoded.indexOf(':');
    String name = colon < 0 ? decoded : decoded.substring(0, colon);
    String password = colon < 0 ? "" : decoded.substring(colon + 1);
    if (name.equalsIgnoreCase("client")) {
      return byToken(password);
    }
    if (password.isEmpty() || password.equalsIgnoreCase("x-oauth-basic")) {
      return byToken(name);
    }
    UserRecord user = store.findUserByEmail(name);
    if (user == null || !user.isCorrectPassword(password)) {
      return Identity.ANONYMOUS;
    }
    return Identity.forUser(user, null, store.organizationIdsOf(user.id));
  }

  private Identity byToken(String tokenId) {
    TokenRecord token = store.token(tokenId);
    if (token == null || !token.isUsableAt(clock.instant())) {
      return Identity.ANONYMOUS;
    }
    if (token.type == TokenRecord.Type.ACCESS) {
      return Identity.forApiKey(token);
    }
    UserRecord user = store.user(token.userId);
    return user == null ? Identity.ANONYMOUS : Identity.forUser(user, token, store.organizationIdsOf(user.id));
  }

  private static String firstNonEmpty(String... values) {
    for (String value : values) {
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
