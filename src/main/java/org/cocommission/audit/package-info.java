/** The append-only audit trail: who changed what, when, with the values before and after. */
package org.cocommission.audit;
