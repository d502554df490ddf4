/** The vocabulary every engine speaks: a Query of findings in, a ranked Differential of Candidates with Evidence out, behind the DiagnosticModel interface. */
package org.detecta.diagnosis;
