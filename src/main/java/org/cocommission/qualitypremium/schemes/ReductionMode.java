package org.cocommission.qualitypremium.schemes;

/**
 * How several missed NHS Constitution standards combine. ADDITIVE (the default): each miss takes its share of the
 * earned award, the shares added (two 25% misses take 50%). COMPOUND: each miss takes its share of what is left
 * (two 25% misses take 43.75%). Never below zero either way.
 */
public enum ReductionMode {
	ADDITIVE, COMPOUND
}
