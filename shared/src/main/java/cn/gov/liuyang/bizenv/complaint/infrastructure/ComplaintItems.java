package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.CreditCode;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.Feedback;
import cn.gov.liuyang.bizenv.complaint.model.LedgerOrigin;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.Step;
import cn.gov.liuyang.bizenv.complaint.model.StepAction;
import cn.gov.liuyang.bizenv.complaint.model.StepPayload;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimit;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The complaint item of the complaints table and its keys.
 *
 * <pre>
 * pk = COMPLAINT#K7MQ4XT9H   sk = COMPLAINT
 * gsi1pk = FILED#2026        gsi1sk = 2026-11-28T05:40:48.000Z#K7MQ4XT9H   (staff lists, statistics)
 * source = LEDGER, ledgerImportId, ledgerUnit, ledgerSheet, ledgerRow, ledgerNumber   (imported only)
 * open311Token = 3q2-7wEKR9mL0ZbX4cT1Aw                                          (filed through Open311 only)
 * </pre>
 */
final class ComplaintItems {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String GSI1 = "gsi1";
  static final String GSI1_PK = "gsi1pk";
  static final String GSI1_SK = "gsi1sk";
  static final String COMPLAINT_SK = "COMPLAINT";

  /** {@code LEDGER} on imported cases; absent on cases filed through the API. */
  static final String SOURCE = "source";

  static final String LEDGER_SOURCE = "LEDGER";
  static final String LEDGER_IMPORT_ID = "ledgerImportId";
  static final String LEDGER_UNIT = "ledgerUnit";

  /** Open311's non-secret token, on cases filed through Open311 only. */
  static final String OPEN311_TOKEN = "open311Token";

  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private ComplaintItems() {}

  static Map<String, AttributeValue> key(TrackingNumber number) {
    return Map.of(
        PK, s("COMPLAINT#" + number.value()),
        SK, s(COMPLAINT_SK));
  }

  /**
   * Fixed-width UTC time, so that string order is time order (Instant.toString varies in width).
   */
  static String sortable(Instant at) {
    return SORTABLE.format(at);
  }

  static String yearPartition(int year) {
    return "FILED#" + year;
  }

  static Map<String, AttributeValue> toItem(Complaint c) {
    Map<String, AttributeValue> item = new HashMap<>(key(c.trackingNumber()));
    item.put(GSI1_PK, s(yearPartition(c.filedOn().getYear())));
    item.put(GSI1_SK, s(sortable(c.filedAt()) + "#" + c.trackingNumber().value()));
    item.put("trackingNumber", s(c.trackingNumber().value()));
    item.put("kind", s(c.kind().name()));
    item.put("subject", s(c.subject()));
    item.put("description", s(c.description()));
    c.enterprise().name().ifPresent(v -> item.put("enterpriseName", s(v)));
    c.enterprise().creditCode().ifPresent(v -> item.put("creditCode", s(v.value())));
    c.contact()
        .ifPresent(
            contact -> {
              item.put("contactName", s(contact.name().value()));
              item.put("contactPhone", s(contact.phone().value()));
            });
    item.put("accessTokenHash", s(c.accessTokenHash().hex()));
    c.idempotencyKeyHash().ifPresent(v -> item.put("idempotencyKeyHash", s(v)));
    c.open311Token().ifPresent(v -> item.put(OPEN311_TOKEN, s(v.value())));
    item.put("filedAt", s(c.filedAt().toString()));
    item.putAll(mutableState(c));
    item.put(
        "history", AttributeValue.fromL(c.history().stream().map(ComplaintItems::step).toList()));
    c.origin()
        .ifPresent(
            origin -> {
              item.put(SOURCE, s(LEDGER_SOURCE));
              item.put(LEDGER_IMPORT_ID, s(origin.importId()));
              item.put(LEDGER_UNIT, s(origin.unit().value()));
              item.put("ledgerSheet", s(origin.sheet()));
              item.put("ledgerRow", n(origin.row()));
              origin.registrationNumber().ifPresent(number -> item.put("ledgerNumber", s(number)));
            });
    return item;
  }

  /** The attributes a workflow step may change (all but history, which is only appended to). */
  static Map<String, AttributeValue> mutableState(Complaint c) {
    Map<String, AttributeValue> state = new LinkedHashMap<>();
    state.put("status", s(c.status().name()));
    state.put("version", n(c.version()));
    state.put("updatedAt", s(c.updatedAt().toString()));
    c.department().ifPresent(v -> state.put("department", s(v)));
    c.dueBy().ifPresent(v -> state.put("dueBy", s(v.toString())));
    c.deadlineUnknown()
        .ifPresent(
            v -> {
              state.put("deadlineUnknownYear", n(v.missingCalendarYear()));
              state.put("deadlineLimit", s(v.limit().name()));
              state.put("deadlineCountedFrom", s(v.countedFrom().toString()));
              v.workingDays().ifPresent(days -> state.put("deadlineWorkingDays", n(days)));
            });
    c.feedback().ifPresent(f -> state.put("feedback", feedback(f)));
    state.put(
        "attachments",
        AttributeValue.fromL(c.attachments().stream().map(ComplaintItems::attachment).toList()));
    return state;
  }

