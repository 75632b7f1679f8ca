package org.cocommission.commissioningsupport;

import java.math.BigDecimal;

import org.cocommission.platform.Money;

/**
 * A provider's share of what CCGs buy: of one service, or of all services when {@code serviceCode} is null.
 *
 * @param ccgs the CCGs buying from the provider
 * @param sharePercent its share of the value bought, in per cent (one decimal); null when no value is recorded
 */
public record MarketShare(String serviceCode, SupportProvider provider, int ccgs, Money value, BigDecimal sharePercent) {
}
