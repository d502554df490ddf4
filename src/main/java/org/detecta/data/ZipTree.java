package org.detecta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks an archive into a directory of the data folder without ever exposing a half-unpacked tree: it is
 * extracted beside the target, then swapped in by renames (old tree moved aside, new one moved in, old deleted).
 * Entries that would land outside the target ("zip slip") are refused.
 */
final class ZipTree {
  private ZipTree() {
  }

  /** Replaces {@code target} by the archive's contents; returns the number of files unpacked. */
  static int replace(Path zipFile, Path target) throws IOException {
    Path fresh = target.resolveSibling(target.getFileName() + ".unpacking");
    Path old = target.resolveSibling(target.getFileName() + ".old");
    deleteTree(fresh);
    deleteTree(old);
    Files.createDirectories(fresh);
    int count = 0;
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path out = fresh.resolve(entry.getName()).normalize();
        if (!out.startsWith(fresh)) {
          throw new IOException(zipFile.getFileName() + " has an entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
          continue;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        count++;
      }
    } catch (IOException e) {
      deleteTree(fresh);
      throw e;
    }
    if (Files.exists(target)) {
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
    return count;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
