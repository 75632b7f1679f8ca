package org.cocommission.commissioningsupport;

/** A provider of commissioning support: a commissioning support unit (its ODS code) or another provider entered. */
public record SupportProvider(String code, String name, boolean csu) {
}
