package dev.storeops.platform.config;

import java.time.ZoneId;

/**
 * Shop-wide settings most functions share (template.yaml sets both in Globals), read from {@link Env}
 * here only, with their defaults.
 *
 * @param zone the shop's time zone for dates, reports and mail schedules ({@code SHOP_TIME_ZONE},
 *     default Europe/Moscow)
 * @param defaultLocale the locale of a customer without one ({@code DEFAULT_LOCALE}, default ru)
 */
public record ShopSettings(ZoneId zone, String defaultLocale) {
  public static final String DEFAULT_ZONE = "Europe/Moscow";
  public static final String DEFAULT_LOCALE = "ru";

  public static ShopSettings from(Env env) {
    return new ShopSettings(ZoneId.of(env.optional("SHOP_TIME_ZONE", DEFAULT_ZONE)),
        env.optional("DEFAULT_LOCALE", DEFAULT_LOCALE));
  }
}
