/**
 * The rare-disease ranking engine: phenotype scorers (semantic similarity, likelihood ratio over KB and
 * case-learned profiles), their fusion into one calibrated posterior, training with publication-grouped
 * splits, and the {@code rare-phenotype} model family. No CLI, JDBC or HTTP code lives here.
 */
package org.detecta.rank;
