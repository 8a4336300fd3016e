package cn.gov.liuyang.bizenv.audit.fakes;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail in memory, for tests; {@link #failing()} gives one that cannot write, as when the
 * table is unreachable.
 */
public final class InMemoryPersonalDataReads implements PersonalDataReads {
  private final List<PersonalDataRead> reads = new ArrayList<>();
  private boolean failing;

  /** From now on, every write fails. */
  public InMemoryPersonalDataReads failing() {
    failing = true;
    return this;
  }

  /** Every read recorded, oldest first. */
  public synchronized List<PersonalDataRead> all() {
    return List.copyOf(reads);
  }

  @Override
  public synchronized void record(PersonalDataRead read) {
    if (failing) {
      throw new IllegalStateException("audit table unreachable");
    }
    reads.add(read);
  }

  @Override
  public synchronized Page ofCase(String caseNumber, int limit, Optional<String> cursor) {
    List<PersonalDataRead> ofCase =
        reads.stream()
            .filter(r -> r.caseNumber().equals(caseNumber))
            .sorted(Comparator.comparing(PersonalDataRead::at).reversed())
            .toList();
    int from = cursor.map(Integer::parseInt).orElse(0);
    int to = Math.min(ofCase.size(), from + limit);
    return new Page(
        ofCase.subList(from, to),
        to < ofCase.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
  }
}
