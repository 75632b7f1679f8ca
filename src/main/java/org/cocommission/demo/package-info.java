/** The synthetic national demo dataset, generated deterministically in the NHS's published formats and loaded through the real importers. */
package org.cocommission.demo;
