package dev.storeops.platform.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An EventBridge schedule expression: {@code rate(5 minutes)} or the AWS six-field {@code cron(min
 * hour day-of-month month day-of-week year)} (one of the two day fields must be {@code ?}; day of
 * week 1-7 = SUN-SAT; {@code L} in day-of-month, {@code nL} and {@code n#k} in day-of-week).
 * Cron is evaluated in a time zone (ScheduleExpressionTimezone, UTC by default).
 */
public sealed interface ScheduleExpression {

  /** The first firing strictly after {@code after}, if any. */
  Optional<Instant> next(Instant after);

  static ScheduleExpression parse(String expression, ZoneId zone, Instant origin) {
    String e = expression == null ? "" : expression.trim();
    if (e.startsWith("rate(") && e.endsWith(")")) {
      return Rate.parse(e.substring(5, e.length() - 1), origin);
    }
    if (e.startsWith("cron(") && e.endsWith(")")) {
      return Cron.parse(e.substring(5, e.length() - 1), zone);
    }
    throw new IllegalArgumentException("schedule expression '" + expression
        + "' is neither rate(...) nor cron(...)");
  }

  /** {@code rate(N unit)}: every period from {@code origin} (when local mode started; a feed's last fetch). */
  record Rate(Duration period, Instant origin) implements ScheduleExpression {
    static Rate parse(String body, Instant origin) {
      String[] parts = body.trim().split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException("rate(" + body + "): expected 'rate(value unit)'");
      }
      long value;
      try {
        value = Long.parseLong(parts[0]);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("rate(" + body + "): value must be a whole number");
      }
      if (value <= 0) {
        throw new IllegalArgumentException("rate(" + body + "): value must be positive");
      }
      String unit = parts[1].toLowerCase(Locale.ROOT);
      boolean singular = unit.equals("minute") || unit.equals("hour") || unit.equals("day");
      if (singular != (value == 1)) {
        throw new IllegalArgumentException("rate(" + body + "): use '1 " + unit.replaceAll("s$", "")
            + "' for one and plural units otherwise (as EventBridge requires)");
      }
      Duration period = switch (unit.replaceAll("s$", "")) {
        case "minute" -> Duration.ofMinutes(value);
        case "hour" -> Duration.ofHours(value);
        case "day" -> Duration.ofDays(value);
        default -> throw new IllegalArgumentException("rate(" + body + "): unit must be minute(s), hour(s) or day(s)");
      };
      return new Rate(period, origin);
    }

    @Override
    public Optional<Instant> next(Instant after) {
      if (after.isBefore(origin)) {
        return Optional.of(origin.plus(period));
      }
      long periods = Duration.between(origin, after).toMillis() / period.toMillis() + 1;
      return Optional.of(origin.plus(period.multipliedBy(periods)));
    }
  }

  /** The AWS six-field cron. */
  record Cron(String text, BitSet minutes, BitSet hours, DayField days, BitSet months, WeekdayField weekdays,
      BitSet years, ZoneId zone) implements ScheduleExpression {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
        Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
        Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> WEEKDAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4,
        "THU", 5, "FRI", 6, "SAT", 7);

    static Cron parse(String body, ZoneId zone) {
      String[] f = body.trim().split("\\s+");
      if (f.length != 6) {
        throw new IllegalArgumentException("cron(" + body + "): AWS cron has 6 fields (minutes hours "
            + "day-of-month month day-of-week year), found " + f.length);
      }
      boolean domAny = f[2].equals("?");
      boolean dowAny = f[4].equals("?");
      if (domAny == dowAny) {
        throw new IllegalArgumentException("cron(" + body + "): exactly one of day-of-month and day-of-week must be '?'");
      }
      try {
        return new Cron(body, field(f[0], 0, 59, Map.of()), field(f[1], 0, 23, Map.of()),
            domAny ? null : DayField.parse(f[2]), field(f[3], 1, 12, MONTHS),
            dowAny ? null : WeekdayField.parse(f[4]), field(f[5], 1970, 2199, Map.of()), zone);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cron(" + body + "): " + e.getMessage(), e);
      }
    }

    @Override
    public Optional<Instant> next(Instant after) {
      ZonedDateTime start = after.atZone(zone);
      LocalDate date = start.toLocalDate();
      LocalDate last = LocalDate.of(Math.min(2199, years.previousSetBit(2199)), 12, 31);
      for (; !date.isAfter(last); date = date.plusDays(1)) {
        if (!years.get(date.getYear())) {
          date = LocalDate.of(date.getYear(), 12, 31);
          continue;
        }
        if (!months.get(date.getMonthValue())) {
          date = date.with(TemporalAdjusters.lastDayOfMonth());
          continue;
        }
        if (!(days == null ? weekdays.matches(date) : days.matches(date))) {
          continue;
        }
        for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
          for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
            ZonedDateTime candidate = ZonedDateTime.of(date, LocalTime.of(h, m), zone);
            if (candidate.toLocalTime().equals(LocalTime.of(h, m)) && candidate.toInstant().isAfter(after)) {
              return Optional.of(candidate.toInstant());
            }
          }
        }
      }
      return Optional.empty();
    }

    static BitSet field(String spec, int min, int max, Map<String, Integer> names) {
      BitSet set = new BitSet(max + 1);
      for (String part : spec.split(",")) {
        String range = part;
        int step = 1;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          range = part.substring(0, slash);
          step = number(part.substring(slash + 1), 1, max, Map.of());
        }
        int from;
        int to;
        if (range.equals("*")) {
          from = min;
          to = max;
        } else if (range.contains("-")) {
          String[] ends = range.split("-", 2);
          from = number(ends[0], min, max, names);
          to = number(ends[1], min, max, names);
          if (to < from) {
            throw new IllegalArgumentException("range " + range + " runs backwards");
          }
        } else {
          from = number(range, min, max, names);
          to = slash >= 0 ? max : from;
        }
        for (int v = from; v <= to; v += step) {
          set.set(v);
        }
      }
      return set;
    }

    static int number(String s, int min, int max, Map<String, Integer> names) {
      Integer named = names.get(s.toUpperCase(Locale.ROOT));
      int v;
      if (named != null) {
        v = named;
      } else {
        try {
          v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + s + "' is not a number" + (names.isEmpty() ? "" : " or a name"));
        }
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException(v + " is outside " + min + "-" + max);
      }
      return v;
    }

    /** Day of month: values, ranges, steps, or {@code L} (the last day). */
    record DayField(BitSet days, boolean lastDay) {
      static DayField parse(String spec) {
        if (spec.contains("W")) {
          throw new IllegalArgumentException("'W' (nearest weekday) is not supported");
        }
        if (spec.equals("L")) {
          return new DayField(new BitSet(), true);
        }
        return new DayField(field(spec, 1, 31, Map.of()), false);
      }

      boolean matches(LocalDate date) {
        return lastDay ? date.getDayOfMonth() == date.lengthOfMonth() : days.get(date.getDayOfMonth());
      }
    }

    /** Day of week (1 = SUN … 7 = SAT): values, ranges, {@code nL} (last n-day of the month), {@code n#k}. */
    record WeekdayField(BitSet days, List<int[]> nth, List<Integer> last) {
      static WeekdayField parse(String spec) {
        List<int[]> nth = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String part : spec.split(",")) {
          if (part.contains("#")) {
            String[] p = part.split("#", 2);
            nth.add(new int[] {number(p[0], 1, 7, WEEKDAYS), number(p[1], 1, 5, Map.of())});
          } else if (part.length() > 1 && part.endsWith("L")) {
            last.add(number(part.substring(0, part.length() - 1), 1, 7, WEEKDAYS));
          } else if (part.equals("L")) {
            last.add(7);
          } else {
            plain.add(part);
          }
        }
        BitSet days = plain.isEmpty() ? new BitSet() : field(String.join(",", plain), 1, 7, WEEKDAYS);
        return new WeekdayField(days, nth, last);
      }

      boolean matches(LocalDate date) {
        int dow = awsDay(date.getDayOfWeek());
        if (days.get(dow)) {
          return true;
        }
        for (int[] n : nth) {
          if (n[0] == dow && (date.getDayOfMonth() - 1) / 7 + 1 == n[1]) {
            return true;
          }
        }
        for (int l : last) {
          if (l == dow && date.getDayOfMonth() + 7 > date.lengthOfMonth()) {
            return true;
          }
        }
        return false;
      }

      static int awsDay(DayOfWeek d) {
        return d.getValue() % 7 + 1;
      }
    }
  }
}
