/**
 * Servlet integration ({@code jakarta.servlet}, Servlet 5 and newer): {@link com.exceptionless.servlet.ExceptionlessFilter}
 * reports exceptions escaping a request, and optionally 404 answers, with the request as {@code @request}
 * ({@link com.exceptionless.servlet.RequestInfoCollector}).
 */
package com.exceptionless.servlet;
