package dev.storeops.stockimport.core;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The per-SKU figures of one file in primitive arrays: an open-addressing table of SKU → entry
 * index, the SKUs and names as characters in pages of one {@code char[]} each, and one {@code long[]}
 * (or {@code int[]}) per figure. A file of 1,000,000 SKUs is a few dozen arrays instead of millions of
 * small objects (a map entry, a {@link FileLine}, a boxed price, two strings per SKU), so the garbage
 * collector has almost nothing to copy or trace while a large file is read.
 *
 * <p>Entries keep file order (the order of each SKU's first row). {@link #lines(int)} and {@link #prices()}
 * are read-only {@link Map} views that build a {@link FileLine} / {@link PriceLine} when one is asked for.
 * Not thread-safe; filled by one parser, then only read.
 */
public final class SkuTable {
  /** "Not set" in the {@code long} columns (prices, which are never negative). */
  static final long NONE = Long.MIN_VALUE;
  /** "Not set" in the expiry column (epoch days). */
  static final int NO_DATE = Integer.MIN_VALUE;
  private static final int PAGE_BITS = 20;
  private static final int PAGE_CHARS = 1 << PAGE_BITS;
  /** The longest text kept per cell: the length is stored in the character before the text. */
  static final int MAX_TEXT = Character.MAX_VALUE;

  private final int warehouses;
  private int size;
  /**
   * Per bucket the first entry (index + 1, 0 = none); the entries of a bucket are chained through
   * {@link #next}. The length is a power of two, at least the number of entries.
   */
  private int[] buckets;
  /** Per entry the next entry of its bucket (index + 1, 0 = last). */
  private int[] next;
  private int[] hashes;
  /** Where each SKU's text starts in {@link #pages} (page << 20 | offset). */
  private int[] skuAt;
  /** Where each name's text starts, or -1. */
  private int[] nameAt;
  /** {@code warehouses} quantities per entry. */
  private long[] quantities;
  private long[] price;
  private int[] expiry;
  private long[] firstRow;
  // supplier prices (purchase, retail, minimum retail): the first row that had one of them, per SKU
  private long[] purchase;
  private long[] retail;
  private long[] minRetail;
  private long[] priceRow;
  /** Entries with supplier prices, in the order their prices were first seen. */
  private int[] priceOrder = new int[0];
  private int priceCount;

  private char[][] pages = new char[1][];
  private int page;
  private int used;

  public SkuTable(int warehouses) {
    this(warehouses, 1024);
  }

  SkuTable(int warehouses, int capacity) {
    if (warehouses < 1) {
      throw new IllegalArgumentException("at least one warehouse");
    }
    this.warehouses = warehouses;
    int entries = Math.max(4, capacity);
    buckets = new int[Integer.highestOneBit(entries - 1) << 1];
    next = new int[entries];
    hashes = new int[entries];
    skuAt = new int[entries];
    nameAt = new int[entries];
    quantities = new long[entries * warehouses];
    price = new long[entries];
    expiry = new int[entries];
    firstRow = new long[entries];
    pages[0] = new char[Math.min(PAGE_CHARS, Math.max(256, entries * 16))];
  }

  public int size() {
    return size;
  }

  public int warehouses() {
    return warehouses;
  }

  /** The entry of this SKU, or -1. */
  public int indexOf(String sku) {
    int h = sku.hashCode();
    for (int e = buckets[bucket(h, buckets.length)]; e != 0; e = next[e - 1]) {
      if (hashes[e - 1] == h && textEquals(skuAt[e - 1], sku)) {
        return e - 1;
      }
    }
    return -1;
  }

  /**
   * Adds a SKU first seen at {@code row} (quantities 0, no name, price or expiry): its new entry index, or
   * {@code -(index + 1)} when the SKU is already in the table (nothing changed).
   */
  public int add(String sku, long row) {
    if (sku.length() > MAX_TEXT) {
      throw new IllegalArgumentException("SKU too long");
    }
    int h = sku.hashCode();
    int b = bucket(h, buckets.length);
    for (int e = buckets[b]; e != 0; e = next[e - 1]) {
      if (hashes[e - 1] == h && textEquals(skuAt[e - 1], sku)) {
        return -e;
      }
    }
    return insert(h, b, store(sku), row);
  }

  /**
   * {@link #add(String, long)} of the SKU written in {@code chars[offset, offset + length)}; its String is never
   * made (the characters are copied once, into the table).
   */
  public int add(char[] chars, int offset, int length, long row) {
    if (length > MAX_TEXT) {
      throw new IllegalArgumentException("SKU too long");
    }
    int h = 0;
    for (int k = 0; k < length; k++) {
      h = 31 * h + chars[offset + k]; // String.hashCode, so both kinds of key find the same entry
    }
    int b = bucket(h, buckets.length);
    for (int e = buckets[b]; e != 0; e = next[e - 1]) {
      if (hashes[e - 1] == h && textEquals(skuAt[e - 1], chars, offset, length)) {
        return -e;
      }
    }
    return insert(h, b, store(chars, offset, length), row);
  }

  private int insert(int h, int b, int skuText, long row) {
    int i = size;
    if (i == hashes.length) {
      grow();
    }
    hashes[i] = h;
    skuAt[i] = skuText;
    nameAt[i] = -1;
    price[i] = NONE;
    expiry[i] = NO_DATE;
    firstRow[i] = row;
    size++;
    if (size > buckets.length) {
      rehash(buckets.length * 2);
    } else {
      next[i] = buckets[b];
      buckets[b] = i + 1;
    }
    return i;
  }

  public void setQuantity(int index, int warehouse, long quantity) {
    quantities[index * warehouses + warehouse] = quantity;
  }

  /** Adds to a quantity (a SKU listed again), capped at {@link QuantityParser#MAX_QUANTITY}. */
  public void addQuantity(int index, int warehouse, long more) {
    int at = index * warehouses + warehouse;
    quantities[at] = Math.min(quantities[at] + more, QuantityParser.MAX_QUANTITY);
  }

  public long quantity(int index, int warehouse) {
    return quantities[index * warehouses + warehouse];
  }

  /** Name (or {@code null}), price in kopecks (or {@link #NONE}), expiry (or {@code null}) of a new entry. */
  public void setDetails(int index, String name, long priceMinor, LocalDate expiresAt) {
    if (name != null) {
      nameAt[index] = store(name.length() > MAX_TEXT ? name.substring(0, MAX_TEXT) : name);
    }
    price[index] = priceMinor;
    expiry[index] = expiresAt == null ? NO_DATE : Math.toIntExact(expiresAt.toEpochDay());
  }

  /** {@link #setDetails(int, String, long, LocalDate)} with the name written in {@code chars[offset, offset + length)}. */
  public void setDetails(int index, char[] chars, int offset, int length, long priceMinor, LocalDate expiresAt) {
    nameAt[index] = store(chars, offset, Math.min(length, MAX_TEXT));
    price[index] = priceMinor;
    expiry[index] = expiresAt == null ? NO_DATE : Math.toIntExact(expiresAt.toEpochDay());
  }

  public long firstRow(int index) {
    return firstRow[index];
  }

  /**
   * The supplier prices of a SKU's row ({@link #NONE} where blank, unreadable or not mapped): kept when
   * the row has at least one and the SKU has none yet (the first row with a price wins).
   */
  public void offerPrices(int index, long purchaseMinor, long retailMinor, long minRetailMinor, long row) {
    if (purchaseMinor == NONE && retailMinor == NONE && minRetailMinor == NONE) {
      return;
    }
    if (purchase == null) {
      purchase = new long[hashes.length];
      retail = new long[hashes.length];
      minRetail = new long[hashes.length];
      priceRow = new long[hashes.length];
      priceOrder = new int[Math.max(16, hashes.length / 4)];
    }
    if (priceRow[index] != 0) {
      return;
    }
    purchase[index] = purchaseMinor;
    retail[index] = retailMinor;
    minRetail[index] = minRetailMinor;
    priceRow[index] = row;
    if (priceCount == priceOrder.length) {
      priceOrder = Arrays.copyOf(priceOrder, priceOrder.length * 2);
    }
    priceOrder[priceCount++] = index;
  }

  public String sku(int index) {
    return text(skuAt[index]);
  }

  /** The line of one entry in one warehouse (built on demand). */
  public FileLine line(int index, int warehouse) {
    int name = nameAt[index];
    return new FileLine(sku(index), quantities[index * warehouses + warehouse], name < 0 ? null : text(name),
        price[index] == NONE ? null : price[index],
        expiry[index] == NO_DATE ? null : LocalDate.ofEpochDay(expiry[index]).toString(), firstRow[index]);
  }

  /** A read-only view of one warehouse's lines, in file order. */
  public Map<String, FileLine> lines(int warehouse) {
    if (warehouse < 0 || warehouse >= warehouses) {
      throw new IndexOutOfBoundsException(warehouse);
    }
    return new View<>(size) {
      @Override
      FileLine value(int index) {
        return line(index, warehouse);
      }

      @Override
      boolean has(int index) {
        return true;
      }

      @Override
      int entry(int position) {
        return position;
      }
    };
  }

  /** A read-only view of the supplier prices, in the order they were first seen. */
  public Map<String, PriceLine> prices() {
    int[] order = priceOrder;
    return new View<>(priceCount) {
      @Override
      PriceLine value(int index) {
        return !has(index) ? null : new PriceLine(sku(index), boxed(purchase[index]),
            boxed(retail[index]), boxed(minRetail[index]), priceRow[index]);
      }

      @Override
      boolean has(int index) {
        return priceRow != null && priceRow[index] != 0;
      }

      @Override
      int entry(int position) {
        return order[position];
      }
    };
  }

  private static Long boxed(long value) {
    return value == NONE ? null : value;
  }

  /** A map over entries of the table; {@code value} is {@code null} for an entry not in this view. */
  private abstract class View<V> extends AbstractMap<String, V> {
    private final int count;

    View(int count) {
      this.count = count;
    }

    abstract V value(int index);

    abstract boolean has(int index);

    abstract int entry(int position);

    @Override
    public int size() {
      return count;
    }

    @Override
    public V get(Object key) {
      int i = key instanceof String s ? indexOf(s) : -1;
      return i < 0 || !has(i) ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
      int i = key instanceof String s ? indexOf(s) : -1;
      return i >= 0 && has(i);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return count;
        }

        @Override
        public Iterator<Entry<String, V>> iterator() {
          return new Iterator<>() {
            private int position;

            @Override
            public boolean hasNext() {
              return position < count;
            }

            @Override
            public Entry<String, V> next() {
              if (position >= count) {
                throw new NoSuchElementException();
              }
              int i = entry(position++);
              return new SimpleImmutableEntry<>(sku(i), value(i));
            }
          };
        }
      };
    }
  }

  /**
   * The bucket of a hash, as {@link java.util.HashMap} spreads it: SKUs that follow each other in a file
   * (SKU-0000001, SKU-0000002, …) have hashes that differ in their low bits and land in nearby buckets, so
   * reading a sorted list touches the table almost in order; collisions are chained, never probed.
   */
  private static int bucket(int h, int length) {
    return (h ^ (h >>> 16)) & (length - 1);
  }

  private void grow() {
    int n = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, n);
    next = Arrays.copyOf(next, n);
    skuAt = Arrays.copyOf(skuAt, n);
    nameAt = Arrays.copyOf(nameAt, n);
    quantities = Arrays.copyOf(quantities, n * warehouses);
    price = Arrays.copyOf(price, n);
    expiry = Arrays.copyOf(expiry, n);
    firstRow = Arrays.copyOf(firstRow, n);
    if (purchase != null) {
      purchase = Arrays.copyOf(purchase, n);
      retail = Arrays.copyOf(retail, n);
      minRetail = Arrays.copyOf(minRetail, n);
      priceRow = Arrays.copyOf(priceRow, n);
    }
  }

  /** New buckets; each bucket's chain keeps file order (a SKU listed earlier is found first). */
  private void rehash(int length) {
    int[] heads = new int[length];
    int[] tails = new int[length];
    for (int i = 0; i < size; i++) {
      int b = bucket(hashes[i], length);
      next[i] = 0;
      if (heads[b] == 0) {
        heads[b] = i + 1;
      } else {
        next[tails[b] - 1] = i + 1;
      }
      tails[b] = i + 1;
    }
    buckets = heads;
  }

  /** Copies the text into the pages, after one character holding its length; returns where it starts. */
  private int store(String text) {
    int n = text.length();
    int at = reserve(n);
    text.getChars(0, n, pages[page], used - n);
    return at;
  }

  private int store(char[] chars, int offset, int n) {
    int at = reserve(n);
    System.arraycopy(chars, offset, pages[page], used - n, n);
    return at;
  }

  /** Room for a length character and {@code n} characters (written by the caller at {@code used - n}). */
  private int reserve(int n) {
    char[] p = pages[page];
    if (used + n + 1 > p.length) {
      if (p.length < PAGE_CHARS && used + n + 1 <= PAGE_CHARS) {
        pages[page] = p = Arrays.copyOf(p, Math.min(PAGE_CHARS, Math.max(p.length * 2, used + n + 1)));
      } else {
        page++;
        if (page == pages.length) {
          pages = Arrays.copyOf(pages, pages.length * 2);
        }
        pages[page] = p = new char[PAGE_CHARS];
        used = 0;
      }
    }
    int at = (page << PAGE_BITS) | used;
    p[used] = (char) n;
    used += n + 1;
    return at;
  }

  private String text(int at) {
    char[] p = pages[at >>> PAGE_BITS];
    int offset = at & (PAGE_CHARS - 1);
    return new String(p, offset + 1, p[offset]);
  }

  private boolean textEquals(int at, char[] chars, int from, int length) {
    char[] p = pages[at >>> PAGE_BITS];
    int offset = at & (PAGE_CHARS - 1);
    return p[offset] == length && Arrays.equals(p, offset + 1, offset + 1 + length, chars, from, from + length);
  }

  private boolean textEquals(int at, String s) {
    char[] p = pages[at >>> PAGE_BITS];
    int offset = at & (PAGE_CHARS - 1);
    int n = p[offset];
    if (n != s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (p[offset + 1 + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
