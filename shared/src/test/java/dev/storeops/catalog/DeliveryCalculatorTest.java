package dev.storeops.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryCalculatorTest {
  private final DeliveryCalculator calc = new DeliveryCalculator(DeliveryConfig.defaults());
  private final List<Warehouse> warehouses = List.of(new Warehouse("msk-1", "Тверская", "Москва"),
      new Warehouse("spb-1", "Невский", "Санкт-Петербург"));

  private static Product product(String sku, int grams, int l, int w, int h) {
    return new Product(sku, sku, 10000, "RUB", grams, l, w, h, null, null, null, null);
  }

  @Test
  void aCityWithAShopWarehouseGetsPickupAndCourier() {
    var options = calc.options("москва ", warehouses, List.of(new DeliveryCalculator.Item(product("A", 500, 100, 100, 100), 2)));
    assertEquals(List.of("PICKUP", "COURIER"), options.stream().map(DeliveryOption::id).toList());
    assertEquals("msk-1", options.get(0).warehouse());
    assertEquals(0, options.get(0).costMinor());
    // one S box, 1 kg actual vs 9000 cm³ / 5000 = 1.8 kg volumetric → 2 kg: 250.00 + 2 × 20.00
    assertEquals(29000, options.get(1).costMinor());
    assertEquals("290,00 ₽", options.get(1).costText());
  }

  @Test
  void otherCitiesGetParcelServicesByZone() {
    var options = calc.options("Новосибирск", warehouses, List.of(new DeliveryCalculator.Item(product("A", 2500, 200, 100, 100), 1)));
    assertEquals(List.of("PARCEL_CDEK", "PARCEL_POST"), options.stream().map(DeliveryOption::id).toList());
    assertEquals("3", options.get(0).zone());
    // S box 9000 cm³ → 1.8 kg volumetric < 2.5 kg actual → 3 kg: 550.00 + 3 × 90.00
    assertEquals(82000, options.get(0).costMinor());
    assertEquals("2", calc.options("Урюпинск", warehouses, List.of(new DeliveryCalculator.Item(product("A", 100, 10, 10, 10), 1)))
        .get(0).zone());
  }

  @Test
  void packsIntoStandardBoxesAndSplitsByWeight() {
    // 4 units of 2 kg, small: S holds 5 kg → 2 boxes of 2 units
    var parcels = calc.pack(List.of(new DeliveryCalculator.Item(product("A", 2000, 100, 100, 100), 4)));
    assertEquals(2, parcels.size());
    assertEquals(List.of("S", "S"), parcels.stream().map(DeliveryCalculator.Parcel::box).toList());
    // a long item needs the L box; an item bigger than every box ships on its own
    var big = calc.pack(List.of(new DeliveryCalculator.Item(product("B", 1000, 550, 100, 100), 1),
        new DeliveryCalculator.Item(product("C", 1000, 1500, 100, 100), 1)));
    assertEquals(List.of("L", "OVERSIZE"), big.stream().map(DeliveryCalculator.Parcel::box).toList());
  }

  @Test
  void volumetricWeightCountsWhenTheParcelIsLight() {
    // M box 30 000 cm³ → 6 kg volumetric for 1 kg of pillows
    var parcels = calc.pack(List.of(new DeliveryCalculator.Item(product("P", 1000, 390, 290, 240), 1)));
    assertEquals("M", parcels.get(0).box());
    assertEquals(6000, calc.chargeableGrams(parcels));
  }
}
