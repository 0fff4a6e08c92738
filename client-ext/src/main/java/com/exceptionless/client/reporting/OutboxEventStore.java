package com.exceptionless.client.reporting;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.zip.CRC32;

/**
 * The outbox folder: every prepared event is written there (a file per batch, written to a temporary name
 * and renamed, optionally forced to the device) before it is sent, and deleted once the server accepted or
 * definitively refused it, so events survive a crash, a kill or a restart and are sent by the next reporter
 * on the same folder. A file is a header line and one line per event: {@code <date millis> TAB <crc32 hex>
 * TAB <json>}. Names sort in the order events were written. The folder is bounded in bytes; a damaged line is
 * counted as {@link DiscardReason#CORRUPT} and its file kept aside as {@code .corrupt}; leftover temporary
 * files are removed; when the disk refuses a write, events wait in memory (with a rate-limited warning).
 * One reporter per folder (a lock file says so). Thread-safe.
 */
final class OutboxEventStore implements EventStore {
  static final String SUFFIX = ".events";
  static final String TEMPORARY = ".tmp";
  static final String ASIDE = ".corrupt";
  private static final String LOCK = ".lock";
  private static final byte[] HEADER = "exceptionless-outbox 1\n".getBytes(StandardCharsets.US_ASCII);

  private final Path folder;
  private final long maxBytes;
  private final boolean sync;
  private final int eventsPerFile;
  private final long bytesPerFile;
  private final ReporterCounters counters;
  private final MemoryEventStore fallback;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final RateLimitedWarning diskWarning = new RateLimitedWarning(ReportingLog.LOGGER);
  private final RateLimitedWarning fullWarning = new RateLimitedWarning(ReportingLog.LOGGER);
  private final TreeMap<String, FileEntry> files = new TreeMap<>();
  private long bytesOnDisk;
  private long nextSequence;
  private int waitingEvents;
  private StoredBatch inFlight;
  private boolean closed;

  private static final class FileEntry {
    final String name;
    final boolean restored;
    int events;
    long bytes;
    boolean loaded;

    FileEntry(String name, boolean restored, int events, long bytes, boolean loaded) {
      this.name = name;
      this.restored = restored;
      this.events = events;
      this.bytes = bytes;
      this.loaded = loaded;
    }
  }

