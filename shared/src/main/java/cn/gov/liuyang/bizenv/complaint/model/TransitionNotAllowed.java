package cn.gov.liuyang.bizenv.complaint.model;

/** The complaint's current state does not allow this step. */
public class TransitionNotAllowed extends RuntimeException {
  private final transient Complaint current;
  private final StepAction attempted;

  public TransitionNotAllowed(Complaint current, StepAction attempted) {
    super(attempted + " is not allowed in " + current.status());
    this.current = current;
    this.attempted = attempted;
  }

  public Complaint current() {
    return current;
  }

  public StepAction attempted() {
    return attempted;
  }
}
