package io.github.syndic.feed;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The times and durations a feed names. A time is ISO-8601 (with or without a zone or offset;
 * without one it is UTC; a date alone is its midnight UTC; a space may stand for the {@code T};
 * an offset may omit its colon), RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}), or a number of
 * seconds or milliseconds since 1970 ({@link EpochUnit}). A duration (the window) is {@code 30s},
 * {@code 15m}, {@code 72h}, {@code 7d}, ISO-8601 ({@code PT12H}), or {@code none}.
 *
 * <pre>{@code
 * Instant t = FeedTimes.parse("Tue, 14 Nov 2023 22:13:20 GMT", FeedTimes.EpochUnit.AUTO);
 * Duration w = FeedTimes.parseDuration("7d");
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class FeedTimes {
  /**
   * Epoch numbers below this are seconds, others milliseconds ({@link EpochUnit#AUTO}): 10^11
   * seconds is the year 5138, 10^11 milliseconds is March 1973, so no date a news feed holds is
   * ambiguous.
   */
  public static final double SECONDS_BELOW = 1e11;

  /** How epoch numbers are read. */
  public enum EpochUnit {
    /** Seconds below {@link #SECONDS_BELOW} in magnitude, milliseconds above. */
    AUTO,
    /** Seconds since 1970. */
    SECONDS,
    /** Milliseconds since 1970. */
    MILLISECONDS
  }

  /** Larger epoch numbers are no time: Instant ends at about 3.2 x 10^16 seconds. */
  private static final BigDecimal EPOCH_BEYOND = new BigDecimal("1e20");

  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,40}(\\.[0-9]{1,40})?");

  /** ISO date-time with an offset without a colon ({@code +0200}), which ISO_OFFSET_DATE_TIME refuses. */
  private static final DateTimeFormatter ISO_COMPACT_OFFSET = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHmm", "Z").toFormatter();

  private FeedTimes() {}

  /**
   * The time {@code s} names, or null when it names none (null, blank, unknown form, out of
   * {@link Instant}'s range).
   */
  public static Instant parse(String s, EpochUnit unit) {
    Objects.requireNonNull(unit, "unit");
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
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_ZONED_DATE_TIME,
        ISO_COMPACT_OFFSET}) {
      try {
        return ZonedDateTime.parse(t, f).toInstant();
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

  /**
   * The time an epoch number names (a JSON number, a string of digits), or null when it is beyond
   * {@link Instant}'s range.
   */
  public static Instant epoch(BigDecimal v, EpochUnit unit) {
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(unit, "unit");
    if (v.abs().compareTo(EPOCH_BEYOND) > 0) {
      return null; // far beyond Instant's range; arithmetic on a huge exponent would be costly
    }
    boolean seconds = switch (unit) {
      case SECONDS -> true;
      case MILLISECONDS -> false;
      case AUTO -> v.abs().compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0;
    };
    BigDecimal nanos = v.movePointRight(seconds ? 9 : 6);
    BigDecimal[] qr = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
    try {
      return Instant.ofEpochSecond(qr[0].longValueExact(), qr[1].longValue());
    } catch (ArithmeticException | DateTimeException e) {
      return null; // beyond a long or beyond Instant's range (year one billion)
    }
  }

  /**
   * A duration: {@code 30s}, {@code 15m}, {@code 72h}, {@code 7d} (case ignored), ISO-8601
   * ({@code PT12H}, {@code P2D}), or {@code none} (null).
   *
   * @throws IllegalArgumentException naming {@code s} when it is none of these
   */
  public static Duration parseDuration(String s) {
    String t = Objects.requireNonNull(s, "duration").trim().toLowerCase(Locale.ROOT);
    if (t.equals("none")) {
      return null;
    }
    try {
      if (t.startsWith("p") || t.startsWith("-p") || t.startsWith("+p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("d")) {
        return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("h")) {
        return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      if (t.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      }
      throw new IllegalArgumentException(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + s + "' is not a duration (72h, 7d, PT12H or none)");
    }
  }
}
