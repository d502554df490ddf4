package org.detecta.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** A lazy map over an iterator that drops the elements mapped to null (one partition at a time, no buffering). */
final class MappedIterator<A, B> implements Iterator<B> {
  private final Iterator<A> source;
  private final Function<A, B> map;
  private B next;

  MappedIterator(Iterator<A> source, Function<A, B> map) {
    this.source = source;
    this.map = map;
  }

  @Override
  public boolean hasNext() {
    while (next == null && source.hasNext()) {
      next = map.apply(source.next());
    }
    return next != null;
  }

  @Override
  public B next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    B value = next;
    next = null;
    return value;
  }
}
