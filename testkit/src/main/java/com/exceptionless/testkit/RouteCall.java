package com.exceptionless.testkit;

import java.util.Map;

/** A request matched to a route, with its path parameters and the authenticated caller; immutable. */
final class RouteCall {
  final ApiRequest request;
  final Identity identity;
  private final Map<String, String> pathParameters;

  RouteCall(ApiRequest request, Identity identity, Map<String, String> pathParameters) {
    this.request = request;
    this.identity = identity;
    this.pathParameters = pathParameters;
  }

  String path(String name) {
    return pathParameters.get(name);
  }
}
