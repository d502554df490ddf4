/** Training and evaluation plumbing shared by all model families: the ModelFamily contract, trained-model records, data fingerprints and the catalog of families. */
package org.detecta.pipeline;
