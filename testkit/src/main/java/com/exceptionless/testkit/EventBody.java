package com.exceptionless.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes an event POST body: checks the content type, undoes gzip or raw deflate (up to ten times the post
 * limit) and turns a JSON object, a JSON array or plain-text lines into events, like the server's parser plugins;
 * stateless.
 */
final class EventBody {
  private EventBody() {
  }

  /** Returns whether the Content-Type is application/json or text/plain (parameters such as charset allowed). */
  static boolean isSupportedContentType(String contentType) {
    String mediaType = mediaType(contentType);
    return mediaType.equals("application/json") || mediaType.equals("text/plain");
  }

  /** Returns the charset parameter of the Content-Type, or UTF-8. */
  static Charset charset(String contentType) {
    if (contentType != null) {
      for (String parameter : contentType.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
          try {
            return Charset.forName(pair[1].trim().replace("\"", ""));
          } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Undoes the Content-Encoding as the server's job does (ByteArrayExtensions.cs): none leaves the body as it is,
   * exactly {@code gzip} is gzip and exactly {@code deflate} is raw DEFLATE (no zlib header); returns null when
   * the decoded body would exceed maxDecodedBytes; throws IOException when the data is corrupt or the encoding is
   * any other value (the server then drops the post).
   */
  static byte[] decode(byte[] raw, String contentEncoding, int maxDecodedBytes) throws IOException {
    if (contentEncoding == null || contentEncoding.isEmpty()) {
      return raw;
    }
    if (contentEncoding.equals("gzip")) {
      return readLimited(new GZIPInputStream(new ByteArrayInputStream(raw)), maxDecodedBytes);
    }
    if (contentEncoding.equals("deflate")) {
      Inflater inflater = new Inflater(true);
      try {
        byte[] decoded = readLimited(new InflaterInputStream(new ByteArrayInputStream(raw), inflater),
            maxDecodedBytes);
        if (decoded != null && !inflater.finished()) {
          throw new IOException("Truncated DEFLATE data");
        }
        return decoded;
      } finally {
        inflater.end();
      }
    }
    throw new IOException("Unsupported encoding type \"" + contentEncoding + "\".");
  }

  /**
   * Parses the decoded text as the server's parser plugins do, by its first non-space character: {@code {} or
   * {@code [} is JSON (an event or an array of events); anything else, and JSON that cannot be read as events, is
   * one {@code log} event per trimmed, non-blank line holding the raw text.
   */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> parseEvents(String text) {
    String trimmed = text.startsWith("\uFEFF") ? text.substring(1).trim() : text.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      List<Map<String, Object>> events = new ArrayList<Map<String, Object>>();
      boolean readable = true;
      try {
        Object parsed = Json.parse(trimmed);
        List<Object> items = parsed instanceof List ? (List<Object>) parsed : Collections.singletonList(parsed);
        for (Object item : items) {
          if (item == null) {
            continue;
          }
          if (!(item instanceof Map) || !ProcessedEvent.isReadableDate(((Map<String, Object>) item).get("date"))) {
            readable = false;
            break;
          }
          events.add((Map<String, Object>) item);
        }
      } catch (IllegalArgumentException malformed) {
        readable = false;
      }
      if (readable && !events.isEmpty()) {
        return events;
      }
    }
    List<Map<String, Object>> lines = new ArrayList<Map<String, Object>>();
    for (String line : trimmed.split("\r\n|\r|\n")) {
      if (!line.trim().isEmpty()) {
        Map<String, Object> event = new LinkedHashMap<String, Object>();
        event.put("type", "log");
        event.put("message", line.trim());
        lines.add(Collections.unmodifiableMap(event));
      }
    }
    return lines;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  private static byte[] readLimited(InputStream in, int maxBytes) throws IOException {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int read;
      while ((read = in.read(buffer)) != -1) {
        out.write(buffer, 0, read);
        if (out.size() > maxBytes) {
          return null;
        }
      }
      return out.toByteArray();
    } finally {
      in.close();
    }
  }
}
