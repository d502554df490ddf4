/**
 * Supervised common-disease learning: feature encoding per source, model families from Tribuo and Smile,
 * optional projections, temperature calibration, metrics, and the loaded {@link org.detecta.diagnosis.DiagnosticModel}.
 * No CLI, HTTP or database code here.
 */
package org.detecta.learn;
