package dev.storeops.platform.batch;

/**
 * Where one item of the due-work index sits: its kind, its table key ({@code pk}, {@code sk}) and the
 * due sort key it was read at ({@code dueSk}). {@link PoisonItems} records failures against it.
 */
public record DueItem(String kind, String pk, String sk, String dueSk) {
  /** The id the due sort key names ({@code <instant>#<id>}). */
  public String id() {
    return dueSk == null ? null : dueSk.substring(dueSk.indexOf('#') + 1);
  }
}
