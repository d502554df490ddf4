/** The knowledge base: the HPO ontology as dense int indices (TermIndex), annotated diseases (DiseaseProfile), information content and release fingerprints, loaded once with phenol. */
package org.detecta.kb;
