/** The statistical methods of outcomes: confidence intervals, funnel limits, percentiles and tests of trend. */
package org.cocommission.outcomes.statistics;
