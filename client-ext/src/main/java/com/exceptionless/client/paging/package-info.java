/**
 * Paging: a {@link com.exceptionless.client.paging.Page} of a list answer and the lazy
 * {@link com.exceptionless.client.paging.AutoPager} over every page, driven by the server's {@code Link} headers.
 */
package com.exceptionless.client.paging;
