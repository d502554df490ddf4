/**
 * The {@code detecta} model: one differential over common and rare diseases. Findings in any vocabulary
 * (HPO ids, Kaggle symptom names, DDXPlus evidence codes) are translated through the reviewed mapping
 * file so every engine sees the same findings; a world gate fitted on validation data weighs the engines'
 * posteriors, shifted by the prior prevalence of rare versus common disease.
 */
package org.detecta.combined;
