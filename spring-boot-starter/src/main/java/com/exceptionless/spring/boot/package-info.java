/**
 * Spring Boot 3 auto-configuration for Exceptionless: the reporter bean from {@code exceptionless.*} properties
 * ({@link com.exceptionless.spring.boot.ExceptionlessAutoConfiguration}), Spring MVC request errors
 * ({@link com.exceptionless.spring.boot.ExceptionlessWebConfiguration}) and Boot's Logback logging
 * ({@link com.exceptionless.spring.boot.ExceptionlessLogbackConfiguration}).
 */
package com.exceptionless.spring.boot;
