package dev.storeops.staff;

/** A manager (staff member): whether on shift now, and how many open orders they hold. */
public record Manager(String id, String name, String email, boolean onShift, long openOrders) {}
