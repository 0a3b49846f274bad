package dev.storeops.stockimport.core;

import java.util.List;
import java.util.Map;

/** Test helper: a typical profile. */
final class Profiles {
  private Profiles() {}

  static SupplierProfile.Columns columns() {
    return new SupplierProfile.Columns(List.of("Артикул", "Код товара", "SKU"), List.of("Остаток", "Кол-во", "Qty"),
        List.of("Наименование", "Товар"), List.of("Цена", "Цена, руб"), List.of("Годен до", "Срок годности"));
  }

  static SupplierProfile profile(String missing, Double maxZeroShare) {
    return new SupplierProfile("acme", "msk-1", null, null, null, null, columns(),
        Map.of("много", 50L, "нет", 0L), missing, maxZeroShare).validated();
  }

  static SupplierProfile profile() {
    return profile(null, null);
  }
}
