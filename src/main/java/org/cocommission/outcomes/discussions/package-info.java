/**
 * Peer discussions on outcomes: threads on one organisation's indicator, their comments, mentions, audience and chart
 * snapshots. A nested module: other modules reach it through {@link org.cocommission.outcomes.DiscussionThreads}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes discussions")
package org.cocommission.outcomes.discussions;
