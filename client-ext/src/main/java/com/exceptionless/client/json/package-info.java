/**
 * The Moshi setup for the Exceptionless JSON: dates with offsets, tolerant enums, read-only collections.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client.json;

import org.jspecify.annotations.NullMarked;
