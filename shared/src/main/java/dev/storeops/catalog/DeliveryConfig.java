package dev.storeops.catalog;

import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery tariffs (docs/orders.md explains every field). Loaded from {@code delivery-tariffs.json}
 * next to this class.
 *
 * @param boxes the standard boxes, smallest first
 * @param volumetricDivisor cm³ per volumetric kilogram (5000 is the carriers' usual figure)
 * @param cityZones lower-case city → zone for parcel services; other cities get {@code defaultZone}
 * @param options per option id: its carrier name and tariff per zone ({@code local} for the shop's own
 *     courier and pickup)
 */
public record DeliveryConfig(List<Box> boxes, int volumetricDivisor, Map<String, String> cityZones,
    String defaultZone, Map<String, OptionTariffs> options) {

  public record Box(String id, int lengthMm, int widthMm, int heightMm, int maxWeightGrams) {
    public long volumeMm3() {
      return (long) lengthMm * widthMm * heightMm;
    }
  }

  public record Tariff(long perBoxMinor, long perKgMinor, int days) {}

  public record OptionTariffs(String carrier, Map<String, Tariff> zones) {}

  /** The shipped tariffs ({@code delivery-tariffs.json}), read once per container. */
  public static DeliveryConfig defaults() {
    return Defaults.CONFIG;
  }

  private static final class Defaults {
    static final DeliveryConfig CONFIG = read();
  }

  private static DeliveryConfig read() {
    try (InputStream in = DeliveryConfig.class.getResourceAsStream("delivery-tariffs.json")) {
      if (in == null) {
        throw new IllegalStateException("delivery-tariffs.json is missing from the classpath");
      }
      return Json.mapper().readValue(in, DeliveryConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String zoneOf(String city) {
    return cityZones.getOrDefault(city.strip().toLowerCase(Locale.ROOT), defaultZone);
  }
}
