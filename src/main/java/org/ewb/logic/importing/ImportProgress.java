package org.ewb.logic.importing;

/** Progress of a long import, and the reviewer's Cancel. Called on the importing thread. */
public interface ImportProgress {

  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void update(long done, long total) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  void update(long done, long total);

  /** True once the reviewer asked to stop; the import then rolls back and adds nothing. */
  boolean cancelled();
}
