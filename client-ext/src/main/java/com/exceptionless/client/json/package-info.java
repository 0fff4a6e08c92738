/**
 * The Moshi setup for the Exceptionless JSON: dates with offsets, tolerant enums, read-only collections.
 */
package com.exceptionless.client.json;
