/**
 * Outcomes and peer benchmarking: indicator definitions, imported observations, computed values with confidence
 * intervals, deciles and CCG peer groups. This package is what other modules use; {@code imports},
 * {@code statistics}, {@code compute}, {@code read} and {@code peers} are its internals, and {@code alerts} and
 * {@code discussions} are nested modules.
 */
package org.cocommission.outcomes;
