package org.cocommission.cocommissioning;

/**
 * A primary care function from the reference list: delegable to a CCG, or reserved to NHS England. Source: NHS
 * England, Next steps towards primary care co-commissioning (2014); REFERENCE.md section 3. Held as data.
 */
public record DelegableFunction(String code, String name, boolean delegable) {
}
