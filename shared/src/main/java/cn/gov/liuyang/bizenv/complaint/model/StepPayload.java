package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The facts one kind of step records, one record per {@link StepAction}. They are kept and shown to
 * staff as flat text ({@link #asText}, {@link #fromText}), in the shape steps have always been
 * stored in, so that steps written by earlier versions read back the same.
 */
public sealed interface StepPayload {

  /** The kind of step these facts belong to. */
  StepAction action();

  /**
   * The facts as text, keyed as stored and shown to staff; absent facts have no key. None by
   * default: a step whose facts are the complaint itself or the step's notes.
   */
  default Map<String, String> asText() {
    return Map.of();
  }

  /**
   * The facts of a step of kind {@code action} from their text. Lenient as the counts always were:
   * a missing or malformed number is 0, a missing flag false, an absent optional fact empty.
   */
  static StepPayload fromText(StepAction action, Map<String, String> text) {
    return switch (action) {
      case FILE -> new Filing();
      case ACCEPT -> new Acceptance();
      case REFUSE -> new Refusal(RefusalReason.valueOf(text.get(Refusal.REASON)));
      case TRANSFER -> new Transfer(text.getOrDefault(Transfer.DEPARTMENT, ""));
      case FOLLOW_UP -> new FollowUp();
      case MEETING -> new Meeting(text.getOrDefault(Meeting.PARTICIPANTS, ""));
      case CLOSE -> Closing.fromText(text);
      case REVISIT ->
          new Revisit(
              Boolean.parseBoolean(text.get(SATISFIED_WITH_RESULT)),
              Boolean.parseBoolean(text.get(SATISFIED_WITH_SERVICE)));
      case FEEDBACK ->
          new Rating(
              Boolean.parseBoolean(text.get(SATISFIED_WITH_RESULT)),
              Boolean.parseBoolean(text.get(SATISFIED_WITH_SERVICE)));
      case ATTACH ->
          new Attaching(
              text.getOrDefault(Attaching.ATTACHMENT_ID, ""),
              text.getOrDefault(Attaching.CONTENT_TYPE, ""));
    };
  }

  String SATISFIED_WITH_RESULT = "satisfiedWithResult";
  String SATISFIED_WITH_SERVICE = "satisfiedWithService";

  /** 提交: the complainant's filing; its facts are the complaint itself. */
  record Filing() implements StepPayload {
    public StepAction action() {
      return StepAction.FILE;
    }
  }

  /** 受理. */
  record Acceptance() implements StepPayload {
    public StepAction action() {
      return StepAction.ACCEPT;
    }
  }

  /** 不予受理 on a statutory ground. */
  record Refusal(RefusalReason reason) implements StepPayload {
    static final String REASON = "reason";

    public StepAction action() {
      return StepAction.REFUSE;
    }

    public Map<String, String> asText() {
      return Map.of(REASON, reason.name());
    }
  }

  /** 转办 to {@code department}. */
  record Transfer(String department) implements StepPayload {
    static final String DEPARTMENT = "department";

    public StepAction action() {
      return StepAction.TRANSFER;
    }

    public Map<String, String> asText() {
      return Map.of(DEPARTMENT, department);
    }
  }

  /** 督办; what was pressed for is the step's internal note. */
  record FollowUp() implements StepPayload {
    public StepAction action() {
      return StepAction.FOLLOW_UP;
    }
  }

  /** 多方联动会议 with {@code participants}; its summary is the step's internal note. */
  record Meeting(String participants) implements StepPayload {
    static final String PARTICIPANTS = "participants";

    public StepAction action() {
      return StepAction.MEETING;
    }

    public Map<String, String> asText() {
      return Map.of(PARTICIPANTS, participants);
    }
  }

  /**
   * 办结, as judged when it was recorded.
   *
   * @param difficultiesResolved how many of the enterprise's difficulties it solved
   * @param onTime closed within the handling limit, as far as it could be known then (an unknown
   *     deadline counts as met)
   * @param workingDays working days from filing to closing; empty when a calendar was missing
   * @param deadlineUnknown the handling deadline was unknown then: what it takes to judge the
   *     closing again once the calendar exists
   * @param closedOnUnknownDate the closing day was never recorded (a ledger row with a result but
   *     no 办结时间): on time as recorded, left out of the average time to close
   */
  record Closing(
      int difficultiesResolved,
      boolean onTime,
      OptionalInt workingDays,
      Optional<UnknownDeadline> deadlineUnknown,
      boolean closedOnUnknownDate)
      implements StepPayload {
    static final String DIFFICULTIES_RESOLVED = "difficultiesResolved";
    static final String ON_TIME = "onTime";
    static final String WORKING_DAYS = "workingDays";
    static final String DEADLINE_UNKNOWN = "deadlineUnknown";
    static final String DEADLINE_COUNTED_FROM = "deadlineCountedFrom";
    static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    static final String CLOSED_ON_UNKNOWN_DATE = "closedOnUnknownDate";

    /** A closing on a day nobody recorded: on time, no day count. */
    public static Closing onUnknownDate(int difficultiesResolved) {
      return new Closing(difficultiesResolved, true, OptionalInt.empty(), Optional.empty(), true);
    }

    public StepAction action() {
      return StepAction.CLOSE;
    }

    public Map<String, String> asText() {
      Map<String, String> text = new LinkedHashMap<>();
      text.put(DIFFICULTIES_RESOLVED, Integer.toString(difficultiesResolved));
      text.put(ON_TIME, Boolean.toString(onTime));
      deadlineUnknown.ifPresent(
          unknown -> {
            text.put(DEADLINE_UNKNOWN, unknown.reason());
            unknown.countedFrom().ifPresent(day -> text.put(DEADLINE_COUNTED_FROM, day.toString()));
            unknown
                .workingDays()
                .ifPresent(days -> text.put(DEADLINE_WORKING_DAYS, Integer.toString(days)));
          });
      workingDays.ifPresent(days -> text.put(WORKING_DAYS, Integer.toString(days)));
      if (closedOnUnknownDate) {
        text.put(CLOSED_ON_UNKNOWN_DATE, "true");
      }
      return text;
    }

    static Closing fromText(Map<String, String> text) {
      Optional<UnknownDeadline> unknown =
          Optional.ofNullable(text.get(DEADLINE_UNKNOWN))
              .map(
                  reason ->
                      new UnknownDeadline(
                          reason,
                          Optional.ofNullable(text.get(DEADLINE_COUNTED_FROM))
                              .map(LocalDate::parse),
                          text.containsKey(DEADLINE_WORKING_DAYS)
                              ? OptionalInt.of(number(text, DEADLINE_WORKING_DAYS))
                              : OptionalInt.empty()));
      return new Closing(
          number(text, DIFFICULTIES_RESOLVED),
          Boolean.parseBoolean(text.get(ON_TIME)),
          text.containsKey(WORKING_DAYS)
              ? OptionalInt.of(number(text, WORKING_DAYS))
              : OptionalInt.empty(),
          unknown,
          text.containsKey(CLOSED_ON_UNKNOWN_DATE));
    }

    private static int number(Map<String, String> text, String key) {
      try {
        return Integer.parseInt(text.getOrDefault(key, "0"));
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  /**
   * The handling deadline a closing ran under when its calendar was missing.
   *
   * @param reason why it was unknown ({@link DeadlineUnknown#CALENDAR_MISSING})
   * @param countedFrom the day the limit was counted from; empty on closings recorded before it was
   *     kept, which are judged from the last acceptance before them
   * @param workingDays the limit's length then; empty on closings recorded before it was kept,
   *     which take the configured limit
   */
  record UnknownDeadline(String reason, Optional<LocalDate> countedFrom, OptionalInt workingDays) {}

  /** What the complainant thinks of the result and the service, rated or asked on the phone. */
  sealed interface Satisfaction extends StepPayload {
    boolean satisfiedWithResult();

    boolean satisfiedWithService();

    @Override
    default Map<String, String> asText() {
      return Map.of(
          SATISFIED_WITH_RESULT, Boolean.toString(satisfiedWithResult()),
          SATISFIED_WITH_SERVICE, Boolean.toString(satisfiedWithService()));
    }
  }

  /** 回访: what the complainant said on the follow-up call. */
  record Revisit(boolean satisfiedWithResult, boolean satisfiedWithService)
      implements Satisfaction {
    public StepAction action() {
      return StepAction.REVISIT;
    }
  }

  /** 评价: the complainant's own rating. */
  record Rating(boolean satisfiedWithResult, boolean satisfiedWithService) implements Satisfaction {
    public StepAction action() {
      return StepAction.FEEDBACK;
    }
  }

  /** 补充材料: a file the complainant added. */
  record Attaching(String attachmentId, String contentType) implements StepPayload {
    static final String ATTACHMENT_ID = "attachmentId";
    static final String CONTENT_TYPE = "contentType";

    public StepAction action() {
      return StepAction.ATTACH;
    }

    public Map<String, String> asText() {
      return Map.of(ATTACHMENT_ID, attachmentId, CONTENT_TYPE, contentType);
    }
  }
}
