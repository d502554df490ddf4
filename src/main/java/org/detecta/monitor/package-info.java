/**
 * Production monitoring: the consented prediction log and feedback, input and output drift against the
 * training reference (PSI, chi-square), live accuracy, and the HTML report.
 */
package org.detecta.monitor;
