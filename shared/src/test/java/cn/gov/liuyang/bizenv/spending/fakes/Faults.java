package cn.gov.liuyang.bizenv.spending.fakes;

import java.util.function.Supplier;

/**
 * One injected fault, armed for a named step of the import: before the step takes effect, or after
 * it took effect (its answer is lost). It fires once, so the redelivery that follows runs clean.
 */
public final class Faults {
  /** Whether the step took effect before the fault. */
  public enum When {
    BEFORE,
    AFTER
  }

  /**
   * How the delivery ends: with an exception the function catches (throttling, a timeout of one
   * call), or dead on the spot (Lambda's timeout, the process killed), so nothing after it runs.
   */
  public enum How {
    FAILS,
    DIES
  }

  /** The exception a failing step throws. */
  public static final class InjectedFailure extends RuntimeException {
    InjectedFailure(String step) {
      super("injected failure at " + step);
    }
  }

  /** What ends a delivery that dies: an Error, which no use case catches. */
  public static final class InjectedDeath extends Error {
    InjectedDeath(String step) {
      super("injected death at " + step);
    }
  }

  private String step;
  private When when;
  private How how;
  private boolean repeat;

  /** Arms one fault at {@code step}. */
  public synchronized void arm(String step, When when, How how) {
    this.step = step;
    this.when = when;
    this.how = how;
    this.repeat = false;
  }

  /** Arms a fault at {@code step} that fires every time, until disarmed. */
  public synchronized void armEveryTime(String step, When when, How how) {
    arm(step, when, how);
    this.repeat = true;
  }

  public synchronized void disarm() {
    step = null;
  }

  /** Runs one step of the import through the armed fault, if it is armed for that step. */
  public <T> T at(String name, Supplier<T> call) {
    fireIf(name, When.BEFORE);
    T answer = call.get();
    fireIf(name, When.AFTER);
    return answer;
  }

  public void at(String name, Runnable call) {
    at(
        name,
        () -> {
          call.run();
          return null;
        });
  }

  private synchronized void fireIf(String name, When now) {
    if (!name.equals(step) || when != now) {
      return;
    }
    How firing = how;
    if (!repeat) {
      step = null;
    }
    if (firing == How.FAILS) {
      throw new InjectedFailure(name);
    }
    throw new InjectedDeath(name);
  }
}
