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
 * @param payload the facts this kind of step records, e.g. the department of a transfer
 */
public record Step(
    StepAction action,
    Instant at,
    String actorId,
    String actorName,
    ComplaintStatus statusAfter,
    Optional<String> publicNote,
    Optional<String> internalNote,
    StepPayload payload) {

  public static final String COMPLAINANT = "complainant";

  public Step {
    if (payload.action() != action) {
      throw new IllegalArgumentException(
          "a " + action + " step cannot record the facts of a " + payload.action());
    }
  }

  /** The step's facts as text, keyed as stored and shown to staff (see {@link StepPayload}). */
  public Map<String, String> details() {
    return payload.asText();
  }

  /** The same step recording {@code other} facts of the same kind. */
  public Step with(StepPayload other) {
    return new Step(action, at, actorId, actorName, statusAfter, publicNote, internalNote, other);
  }
}
