/**
 * Paging: a {@link com.exceptionless.client.paging.Page} of a list answer and the lazy
 * {@link com.exceptionless.client.paging.AutoPager} over every page, driven by the server's {@code Link} headers.
 *
 * <p>Nothing here is null unless marked {@code @Nullable} (JSpecify).
 */
@NullMarked
package com.exceptionless.client.paging;

import org.jspecify.annotations.NullMarked;
