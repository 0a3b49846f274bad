package dev.storeops.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The staff roles: one Cognito user-pool group each ({@code template.yaml}: {@code StaffOwnerGroup},
 * …). A person may be in several groups; a group name the shop does not know grants nothing.
 */
public enum StaffRole {
  /** The shop's owner: everything, and the only one who reassigns orders, sets prices and shifts. */
  OWNER,
  /** Takes orders by phone and mail, calls customers, cancels — only their own orders and tasks. */
  MANAGER,
  /** Ships and delivers, keeps stock and warehouses. */
  WAREHOUSE,
  /** Prepares campaigns; a second person (or the owner) schedules them. */
  MARKETING;

  /** The user-pool group name ({@code owner}, {@code manager}, …). */
  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The roles of a set of group names; unknown names are ignored. */
  public static Set<StaffRole> of(Collection<String> groups) {
    Set<StaffRole> out = EnumSet.noneOf(StaffRole.class);
    for (StaffRole r : values()) {
      if (groups.contains(r.group())) {
        out.add(r);
      }
    }
    return out;
  }
}
