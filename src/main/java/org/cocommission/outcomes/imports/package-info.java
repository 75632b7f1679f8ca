/** Reading, checking and storing observation files (long CSV, QOF prevalence, deprivation), and the import log. */
package org.cocommission.outcomes.imports;
