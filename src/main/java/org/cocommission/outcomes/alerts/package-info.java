/**
 * Alerts on outcomes: after every recompute, the organisations whose value got significantly worse or moved into the
 * worst decile, kept until acknowledged or withdrawn, and the daily digest of new ones. A nested module: only the
 * rest of outcomes uses it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes alerts")
package org.cocommission.outcomes.alerts;
