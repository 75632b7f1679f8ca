/** Quality premium: yearly schemes as data, CCG local measures, computed awards with their explanation, and statements. */
package org.cocommission.qualitypremium;
