/** What outcomes shows: the read cache, the indicator, CCG and practice pages, their charts, tables and JSON API. */
package org.cocommission.outcomes.read;
