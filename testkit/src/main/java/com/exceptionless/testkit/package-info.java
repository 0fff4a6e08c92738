/**
 * An in-process stand-in for the Exceptionless REST API v2 server, for examples and tests that must run
 * without an account.
 *
 * <p>Start one with {@link com.exceptionless.testkit.ExceptionlessTestServer#start()}, from JUnit 5 with
 * {@link com.exceptionless.testkit.ExceptionlessTestServerExtension}, or from a shell with
 * {@link com.exceptionless.testkit.ExceptionlessTestServerMain}. Everything not public in this package is an
 * implementation detail.
 */
package com.exceptionless.testkit;