  /**
   * Opens the folder: creates it, takes its lock, removes leftover temporary files and lists what an earlier run
   * left (read later, by {@link #open()}, off the caller's thread).
   *
   * @throws IOException when the folder cannot be created or written
   * @throws IllegalStateException when another reporter uses the folder
   */
  OutboxEventStore(Path folder, long maxBytes, boolean sync, int eventsPerFile, long bytesPerFile,
      int memoryCapacity, ReporterCounters counters) throws IOException {
    this.folder = Files.createDirectories(folder);
    this.maxBytes = maxBytes;
    this.sync = sync;
    this.eventsPerFile = eventsPerFile;
    this.bytesPerFile = bytesPerFile;
    this.counters = counters;
    this.fallback = new MemoryEventStore(memoryCapacity, counters);
    this.lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      lockChannel.close();
      throw new IllegalStateException("The outbox folder " + folder + " is used by another running reporter:"
          + " give each reporter a folder of its own (or close the other one first)");
    }
    this.lock = taken;
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (name.endsWith(TEMPORARY)) {
          Files.deleteIfExists(file);
        } else if (name.endsWith(SUFFIX)) {
          files.put(name, new FileEntry(name, true, 0, Files.size(file), false));
          bytesOnDisk += Files.size(file);
          nextSequence = Math.max(nextSequence, sequenceOf(name) + 1);
        }
      }
    }
  }

  /** Reads and checks the files an earlier run left, and counts their events as restored. */
  @Override
  public synchronized void open() {
    int restored = 0;
    for (FileEntry entry : new ArrayList<>(files.values())) {
      if (!entry.loaded && !closed) {
        restored += read(entry).size();
      }
    }
    if (restored > 0) {
      ReportingLog.LOGGER.info("Exceptionless: " + restored + " event(s) left in the outbox folder " + folder
          + " by an earlier run will be sent");
    }
  }

  @Override
  public boolean hasRoom(int count) {
    return true;
  }

  @Override
  public synchronized void add(List<SerializedEvent> events) {
    if (closed) {
      counters.discarded(DiscardReason.CLOSED, events.size());
      return;
    }
    for (List<SerializedEvent> chunk : chunks(events)) {
      byte[] content = encode(chunk);
      if (bytesOnDisk + content.length > maxBytes) {
        counters.discarded(DiscardReason.OUTBOX_FULL, chunk.size());
        fullWarning.log("Exceptionless: the outbox folder " + folder + " is full (" + maxBytes
            + " bytes): new events are discarded until the server takes what waits there", null);
        continue;
      }
      String name = String.format("%019d", nextSequence++) + SUFFIX;
      try {
        write(name, content);
        files.put(name, new FileEntry(name, false, chunk.size(), content.length, true));
        bytesOnDisk += content.length;
        waitingEvents += chunk.size();
      } catch (IOException e) {
        diskWarning.log("Exceptionless: cannot write the outbox folder " + folder
            + "; events wait in memory (and are lost if the process ends) until it can be written again", e);
        if (fallback.hasRoom(chunk.size())) {
          fallback.add(chunk);
        } else {
          counters.discarded(DiscardReason.QUEUE_FULL, chunk.size());
        }
      }
    }
  }

  @Override
  public synchronized int waiting() {
    return waitingEvents + fallback.waiting();
  }

  @Override
  public synchronized boolean nextIsRestored() {
    return !files.isEmpty() && files.firstEntry().getValue().restored;
  }

  @Override
  public synchronized StoredBatch next(int maxEvents, long maxBatchBytes) {
    if (closed) {
      return null;
    }
    while (!files.isEmpty()) {
      FileEntry first = files.firstEntry().getValue();
      List<SerializedEvent> events = read(first);
      if (events.isEmpty()) {
        continue;
      }
      if (events.size() > maxEvents || jsonBytes(events) > maxBatchBytes) {
        splitFile(first, events, maxEvents, maxBatchBytes);
        continue;
      }
      List<SerializedEvent> taken = new ArrayList<>(events);
      List<String> names = new ArrayList<>();
      names.add(first.name);
      long bytes = jsonBytes(events);
      for (Map.Entry<String, FileEntry> next = files.higherEntry(first.name); next != null;
           next = files.higherEntry(next.getKey())) {
        FileEntry entry = next.getValue();
        if (entry.restored != first.restored || !entry.loaded || taken.size() + entry.events > maxEvents
            || bytes + entry.bytes > maxBatchBytes) {
          break;
        }
        List<SerializedEvent> more = read(entry);
        if (taken.size() + more.size() > maxEvents || bytes + jsonBytes(more) > maxBatchBytes) {
          break;
        }
        taken.addAll(more);
        names.add(entry.name);
        bytes += jsonBytes(more);
      }
      waitingEvents -= taken.size();
      inFlight = new StoredBatch(taken, names, first.restored);
      return inFlight;
    }
    return fallback.next(maxEvents, maxBatchBytes);
  }

  @Override
  public synchronized boolean finish(StoredBatch batch) {
    if (batch.files.isEmpty()) {
      return fallback.finish(batch);
    }
    if (batch != inFlight) {
      return false;
    }
    inFlight = null;
    for (String name : batch.files) {
      FileEntry entry = files.remove(name);
      if (entry != null) {
        bytesOnDisk -= entry.bytes;
      }
      try {
        Files.deleteIfExists(folder.resolve(name));
      } catch (IOException e) {
        diskWarning.log("Exceptionless: cannot delete " + folder.resolve(name) + " from the outbox folder;"
            + " its events may be sent again at the next start", e);
      }
    }
    return true;
  }

  @Override
  public synchronized boolean retry(StoredBatch batch) {
    if (batch.files.isEmpty()) {
      return fallback.retry(batch);
    }
    if (batch != inFlight) {
      return false;
    }
    inFlight = null;
    waitingEvents += batch.events.size();
    return true;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    int left = 0;
    for (FileEntry entry : files.values()) {
      left += entry.events;
    }
    if (inFlight != null) {
      inFlight.owned = false;
      inFlight = null;
    }
    counters.leftInOutbox(left);
    fallback.close();
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: could not release the outbox folder's lock", e);
    }
  }

  /**
   * Returns the events of a file. The first read of a file an earlier run left counts its lines as restored
   * (submitted); damaged lines are counted as {@link DiscardReason#CORRUPT} and the file is set aside.
   */
  private List<SerializedEvent> read(FileEntry entry) {
    Path file = folder.resolve(entry.name);
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      diskWarning.log("Exceptionless: cannot read " + file + " from the outbox folder; its events are counted as"
          + " CORRUPT", e);
      forget(entry, entry.loaded ? entry.events : 0);
      return Collections.emptyList();
    }
    List<SerializedEvent> events = new ArrayList<>();
    int damaged = decode(content, events);
    if (!entry.loaded) {
      entry.loaded = true;
      counters.restored(events.size() + damaged);
      waitingEvents += events.size();
    } else {
      waitingEvents -= entry.events - events.size();
    }
    entry.events = events.size();
    if (damaged > 0) {
      counters.discarded(DiscardReason.CORRUPT, damaged);
      setAside(entry, events, damaged);
    }
    if (events.isEmpty()) {
      forget(entry, 0);
    }
    return events;
  }

  /** Moves a damaged file aside and writes its good lines back under its name. */
  private void setAside(FileEntry entry, List<SerializedEvent> good, int damaged) {
    Path file = folder.resolve(entry.name);
    Path aside = folder.resolve(entry.name + ASIDE);
    ReportingLog.LOGGER.warning("Exceptionless: " + damaged + " damaged event line(s) in the outbox file " + file
        + " (truncated or changed on disk) are discarded; the file is kept as " + aside + " and its "
        + good.size() + " good event(s) will be sent");
    try {
      Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      if (!good.isEmpty()) {
        byte[] content = encode(good);
        write(entry.name, content);
        bytesOnDisk += content.length - entry.bytes;
        entry.bytes = content.length;
      }
    } catch (IOException e) {
      diskWarning.log("Exceptionless: cannot set aside the damaged outbox file " + file, e);
    }
  }

  /** Removes an entry that holds nothing sendable any more; {@code lost} events are counted as corrupt. */
  private void forget(FileEntry entry, int lost) {
    files.remove(entry.name);
    bytesOnDisk -= entry.bytes;
    if (entry.loaded) {
      waitingEvents -= entry.events;
    }
    counters.discarded(DiscardReason.CORRUPT, lost);
    try {
      Files.deleteIfExists(folder.resolve(entry.name));
    } catch (IOException e) {
      ReportingLog.LOGGER.log(Level.FINE, "Exceptionless: could not delete " + entry.name, e);
    }
  }

  /** Rewrites a file too large for one batch as several smaller files that sort in its place. */
  private void splitFile(FileEntry entry, List<SerializedEvent> events, int maxEvents, long maxBatchBytes) {
    String base = entry.name.substring(0, entry.name.length() - SUFFIX.length());
    List<List<SerializedEvent>> parts = chunks(events, Math.max(1, maxEvents), maxBatchBytes);
    try {
      List<FileEntry> written = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        String name = base + String.format("-%04d", i) + SUFFIX;
        byte[] content = encode(parts.get(i));
        write(name, content);
        written.add(new FileEntry(name, entry.restored, parts.get(i).size(), content.length, true));
      }
      files.remove(entry.name);
      bytesOnDisk -= entry.bytes;
      Files.deleteIfExists(folder.resolve(entry.name));
      for (FileEntry part : written) {
        files.put(part.name, part);
        bytesOnDisk += part.bytes;
      }
    } catch (IOException e) {
      diskWarning.log("Exceptionless: cannot split the outbox file " + entry.name + "; its events are sent from memory", e);
      files.remove(entry.name);
      bytesOnDisk -= entry.bytes;
      waitingEvents -= events.size();
      fallback.add(events);
    }
  }

  private void write(String name, byte[] content) throws IOException {
    Path temporary = folder.resolve(name + TEMPORARY);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (sync) {
          channel.force(true);
        }
      }
      Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      if (sync) {
        syncFolder();
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // The next start removes it.
      }
      throw e instanceof IOException ? (IOException) e : new IOException(e);
    }
  }

  private void syncFolder() {
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Some file systems cannot force a directory; the file itself was forced.
    }
  }

  private List<List<SerializedEvent>> chunks(List<SerializedEvent> events) {
    return chunks(events, eventsPerFile, bytesPerFile);
  }

  private static List<List<SerializedEvent>> chunks(List<SerializedEvent> events, int maxEvents, long maxBytes) {
    List<List<SerializedEvent>> chunks = new ArrayList<>();
    List<SerializedEvent> current = new ArrayList<>();
    long bytes = 2;
    for (SerializedEvent event : events) {
      if (!current.isEmpty() && (current.size() >= maxEvents || bytes + event.json.length + 1 > maxBytes)) {
        chunks.add(current);
        current = new ArrayList<>();
        bytes = 2;
      }
      current.add(event);
      bytes += event.json.length + 1;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  private static long jsonBytes(List<SerializedEvent> events) {
    long bytes = 2;
    for (SerializedEvent event : events) {
      bytes += event.json.length + 1;
    }
    return bytes;
  }

  static byte[] encode(List<SerializedEvent> events) {
    int size = HEADER.length;
    for (SerializedEvent event : events) {
      size += event.json.length + 32;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(HEADER);
    CRC32 crc = new CRC32();
    for (SerializedEvent event : events) {
      crc.reset();
      crc.update(event.json, 0, event.json.length);
      out.put(Long.toString(event.dateMillis).getBytes(StandardCharsets.US_ASCII)).put((byte) '\t');
      out.put(String.format("%08x", crc.getValue()).getBytes(StandardCharsets.US_ASCII)).put((byte) '\t');
      out.put(event.json).put((byte) '\n');
    }
    byte[] content = new byte[out.position()];
    out.flip();
    out.get(content);
    return content;
  }

  /** Adds the good lines' events to {@code into} and returns how many lines were damaged. */
  static int decode(byte[] content, List<SerializedEvent> into) {
    int damaged = 0;
    int start = 0;
    boolean header = true;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      if (header) {
        header = false;
        if (end - start != HEADER.length - 1 || !startsWith(content, start, HEADER)) {
          damaged++;
        }
      } else if (end == content.length) {
        damaged++;
      } else {
        SerializedEvent event = line(content, start, end);
        if (event == null) {
          damaged++;
        } else {
          into.add(event);
        }
      }
      start = end + 1;
    }
    return damaged;
  }

  private static SerializedEvent line(byte[] content, int start, int end) {
    int firstTab = indexOf(content, start, end, (byte) '\t');
    int secondTab = firstTab < 0 ? -1 : indexOf(content, firstTab + 1, end, (byte) '\t');
    if (secondTab < 0 || secondTab - firstTab != 9 || end - secondTab < 3) {
      return null;
    }
    try {
      long date = Long.parseLong(new String(content, start, firstTab - start, StandardCharsets.US_ASCII));
      long expected = Long.parseLong(new String(content, firstTab + 1, 8, StandardCharsets.US_ASCII), 16);
      CRC32 crc = new CRC32();
      crc.update(content, secondTab + 1, end - secondTab - 1);
      if (crc.getValue() != expected) {
        return null;
      }
      byte[] json = new byte[end - secondTab - 1];
      System.arraycopy(content, secondTab + 1, json, 0, json.length);
      return new SerializedEvent(date, json);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int indexOf(byte[] content, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (content[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] content, int start, byte[] prefix) {
    for (int i = 0; i < prefix.length - 1; i++) {
      if (start + i >= content.length || content[start + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static long sequenceOf(String name) {
    int digits = 0;
    while (digits < name.length() && Character.isDigit(name.charAt(digits))) {
      digits++;
    }
    try {
      return digits == 0 ? -1 : Long.parseLong(name.substring(0, digits));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public String toString() {
    return "OutboxEventStore(" + folder + ")";
  }
}
