/**
 * Error and event reporting: {@link com.exceptionless.client.reporting.ExceptionlessReporter} queues events
 * without blocking the caller and delivers them in batches from one daemon thread, counting what it drops.
 */
package com.exceptionless.client.reporting;
