/**
 * The SDK's unchecked exceptions: {@link com.exceptionless.client.errors.ExceptionlessServiceException} and one
 * subclass per error status (see {@link com.exceptionless.client.errors.ExceptionlessServiceException}), and
 * {@link com.exceptionless.client.errors.ExceptionlessIoException} when no answer came.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client.errors;

import org.jspecify.annotations.NullMarked;
