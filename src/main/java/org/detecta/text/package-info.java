/**
 * Clinical notes to findings: recognises HPO terms in Spanish or English free text (ontology labels and
 * synonyms, official Spanish labels, a reviewed wording file, abbreviations defined in the text), assigns
 * each finding a status (present, absent, uncertain, family) with NegEx/ConText-style trigger rules, and
 * evaluates extraction on GSC+-format corpora. No HTTP, CLI or database code here.
 */
package org.detecta.text;
