/**
 * Error and event reporting: {@link com.exceptionless.client.reporting.ExceptionlessReporter} queues events
 * without blocking the caller; a writer thread turns each into its JSON and keeps it in memory or in the outbox
 * folder (on disk within 100 ms), and a sender thread delivers them in batches, counting every event it does
 * not deliver by {@link com.exceptionless.client.reporting.DiscardReason}.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client.reporting;

import org.jspecify.annotations.NullMarked;
