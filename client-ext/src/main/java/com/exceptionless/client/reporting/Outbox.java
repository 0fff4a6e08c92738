package com.exceptionless.client.reporting;

import com.exceptionless.client.model.Event;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * A folder of batches waiting to be sent: each batch is written (atomically) before it is sent and
 * deleted once the server accepted or definitively refused it, so events survive a crash or a restart.
 * Files are named so that sorting them gives the order they were written. Used by the worker thread only.
 */
final class Outbox {
  private static final String SUFFIX = ".events.json";

  private final Path folder;
  private final JsonAdapter<List<Event>> adapter;
  private final AtomicLong sequence = new AtomicLong();

  Outbox(Path folder, Moshi moshi) throws IOException {
    this.folder = Files.createDirectories(folder);
    this.adapter = moshi.adapter(Types.newParameterizedType(List.class, Event.class));
  }

  /** Writes a batch and returns its file, or null when the folder cannot be written (the batch is still sent). */
  Path store(List<Event> events) {
    String name = String.format("%020d-%06d%s", System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000, SUFFIX);
    Path file = folder.resolve(name);
    Path temporary = folder.resolve(name + ".tmp");
    try {
      Files.write(temporary, adapter.toJson(events).getBytes(StandardCharsets.UTF_8));
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      ReporterCounters.LOGGER.log(Level.WARNING, "Exceptionless: could not write the outbox folder " + folder, e);
      return null;
    }
  }

  void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      ReporterCounters.LOGGER.log(Level.WARNING, "Exceptionless: could not delete " + file, e);
    }
  }

  /** Returns the stored batches, oldest first; unreadable files are moved aside with a {@code .bad} suffix. */
  List<Batch> load() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
      for (Path file : stream) {
        files.add(file);
      }
    } catch (IOException e) {
      ReporterCounters.LOGGER.log(Level.WARNING, "Exceptionless: could not read the outbox folder " + folder, e);
      return Collections.emptyList();
    }
    Collections.sort(files);
    List<Batch> batches = new ArrayList<>();
    for (Path file : files) {
      try {
        List<Event> events = adapter.fromJson(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        if (events != null && !events.isEmpty()) {
          batches.add(new Batch(new ArrayList<>(events), file));
        } else {
          delete(file);
        }
      } catch (IOException | RuntimeException e) {
        try {
          Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
          delete(file);
        }
      }
    }
    return batches;
  }

  @Override
  public String toString() {
    return "Outbox(" + folder + ")";
  }
}
