/** Resolution of the data and home directories from flags, environment and defaults. */
package org.detecta.config;
