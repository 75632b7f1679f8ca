package org.cocommission.outcomes.compute;

import java.util.List;

/**
 * An import recomputed the values of these indicator periods. Published synchronously inside the import's
 * transaction, so what listens (alerts) runs in it and a failure there rolls the import back.
 */
public record ValuesRecomputed(List<IndicatorPeriod> touched) {
}
