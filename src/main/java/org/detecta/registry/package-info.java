/**
 * The model registry and run tracking: versions with lineage (data fingerprint, code version, run), aliases such
 * as {@code @champion}, tags, model cards, training runs with their gate rounds and logs, an audit log of every
 * change, a content-addressed artifact store, and backup/restore. Metadata lives in H2 or PostgreSQL (JDBC +
 * Flyway); nothing here knows picocli or HTTP.
 */
package org.detecta.registry;
