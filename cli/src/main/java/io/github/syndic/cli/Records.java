package io.github.syndic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The rules every command applies to a document's id and time. Stateless; thread-safe.
 *
 * <p>An id is a non-empty string of at most {@link #MAX_ID_CHARS} chars without control
 * characters (a tab or line break would break the clusters TSV) and without an unpaired
 * surrogate (it cannot be written as UTF-8). A time is ISO-8601 (with or without a zone or offset;
 * without one it is UTC; a date alone is its midnight UTC; a space may stand for the {@code T}),
 * RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}), or a number of seconds or milliseconds since
 * 1970 (a JSON number or a string of digits; see {@link TimeUnit#auto}).
 */
final class Records {
  /**
   * Longest id: 4,096 chars. URLs (the usual ids of a feed) stay far below it, and the index
   * stores every id of its window, so an absurdly long one is refused here, named.
   */
  static final int MAX_ID_CHARS = 4096;

  /**
   * Epoch numbers below this are seconds, others milliseconds: 10^11 seconds is the year 5138,
   * 10^11 milliseconds is March 1973, so no date a news feed holds is ambiguous.
   */
  static final double SECONDS_BELOW = 1e11;

  /** How epoch numbers are read. */
  enum TimeUnit {
    /** Seconds below {@link #SECONDS_BELOW} in magnitude, milliseconds above. */
    auto,
    /** Seconds since 1970. */
    s,
    /** Milliseconds since 1970. */
    ms
  }

  /** Larger epoch numbers are no time: Instant ends at about 3.2 x 10^16 seconds. */
  private static final BigDecimal EPOCH_BEYOND = new BigDecimal("1e20");

  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?");

  /** ISO date-time with an offset without a colon ({@code +0200}), which ISO_OFFSET_DATE_TIME refuses. */
  private static final DateTimeFormatter ISO_COMPACT_OFFSET = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();

  private Records() {}

  /** Why {@code id} cannot be a document id, or null when it can. */
  static String idProblem(String id) {
    if (id.isEmpty()) {
      return "empty id";
    }
    if (id.length() > MAX_ID_CHARS) {
      return "id longer than " + MAX_ID_CHARS + " chars (" + id.length() + ")";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return "id with a control character (tab, line break or other) at char " + i;
      }
      if (Character.isHighSurrogate(c) && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "id with an unpaired surrogate at char " + i;
      }
    }
    return null;
  }

  /** The id of a JSON value: a string or an integer; null when it is neither. */
  static String idOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isIntegralNumber()) {
      return n.asText();
    }
    return null;
  }

  /** The time a JSON value names, or null when it names none that fits an {@link Instant}. */
  static Instant parseTime(JsonNode n, TimeUnit unit) {
    if (n.isNumber()) {
      BigDecimal v;
      try {
        v = n.decimalValue();
      } catch (NumberFormatException | ArithmeticException e) {
        return null; // e.g. an exponent beyond an int (found by JsonLinesFuzzTest)
      }
      return epoch(v, unit);
    }
    if (n.isTextual()) {
      return parseTime(n.textValue(), unit);
    }
    return null;
  }

  /** The time {@code s} names, or null when it names none (empty, unknown form, out of range). */
  static Instant parseTime(String s, TimeUnit unit) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    if (NUMBER.matcher(t).matches()) {
      return epoch(new BigDecimal(t), unit);
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11);
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_OFFSET_DATE_TIME,
        DateTimeFormatter.ISO_ZONED_DATE_TIME, ISO_COMPACT_OFFSET}) {
      try {
        return f == DateTimeFormatter.ISO_OFFSET_DATE_TIME ? OffsetDateTime.parse(t).toInstant()
            : ZonedDateTime.parse(t, f).toInstant();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException ignored) {
      return null;
    }
  }

  private static Instant epoch(BigDecimal v, TimeUnit unit) {
    if (v.abs().compareTo(EPOCH_BEYOND) > 0) {
      return null; // far beyond Instant's range; arithmetic on a huge exponent would be costly
    }
    boolean seconds = switch (unit) {
      case s -> true;
      case ms -> false;
      case auto -> v.abs().compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0;
    };
    BigDecimal nanos = v.movePointRight(seconds ? 9 : 6);
    BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    try {
      long sec = qr[0].longValueExact();
      long nano = qr[1].longValue();
      return Instant.ofEpochSecond(sec, nano);
    } catch (ArithmeticException | DateTimeException e) {
      return null; // beyond a long or beyond Instant's range (year one billion)
    }
  }
}
