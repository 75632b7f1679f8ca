package org.cocommission.cocommissioning;

/**
 * A primary care function from the reference list: delegable to a CCG, or reserved to NHS England. Source: NHS
 * England, Next steps towards primary care co-commissioning (2014); docs/domain-rules.md#co-commissioning. Held as
 * data.
 */
public record DelegableFunction(String code, String name, boolean delegable) {
}
