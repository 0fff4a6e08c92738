package com.exceptionless.client.reporting;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The application's version from its manifest: {@code Implementation-Version} of the jar that was started
 * ({@code java -jar app.jar}, Spring Boot's fat jars included) or of the jar holding the main class. Read once, off
 * the caller's thread. Stateless.
 */
final class ApplicationVersion {
  private ApplicationVersion() {
  }

  /** Returns the version, or null when the application runs from classes or its manifest names none. */
  static String fromManifest() {
    String command = System.getProperty("sun.java.command");
    if (command == null || command.trim().isEmpty()) {
      return null;
    }
    String started = command.trim().split("\\s+")[0];
    try {
      if (started.endsWith(".jar") && new File(started).isFile()) {
        try (JarFile jar = new JarFile(started)) {
          return implementationVersion(jar.getManifest());
        }
      }
      Class<?> main = Class.forName(started, false, Thread.currentThread().getContextClassLoader());
      Package pkg = main.getPackage();
      return pkg != null ? pkg.getImplementationVersion() : null;
    } catch (IOException | ClassNotFoundException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  private static String implementationVersion(Manifest manifest) {
    if (manifest == null) {
      return null;
    }
    String version = manifest.getMainAttributes().getValue("Implementation-Version");
    return version == null || version.trim().isEmpty() ? null : version.trim();
  }
}
