/** Computing values, deciles and ranges from the observations, slice by slice, and storing them. */
package org.cocommission.outcomes.compute;
