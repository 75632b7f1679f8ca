package org.cocommission.outcomes.compute;

import java.util.List;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * An import recomputed the values of these indicator periods. Published synchronously inside the import's
 * transaction, so what listens (alerts) runs in it and a failure there rolls the import back.
 */
@DomainEvent
public record ValuesRecomputed(List<IndicatorPeriod> touched) {
}
