package org.cocommission.workforce;

import java.math.BigDecimal;
import java.util.List;

/**
 * An organisation's workforce measure against its peers (the outcomes module's 10 most similar), nearest first.
 *
 * @param organisation the organisation's own row; null when it has no figures in the month
 * @param peers the peers that have figures in the month, nearest first
 * @param peersChosen how many peers the outcomes module chose (0 while no peer groups are computed)
 * @param peersValue the peers' numerators over their denominators, as any aggregate; null without figures
 */
public record PeerComparison(String orgCode, MeasureRow organisation, List<MeasureRow> peers, int peersChosen,
		BigDecimal peersValue) {
}
