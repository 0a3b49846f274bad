package dev.storeops.platform.dynamo;

/**
 * The single table's key scheme (docs/data-model.md is the full list of items and access patterns).
 * Attribute names: {@code pk}/{@code sk}; GSI1 {@code gsi1pk}/{@code gsi1sk}; GSI2 {@code
 * gsi2pk}/{@code gsi2sk}; the sparse due-work index {@code duePk}/{@code dueSk}; TTL {@code ttl}.
 */
public final class TableKeys {
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1PK = "gsi1pk";
  public static final String GSI1SK = "gsi1sk";
  public static final String GSI2PK = "gsi2pk";
  public static final String GSI2SK = "gsi2sk";
  public static final String DUE_PK = "duePk";
  public static final String DUE_SK = "dueSk";
  public static final String TTL = "ttl";
  public static final String GSI1 = "GSI1";
  public static final String GSI2 = "GSI2";
  public static final String DUE_INDEX = "DueIndex";

  private TableKeys() {}

  public static String customer(String id) {
    return "CUSTOMER#" + id;
  }

  public static String email(String emailKey) {
    return "EMAIL#" + emailKey;
  }
}
