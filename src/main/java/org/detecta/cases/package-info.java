/** Readers that turn source files (phenopackets, cases TSV and, later, DDXPlus and Kaggle tables) into PatientCase records, reporting every malformed entry as an Issue with its location. */
package org.detecta.cases;
