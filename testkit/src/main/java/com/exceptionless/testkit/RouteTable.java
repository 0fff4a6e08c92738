package com.exceptionless.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The ordered list of routes and the lookup of the first one matching a request; filled once, then read-only. */
final class RouteTable {
  /** A route with the path parameters it extracted. */
  static final class Match {
    final Route route;
    final Map<String, String> parameters;

    Match(Route route, Map<String, String> parameters) {
      this.route = route;
      this.parameters = parameters;
    }
  }

  private final List<Route> routes = new ArrayList<Route>();

  RouteTable add(String method, String template, Policy policy, RouteHandler handler) {
    routes.add(new Route(method, template, policy, handler));
    return this;
  }

  /** Returns the first route matching the method and raw path, or null (answered as 404). */
  Match match(String method, String path) {
    for (Route route : routes) {
      if (!route.method.equalsIgnoreCase(method)) {
        continue;
      }
      Map<String, String> parameters = route.match(path);
      if (parameters != null) {
        return new Match(route, parameters);
      }
    }
    return null;
  }

  List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }
}
