/** Governance and conflicts of interest: registers of interests and gifts, committees, meetings, recusal and quoracy. */
package org.cocommission.governance;
