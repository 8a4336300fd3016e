package cn.gov.liuyang.bizenv.complaint.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many working days each step may take. Configuration, since places differ (Hubei: 3 to accept
 * or refuse, 15 to handle).
 *
 * @param accept from filing to accepting or refusing (受理)
 * @param handle from accepting to closing (办结)
 * @param revisit from closing to the follow-up call (回访)
 */
public record TimeLimits(int accept, int handle, int revisit) {
  public static final TimeLimits DEFAULT = new TimeLimits(3, 15, 5);

  public TimeLimits {
    if (accept < 1 || handle < 1 || revisit < 1) {
      throw new IllegalArgumentException("time limits must be at least one working day");
    }
  }

  /** The working days {@code limit} allows. */
  public int of(TimeLimit limit) {
    return switch (limit) {
      case ACCEPT -> accept;
      case HANDLE -> handle;
      case REVISIT -> revisit;
    };
  }

  /**
   * Reads {@code accept=3,handle=15,revisit=5}; missing entries keep their default, anything
   * malformed gives empty.
   */
  public static Optional<TimeLimits> parse(String text) {
    Map<String, Integer> values = new HashMap<>();
    values.put("accept", DEFAULT.accept);
    values.put("handle", DEFAULT.handle);
    values.put("revisit", DEFAULT.revisit);
    try {
      for (String entry : text.split(",")) {
        String[] pair = entry.strip().split("=");
        if (pair.length != 2 || !values.containsKey(pair[0].strip())) {
          return Optional.empty();
        }
        values.put(pair[0].strip(), Integer.parseInt(pair[1].strip()));
      }
      return Optional.of(
          new TimeLimits(values.get("accept"), values.get("handle"), values.get("revisit")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
