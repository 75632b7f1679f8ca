/** Peer groups: the most similar CCGs and practices on their list size, age structure, deprivation and rurality. */
package org.cocommission.outcomes.peers;
