package org.detecta.batch;

import java.io.IOException;
import org.detecta.cases.PatientCase;

/** Patients of one input, one at a time (bounded memory); rows it had to skip are counted, not thrown. */
public interface PatientReader extends AutoCloseable {
  /** The next patient, or null at the end. */
  PatientCase next() throws IOException;

  /** How many input rows were skipped as unreadable so far. */
  long skipped();

  @Override
  void close() throws IOException;
}
