/**
 * What the SDK's packages share with each other. Not part of the API: nothing here is for applications, and it
 * may change in any release.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client.internal;

import org.jspecify.annotations.NullMarked;
