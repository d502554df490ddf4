package org.detecta.cli;

/** Process exit codes, as documented in the README. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The run failed: I/O, data or storage. */
  public static final int FAILED = 1;
  /** Usage error or invalid input. */
  public static final int INVALID_INPUT = 2;
  /** The release gate was not met: nothing was released. */
  public static final int GATE_NOT_MET = 3;

  private ExitCodes() {
  }
}
