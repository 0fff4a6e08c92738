/**
 * What the SDK's packages share with each other. Not part of the API: nothing here is for applications, and it
 * may change in any release.
 */
package com.exceptionless.client.internal;
