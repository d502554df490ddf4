/**
 * The data directory's contents as files: where each public source is downloaded from ({@link
 * org.detecta.data.DataCatalog}), a resumable, atomic, checksummed download ({@link org.detecta.data.HttpDownloader}),
 * the {@code MANIFEST.json} that records what was fetched ({@link org.detecta.data.Manifest}), and the
 * file-level checks of {@code data validate} ({@link org.detecta.data.DataValidator}). Knows no CLI framework.
 */
package org.detecta.data;
