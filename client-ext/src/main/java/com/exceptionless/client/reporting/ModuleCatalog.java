package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Module;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jars on the class path with their versions (from the manifest, else the file name), read once, lazily,
 * on the writer thread. Thread-safe.
 */
final class ModuleCatalog {
  private static final Pattern NAME_AND_VERSION = Pattern.compile("^(.*?)-(\\d+(?:\\.[\\w]+)*(?:-[\\w.]+)?)\\.jar$");

  private final String classPath;
  private volatile List<Module> modules;

  ModuleCatalog(String classPath) {
    this.classPath = classPath;
  }

  List<Module> modules() {
    List<Module> read = modules;
    if (read == null) {
      read = Collections.unmodifiableList(read());
      modules = read;
    }
    return read;
  }

  private List<Module> read() {
    List<Module> found = new ArrayList<>();
    if (classPath == null || classPath.isEmpty()) {
      return found;
    }
    int id = 0;
    for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
      File file = new File(entry);
      if (!file.getName().endsWith(".jar")) {
        continue;
      }
      String name = file.getName();
      String version = null;
      Matcher matcher = NAME_AND_VERSION.matcher(name);
      if (matcher.matches()) {
        name = matcher.group(1);
        version = matcher.group(2);
      } else {
        name = name.substring(0, name.length() - ".jar".length());
      }
      String manifestVersion = manifestVersion(file);
      found.add(Module.builder()
          .moduleId(id++)
          .name(name)
          .version(manifestVersion != null ? manifestVersion : version)
          .isEntry(false)
          .build());
    }
    return found;
  }

  private static String manifestVersion(File jar) {
    if (!jar.isFile()) {
      return null;
    }
    try (JarFile file = new JarFile(jar, false)) {
      Manifest manifest = file.getManifest();
      if (manifest == null) {
        return null;
      }
      Attributes attributes = manifest.getMainAttributes();
      String version = attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
      return version != null ? version : attributes.getValue("Bundle-Version");
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
