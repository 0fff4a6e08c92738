/**
 * The Exceptionless Java SDK: {@link com.exceptionless.client.ExceptionlessClient} and its services.
 *
 * <p>Models ({@code com.exceptionless.client.model}) are generated from the OpenAPI spec; errors are in
 * {@code com.exceptionless.client.errors}, paging in {@code com.exceptionless.client.paging}.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client;

import org.jspecify.annotations.NullMarked;
