package com.exceptionless.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** POST auth/login (anonymous, throttled per email) and GET auth/logout (User auth only); thread-safe. */
final class AuthRoutes {
  private static final int MAXIMUM_ATTEMPTS_PER_EMAIL = 5;

  private final InMemoryStore store;
  private final Clock clock;
  private final FixedWindowCounter attempts;

  AuthRoutes(InMemoryStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.attempts = new FixedWindowCounter(clock, Duration.ofMinutes(15));
  }

  void register(RouteTable table) {
    table.add("POST", "/api/v2/auth/login", Policy.ANONYMOUS, this::login);
    table.add("GET", "/api/v2/auth/logout", Policy.USER_POLICY, this::logout);
  }

  private ApiResponse login(RouteCall call) {
    ApiRequest request = call.request;
    Map<String, Object> body = JsonBody.readObject(request, false);
    String email = JsonBody.string(request, body, "email");
    String password = JsonBody.string(request, body, "password");
    String inviteToken = JsonBody.string(request, body, "invite_token");
    Map<String, List<String>> errors = validate(email, password, inviteToken);
    if (!errors.isEmpty()) {
      return Problems.validation(request, 422, errors);
    }
    String attemptsKey = email.trim().toLowerCase(Locale.ROOT);
    if (attempts.increment(attemptsKey) > MAXIMUM_ATTEMPTS_PER_EMAIL) {
      return Problems.titled(request, 401, "Login denied.");
    }
    UserRecord user = store.findUserByEmail(email);
    if (user == null || !user.isCorrectPassword(password)) {
      return Problems.titled(request, 401, "Login failed.");
    }
    attempts.reset(attemptsKey);
    Map<String, Object> result = new LinkedHashMap<String, Object>();
    result.put("token", loginTokenOf(user).id);
    return ApiResponse.json(200, result);
  }

  /** Reuses the user's valid login token or creates one that expires in three months. */
  private TokenRecord loginTokenOf(UserRecord user) {
    synchronized (store) {
      Instant now = clock.instant();
      TokenRecord existing = store.usableLoginTokenOf(user.id, now);
      if (existing != null) {
        return existing;
      }
      Instant expires = now.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant();
      TokenRecord token = new TokenRecord(Ids.newToken(), TokenRecord.Type.AUTHENTICATION, null, null, null,
          user.id, Collections.<String>emptyList(), expires, null, false, false, now, now);
      store.addToken(token);
      return token;
    }
  }

  private static Map<String, List<String>> validate(String email, String password, String inviteToken) {
    Map<String, List<String>> errors = new LinkedHashMap<String, List<String>>();
    if (email == null || email.trim().isEmpty()) {
      errors.put("email", single("The Email field is required."));
    }
    if (password == null || password.isEmpty()) {
      errors.put("password", single("The Password field is required."));
    } else if (password.length() < 6 || password.length() > 100) {
      errors.put("password", single(
          "The field Password must be a string with a minimum length of 6 and a maximum length of 100."));
    }
    if (inviteToken != null && inviteToken.length() != 40) {
      errors.put("invite_token", single(
          "The field InviteToken must be a string with a minimum length of 40 and a maximum length of 40."));
    }
    return errors;
  }

  private static List<String> single(String message) {
    List<String> list = new ArrayList<String>();
    list.add(message);
    return list;
  }

  private ApiResponse logout(RouteCall call) {
    if (call.identity.isTokenAuth()) {
      return Problems.status(call.request, 403);
    }
    if (call.identity.token != null) {
      store.removeToken(call.identity.token.id);
    }
    return ApiResponse.empty(200);
  }
}
