/**
 * The Exceptionless Java SDK: {@link com.exceptionless.client.ExceptionlessClient} and its services.
 *
 * <p>Models ({@code com.exceptionless.client.model}) are generated from the OpenAPI spec; errors are in
 * {@code com.exceptionless.client.errors}, paging in {@code com.exceptionless.client.paging}.
 */
package com.exceptionless.client;
