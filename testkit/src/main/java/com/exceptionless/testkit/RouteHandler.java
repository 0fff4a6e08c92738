package com.exceptionless.testkit;

/** Answers one matched route; may throw {@link ApiProblemException} to answer with a problem. */
interface RouteHandler {
  ApiResponse handle(RouteCall call);
}
