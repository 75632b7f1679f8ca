package org.cocommission.commissioningsupport;

/** A service of the catalogue, such as business intelligence. */
public record SupportService(String code, String name) {
}
