package cn.gov.liuyang.bizenv.ledger.model;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One case as a ledger row states it, read and checked.
 *
 * @param registrationNumber the office's own number (登记编号), when the ledger has one
 * @param department the unit or department concerned (涉及单位), when stated
 * @param handling what was done (办理情况/办理结果), as written
 * @param closedOn the closing date (办结时间), when stated
 * @param closed closed: a closing date, or a result or follow-up that says so
 * @param refused not accepted (不予受理), as the handling text says
 * @param resultSatisfaction the follow-up's verdict on the result (or the only verdict)
 * @param serviceSatisfaction on the service, when the ledger keeps it apart; else as the result
 * @param meetings multi-party meetings (多方联动会议) held on the case
 * @param difficultiesSolved difficulties solved (解决困难数)
 */
public record LedgerCase(
    String sheet,
    int row,
    Optional<String> registrationNumber,
    LocalDate receivedOn,
    ComplaintKind kind,
    Optional<String> department,
    String summary,
    Optional<String> handling,
    Optional<LocalDate> closedOn,
    boolean closed,
    boolean refused,
    Satisfaction resultSatisfaction,
    Satisfaction serviceSatisfaction,
    int meetings,
    int difficultiesSolved) {}