  /** A step as stored: its facts as the text map {@code details} (see {@link StepPayload}). */
  static AttributeValue step(Step step) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("action", s(step.action().name()));
    m.put("at", s(step.at().toString()));
    m.put("actorId", s(step.actorId()));
    m.put("actorName", s(step.actorName()));
    m.put("statusAfter", s(step.statusAfter().name()));
    step.publicNote().ifPresent(v -> m.put("publicNote", s(v)));
    step.internalNote().ifPresent(v -> m.put("internalNote", s(v)));
    Map<String, AttributeValue> details = new HashMap<>();
    step.details().forEach((k, v) -> details.put(k, s(v)));
    m.put("details", AttributeValue.fromM(details));
    return AttributeValue.fromM(m);
  }

  private static AttributeValue attachment(Attachment a) {
    return AttributeValue.fromM(
        Map.of(
            "id", s(a.id()),
            "contentType", s(a.contentType()),
            "size", n(a.size()),
            "at", s(a.at().toString())));
  }

  private static AttributeValue feedback(Feedback f) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("satisfiedWithResult", AttributeValue.fromBool(f.satisfiedWithResult()));
    m.put("satisfiedWithService", AttributeValue.fromBool(f.satisfiedWithService()));
    f.comment().ifPresent(v -> m.put("comment", s(v)));
    m.put("at", s(f.at().toString()));
    return AttributeValue.fromM(m);
  }

  /**
   * The complaint as stored: a deadline stored as unknown stays so; the use cases count it again
   * ({@link Complaint#withDeadlineResolved}).
   */
  static Complaint fromItem(Map<String, AttributeValue> item) {
    Optional<Contact> contact =
        text(item, "contactName")
            .map(
                name ->
                    new Contact(
                        new PersonName(name), new MobileNumber(item.get("contactPhone").s())));
    ComplaintStatus status = ComplaintStatus.valueOf(item.get("status").s());
    List<Step> history = item.get("history").l().stream().map(v -> stepOf(v.m())).toList();
    return new Complaint(
        new TrackingNumber(item.get("trackingNumber").s()),
        ComplaintKind.valueOf(item.get("kind").s()),
        item.get("subject").s(),
        item.get("description").s(),
        new Enterprise(text(item, "enterpriseName"), text(item, "creditCode").map(CreditCode::new)),
        contact,
        new AccessToken.Hash(item.get("accessTokenHash").s()),
        text(item, "idempotencyKeyHash"),
        Instant.parse(item.get("filedAt").s()),
        status,
        Long.parseLong(item.get("version").n()),
        text(item, "department"),
        text(item, "dueBy").map(LocalDate::parse),
        deadlineUnknown(item, status, history),
        Optional.ofNullable(item.get("feedback")).map(f -> feedbackOf(f.m())),
        history,
        Optional.ofNullable(item.get("attachments"))
            .map(AttributeValue::l)
            .orElse(List.of())
            .stream()
            .map(
                v ->
                    new Attachment(
                        v.m().get("id").s(),
                        new TrackingNumber(item.get("trackingNumber").s()),
                        v.m().get("contentType").s(),
                        Long.parseLong(v.m().get("size").n()),
                        Instant.parse(v.m().get("at").s())))
            .toList(),
        text(item, LEDGER_IMPORT_ID)
            .map(
                importId ->
                    new LedgerOrigin(
                        importId,
                        new UnitId(item.get(LEDGER_UNIT).s()),
                        text(item, "ledgerSheet").orElse(""),
                        Optional.ofNullable(item.get("ledgerRow"))
                            .map(v -> Integer.parseInt(v.n()))
                            .orElse(0),
                        text(item, "ledgerNumber"))),
        // absent on items stored before Open311 had tokens of its own, and on other cases
        text(item, OPEN311_TOKEN).flatMap(Open311Token::parse));
  }

  /**
   * Items written before the running limit was stored have only the missing year: the limit and its
   * start are inferred from the status and the history, its length is then the configured one.
   */
  private static Optional<DeadlineUnknown> deadlineUnknown(
      Map<String, AttributeValue> item, ComplaintStatus status, List<Step> history) {
    Optional<Integer> year =
        Optional.ofNullable(item.get("deadlineUnknownYear")).map(v -> Integer.parseInt(v.n()));
    if (year.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> limit = text(item, "deadlineLimit");
    if (limit.isEmpty()) {
      return DeadlineUnknown.inferred(year.get(), status, history, Complaint.ZONE);
    }
    return Optional.of(
        new DeadlineUnknown(
            year.get(),
            TimeLimit.valueOf(limit.get()),
            LocalDate.parse(item.get("deadlineCountedFrom").s()),
            Optional.ofNullable(item.get("deadlineWorkingDays"))
                .map(v -> OptionalInt.of(Integer.parseInt(v.n())))
                .orElse(OptionalInt.empty())));
  }

  private static Step stepOf(Map<String, AttributeValue> m) {
    Map<String, String> details = new HashMap<>();
    Optional.ofNullable(m.get("details"))
        .ifPresent(d -> d.m().forEach((k, v) -> details.put(k, v.s())));
    StepAction action = StepAction.valueOf(m.get("action").s());
    return new Step(
        action,
        Instant.parse(m.get("at").s()),
        m.get("actorId").s(),
        m.get("actorName").s(),
        ComplaintStatus.valueOf(m.get("statusAfter").s()),
        text(m, "publicNote"),
        text(m, "internalNote"),
        StepPayload.fromText(action, details));
  }

  private static Feedback feedbackOf(Map<String, AttributeValue> m) {
    return new Feedback(
        m.get("satisfiedWithResult").bool(),
        m.get("satisfiedWithService").bool(),
        text(m, "comment"),
        Instant.parse(m.get("at").s()));
  }

  static List<AttributeValue> steps(List<Step> steps) {
    return steps.stream().map(ComplaintItems::step).toList();
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String name) {
    return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
