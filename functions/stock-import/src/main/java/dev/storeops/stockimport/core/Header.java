package dev.storeops.stockimport.core;

/**
 * Where the header was found and which column holds which field ({@code -1} = not mapped).
 *
 * @param rowNumber the (first) header row's 1-based number in the file
 * @param rows 1, or 2 for a two-row header under merged cells
 * @param position 0-based index of the first header row among the rows examined
 * @param warehouses the column of each {@code warehouseColumns} warehouse, in profile order
 */
public record Header(long rowNumber, int rows, int position, int sku, int quantity, int name, int price,
    int expiresAt, int purchasePrice, int retailPrice, int minRetailPrice, int[] warehouses) {
  public Header(long rowNumber, int rows, int position, int sku, int quantity, int name, int price,
      int expiresAt) {
    this(rowNumber, rows, position, sku, quantity, name, price, expiresAt, -1, -1, -1, new int[0]);
  }
}
