/**
 * The Logback integration: {@link com.exceptionless.logback.ExceptionlessAppender} reports log records through
 * the Exceptionless reporter (errors and lines at or above a level as events, lines below it as breadcrumbs).
 */
package com.exceptionless.logback;
