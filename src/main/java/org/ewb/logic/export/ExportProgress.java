package org.ewb.logic.export;

import java.util.concurrent.CancellationException;

/**
 * Progress of an export, for a progress bar with a cancel button. Writers call {@link #rows} as
 * they go and stop with a {@link CancellationException} once {@link #isCancelled} is true.
 */
public interface ExportProgress {

  ExportProgress NONE =
      new ExportProgress() {
        @Override
        public void rows(long done, long total) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /** {@code done} of {@code total} body rows have been written. */
  void rows(long done, long total);

  boolean isCancelled();

  /** Throws {@link CancellationException} if the export was cancelled. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancellationException("export cancelled");
    }
  }
}
