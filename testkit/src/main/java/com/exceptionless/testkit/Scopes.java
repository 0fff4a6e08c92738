package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Token scope rules: the allowed scopes, their implied scopes and the roles they grant; stateless. */
final class Scopes {
  static final String CLIENT = "client";
  static final String USER = "user";
  static final String GLOBAL = "global";
  static final String SOURCE_MAPS_WRITE = "source-maps:write";
  static final Set<String> ALLOWED =
      Collections.unmodifiableSet(new LinkedHashSet<String>(Arrays.asList(CLIENT, USER, GLOBAL, SOURCE_MAPS_WRITE)));

  private Scopes() {
  }

  /**
   * Lower-cases the requested scopes, adds the implied ones ({@code user} adds {@code client}, {@code global}
   * adds both) and uses {@code client} when none are given; returns null if any scope is not allowed.
   */
  static List<String> normalize(Collection<String> requested) {
    Set<String> scopes = new LinkedHashSet<String>();
    for (String scope : requested) {
      String lower = scope == null ? "" : scope.trim().toLowerCase(Locale.ROOT);
      if (!ALLOWED.contains(lower)) {
        return null;
      }
      scopes.add(lower);
    }
    if (scopes.isEmpty()) {
      scopes.add(CLIENT);
    }
    if (scopes.contains(GLOBAL)) {
      scopes.add(USER);
    }
    if (scopes.contains(USER)) {
      scopes.add(CLIENT);
    }
    return Collections.unmodifiableList(new ArrayList<String>(scopes));
  }

  /** Returns the roles an API key with these scopes has; no scopes means {@code client}. */
  static Set<String> rolesOf(Collection<String> scopes) {
    Set<String> roles = new LinkedHashSet<String>(scopes);
    if (roles.isEmpty()) {
      roles.add(CLIENT);
    }
    return withImpliedRoles(roles);
  }

  /** Returns the roles of a user: global admins are {@code global,user,client}, others {@code user,client}. */
  static Set<String> rolesOfUser(boolean globalAdmin) {
    Set<String> roles = new LinkedHashSet<String>();
    if (globalAdmin) {
      roles.add(GLOBAL);
    }
    roles.add(USER);
    return withImpliedRoles(roles);
  }

  private static Set<String> withImpliedRoles(Set<String> roles) {
    if (roles.contains(GLOBAL)) {
      roles.add(USER);
    }
    if (roles.contains(USER)) {
      roles.add(CLIENT);
    }
    return Collections.unmodifiableSet(roles);
  }
}
