/** The model registry: versions, aliases, tags, runs and the audit log in a relational database (H2 or PostgreSQL, Flyway), artifacts in a content-addressed store. */
package org.detecta.registry;
