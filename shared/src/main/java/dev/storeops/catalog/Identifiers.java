package dev.storeops.catalog;

import java.util.regex.Pattern;

/**
 * The shape of the shop's identifiers: a SKU is 1-64 letters, digits, '.', '_' or '-' starting with a
 * letter or digit; an id (customer, manager, warehouse, cart) is 1-64 letters, digits, '-' or '_'.
 */
public final class Identifiers {
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private Identifiers() {}

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static boolean validSku(String sku) {
    return sku != null && SKU.matcher(sku).matches();
  }
}
