package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a complaint's history: who did what, when. History is append-only.
 *
 * @param action what was done
 * @param at when
 * @param actorId the officer's subject id, or {@code complainant}
 * @param actorName the officer's display name (not shown to the public)
 * @param statusAfter the status the complaint had after this step
 * @param publicNote what the complainant may read, e.g. the refusal reason or the result
 * @param internalNote what only officers see
 * @param details structured facts of the step, e.g. {@code department}
 */
public record Step(
    StepAction action,
    Instant at,
    String actorId,
    String actorName,
    ComplaintStatus statusAfter,
    Optional<String> publicNote,
    Optional<String> internalNote,
    Map<String, String> details) {

  public static final String COMPLAINANT = "complainant";

  public Step {
    details = Map.copyOf(details);
  }
}
