package com.exceptionless.testkit;

/**
 * The request pipeline in the server's order: authenticate, match a route (404 if none), authorize (401 with
 * challenge / 403), throttle (429), run the handler; thread-safe.
 */
final class RequestPipeline {
  private final RouteTable routes;
  private final Authenticator authenticator;
  private final RateLimiter rateLimiter;

  RequestPipeline(RouteTable routes, Authenticator authenticator, RateLimiter rateLimiter) {
    this.routes = routes;
    this.authenticator = authenticator;
    this.rateLimiter = rateLimiter;
  }

  ApiResponse process(final ApiRequest request) {
    final Identity identity = authenticator.authenticate(request);
    final RouteTable.Match match = routes.match(request.method, request.path);
    if (match == null) {
      return rateLimiter.apply(request, identity, () -> Problems.status(request, 404));
    }
    Policy policy = match.route.policy;
    if (policy != Policy.ANONYMOUS) {
      if (!identity.isAuthenticated()) {
        return Problems.unauthorizedChallenge(request);
      }
      if (!policy.allows(identity)) {
        return Problems.status(request, 403);
      }
    }
    return rateLimiter.apply(request, identity, () -> invoke(match, request, identity));
  }

  private static ApiResponse invoke(RouteTable.Match match, ApiRequest request, Identity identity) {
    try {
      return match.route.handler.handle(new RouteCall(request, identity, match.parameters));
    } catch (ApiProblemException e) {
      return e.response;
    }
  }
}
