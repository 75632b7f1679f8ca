/** Outcomes and peer benchmarking: indicator definitions, imported observations, computed values with confidence intervals, deciles and CCG peer groups. */
package org.cocommission.outcomes;
