/** Primary care co-commissioning: rounds, CCG applications for greater involvement, joint or delegated commissioning, their review, the board's decision and go-live. */
package org.cocommission.cocommissioning;
