/** The picocli command line: one class per command, one error policy, documented exit codes. */
package org.detecta.cli;
