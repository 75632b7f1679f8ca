/** The national organisation directory: NHS England, regions, area teams, CCGs, CSUs and GP practices, their dated relationships and registered lists. */
package org.cocommission.directory;
