package dev.storeops.catalog;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery options and their costs. A city with a shop warehouse gets pickup (free, per warehouse)
 * and the shop's courier; any other city gets the parcel services. Cost = boxes × per-box tariff +
 * ⌈chargeable kg⌉ × per-kg tariff of the zone, where the lines are packed into the standard boxes
 * (first-fit decreasing) and each box weighs max(actual, volume / divisor). Plain Java.
 */
public final class DeliveryCalculator {
  public static final List<String> OPTION_IDS = List.of("PICKUP", "COURIER", "PARCEL_CDEK", "PARCEL_POST");
  static final String LOCAL = "local";

  private final DeliveryConfig config;

  public DeliveryCalculator(DeliveryConfig config) {
    this.config = config;
  }

  /** One product × quantity to ship. */
  public record Item(Product product, int qty) {}

  /** A packed parcel: its outer size (a standard box or an oversize item) and the weight inside. */
  public record Parcel(String box, long volumeMm3, long weightGrams) {}

  public List<DeliveryOption> options(String city, List<Warehouse> warehouses, List<Item> items) {
    List<Parcel> parcels = pack(items);
    long chargeable = chargeableGrams(parcels);
    String normalized = city.strip().toLowerCase(Locale.ROOT);
    List<Warehouse> local = warehouses.stream()
        .filter(w -> w.city() != null && w.city().strip().toLowerCase(Locale.ROOT).equals(normalized))
        .sorted(Comparator.comparing(Warehouse::id)).toList();
    List<DeliveryOption> options = new ArrayList<>();
    if (!local.isEmpty()) {
      for (Warehouse w : local) {
        options.add(option("PICKUP", DeliveryMethod.PICKUP, LOCAL, w.id(), parcels, chargeable));
      }
      options.add(option("COURIER", DeliveryMethod.COURIER, LOCAL, null, parcels, chargeable));
    } else {
      String zone = config.zoneOf(city);
      options.add(option("PARCEL_CDEK", DeliveryMethod.PARCEL, zone, null, parcels, chargeable));
      options.add(option("PARCEL_POST", DeliveryMethod.PARCEL, zone, null, parcels, chargeable));
    }
    return options;
  }

  private DeliveryOption option(String id, DeliveryMethod method, String zone, String warehouse,
      List<Parcel> parcels, long chargeableGrams) {
    DeliveryConfig.OptionTariffs tariffs = config.options().get(id);
    if (tariffs == null || tariffs.zones().get(zone) == null) {
      throw new IllegalStateException("delivery tariffs have no " + id + " for zone " + zone);
    }
    DeliveryConfig.Tariff t = tariffs.zones().get(zone);
    long kg = (chargeableGrams + 999) / 1000;
    long cost = parcels.size() * t.perBoxMinor() + kg * t.perKgMinor();
    return new DeliveryOption(id, method, tariffs.carrier(), zone, warehouse, cost, Money.rub(cost), t.days(),
        parcels.size(), chargeableGrams);
  }

  long chargeableGrams(List<Parcel> parcels) {
    long grams = 0;
    for (Parcel p : parcels) {
      long volumetric = (long) Math.ceil(p.volumeMm3() / 1000.0 / config.volumetricDivisor() * 1000.0);
      grams += Math.max(p.weightGrams(), volumetric);
    }
    return grams;
  }

  /**
   * Packs the units into standard boxes, biggest unit first, each into the first open box with room
   * (volume and weight) whose inner size fits the unit; else into a new box, the smallest that fits.
   * A unit larger than every box ships as its own parcel. Finally each box is shrunk to the smallest
   * standard box that holds its content.
   */
  public List<Parcel> pack(List<Item> items) {
    List<Product> units = new ArrayList<>();
    for (Item item : items) {
      for (int i = 0; i < item.qty(); i++) {
        units.add(item.product());
      }
    }
    units.sort(Comparator.comparingLong(DeliveryCalculator::volume).reversed());
    List<OpenBox> open = new ArrayList<>();
    List<Parcel> oversize = new ArrayList<>();
    for (Product unit : units) {
      OpenBox target = null;
      for (OpenBox box : open) {
        if (box.accepts(unit)) {
          target = box;
          break;
        }
      }
      if (target == null) {
        DeliveryConfig.Box box = smallestFitting(unit, volume(unit), unit.weightGrams(), dims(unit));
        if (box == null) {
          oversize.add(new Parcel("OVERSIZE", volume(unit), unit.weightGrams()));
          continue;
        }
        target = new OpenBox(box);
        open.add(target);
      }
      target.add(unit);
    }
    List<Parcel> parcels = new ArrayList<>();
    for (OpenBox box : open) {
      DeliveryConfig.Box best = smallestFitting(null, box.volume, box.weight, box.maxDims);
      DeliveryConfig.Box use = best == null ? box.box : best;
      parcels.add(new Parcel(use.id(), use.volumeMm3(), box.weight));
    }
    parcels.addAll(oversize);
    return parcels;
  }

  private DeliveryConfig.Box smallestFitting(Product unit, long volume, long weight, int[] dims) {
    for (DeliveryConfig.Box box : config.boxes()) {
      if (volume <= box.volumeMm3() && weight <= box.maxWeightGrams() && fits(dims, box)) {
        return box;
      }
    }
    return null;
  }

  private static boolean fits(int[] sortedDims, DeliveryConfig.Box box) {
    int[] b = {box.lengthMm(), box.widthMm(), box.heightMm()};
    Arrays.sort(b);
    return sortedDims[0] <= b[0] && sortedDims[1] <= b[1] && sortedDims[2] <= b[2];
  }

  private static int[] dims(Product p) {
    int[] d = {Math.max(1, p.lengthMm()), Math.max(1, p.widthMm()), Math.max(1, p.heightMm())};
    Arrays.sort(d);
    return d;
  }

  private static long volume(Product p) {
    return (long) Math.max(1, p.lengthMm()) * Math.max(1, p.widthMm()) * Math.max(1, p.heightMm());
  }

  private static final class OpenBox {
    final DeliveryConfig.Box box;
    long volume;
    long weight;
    int[] maxDims = {0, 0, 0};

    OpenBox(DeliveryConfig.Box box) {
      this.box = box;
    }

    boolean accepts(Product unit) {
      return volume + volume(unit) <= box.volumeMm3() && weight + unit.weightGrams() <= box.maxWeightGrams()
          && fits(dims(unit), box);
    }

    void add(Product unit) {
      volume += volume(unit);
      weight += unit.weightGrams();
      int[] d = dims(unit);
      for (int i = 0; i < 3; i++) {
        maxDims[i] = Math.max(maxDims[i], d[i]);
      }
    }
  }

  public DeliveryConfig config() {
    return config;
  }

  /** Options keyed by id (pickup keyed by {@code PICKUP@warehouse}). */
  public static Map<String, DeliveryOption> byKey(List<DeliveryOption> options) {
    Map<String, DeliveryOption> map = new java.util.LinkedHashMap<>();
    for (DeliveryOption o : options) {
      map.put(o.warehouse() == null ? o.id() : o.id() + "@" + o.warehouse(), o);
    }
    return map;
  }
}
