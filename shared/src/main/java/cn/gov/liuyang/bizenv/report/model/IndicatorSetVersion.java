package cn.gov.liuyang.bizenv.report.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a year's indicator set, as staff keep it: the set, who saved it and when, and how
 * it came to be. A shipped set (the release's initial content) has no author.
 *
 * @param number the version's number within the year, {@code set.version()} is {@code
 *     <year>-<number>}
 * @param copiedFrom for a copy, the version of the earlier year's set it was copied from
 */
public record IndicatorSetVersion(
    IndicatorSet set,
    int number,
    Origin origin,
    Optional<Instant> savedAt,
    Optional<Author> savedBy,
    Optional<String> copiedFrom) {

  /** Where a version comes from. */
  public enum Origin {
    /** The release's file, read while staff have stored no version of the year. */
    SHIPPED,
    /** Saved by staff. */
    SAVED,
    /** Copied by staff from an earlier year's set. */
    COPIED
  }

  public IndicatorSetVersion {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(savedAt, "savedAt");
    Objects.requireNonNull(savedBy, "savedBy");
    Objects.requireNonNull(copiedFrom, "copiedFrom");
    if (!set.version().equals(IndicatorSet.version(set.year(), number))) {
      throw new IllegalArgumentException(
          "version " + set.version() + " is not number " + number + " of " + set.year());
    }
    if ((origin == Origin.SHIPPED) != savedBy.isEmpty() || savedAt.isEmpty() != savedBy.isEmpty()) {
      throw new IllegalArgumentException("a stored version has an author and a time, none other");
    }
    if ((origin == Origin.COPIED) != copiedFrom.isPresent()) {
      throw new IllegalArgumentException("only a copy names the set it was copied from");
    }
  }

  /** The release's set of a year, whose version must read {@code <year>-<n>}. */
  public static IndicatorSetVersion shipped(IndicatorSet set) {
    int number =
        IndicatorSet.versionNumber(set.year(), set.version())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "shipped set of " + set.year() + " has version " + set.version()));
    return new IndicatorSetVersion(
        set, number, Origin.SHIPPED, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A version staff saved. */
  public static IndicatorSetVersion saved(
      IndicatorSet set, int number, Instant savedAt, Author savedBy) {
    return new IndicatorSetVersion(
        set, number, Origin.SAVED, Optional.of(savedAt), Optional.of(savedBy), Optional.empty());
  }

  /** A version staff copied from {@code from}, an earlier year's set. */
  public static IndicatorSetVersion copied(
      IndicatorSet set, int number, Instant savedAt, Author savedBy, String from) {
    return new IndicatorSetVersion(
        set, number, Origin.COPIED, Optional.of(savedAt), Optional.of(savedBy), Optional.of(from));
  }
}
