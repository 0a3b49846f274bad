package dev.storeops.fulfilment.providers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of IP ranges ({@code 185.71.76.0/27}, {@code 77.75.156.11}, {@code 2a02:5180::/32}) and whether an
 * address is in one of them. Only literal addresses are accepted (no name is ever resolved).
 */
public final class IpRanges {
  /** The addresses YooKassa sends its HTTP notifications from, as its documentation publishes them. */
  public static final String YOOKASSA_PUBLISHED = "185.71.76.0/27,185.71.77.0/27,77.75.153.0/25,77.75.156.11,"
      + "77.75.156.35,77.75.154.128/25,2a02:5180::/32";

  private record Range(byte[] network, int prefix) {}

  private final List<Range> ranges;

  private IpRanges(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /** Comma-separated ranges; a malformed one fails the cold start. */
  public static IpRanges parse(String list) {
    List<Range> ranges = new ArrayList<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] cidr = p.split("/", 2);
      byte[] address = literal(cidr[0]);
      if (address == null) {
        throw new IllegalStateException("not an IP address or range: " + p);
      }
      int prefix = cidr.length == 2 ? Integer.parseInt(cidr[1].trim()) : address.length * 8;
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalStateException("bad prefix length in " + p);
      }
      ranges.add(new Range(address, prefix));
    }
    return new IpRanges(ranges);
  }

  public boolean contains(String address) {
    byte[] a = address == null ? null : literal(address.trim());
    if (a == null) {
      return false;
    }
    for (Range r : ranges) {
      if (r.network.length == a.length && samePrefix(r.network, a, r.prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePrefix(byte[] network, byte[] address, int prefix) {
    int bits = network.length * 8;
    BigInteger mask = prefix == 0 ? BigInteger.ZERO
        : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
    return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
  }

  /** The bytes of a literal IPv4/IPv6 address, or null (host names are not resolved). */
  private static byte[] literal(String s) {
    if (s.isEmpty() || !(s.matches("[0-9.]+") || s.matches("[0-9A-Fa-f:.]+") && s.contains(":"))) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
