/**
 * The Log4j2 integration: {@link com.exceptionless.log4j2.ExceptionlessAppender}, the {@code Exceptionless}
 * appender element, reports log events through the Exceptionless reporter (errors and lines at or above a level
 * as events, lines below it as breadcrumbs).
 */
package com.exceptionless.log4j2;
