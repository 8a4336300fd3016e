package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import java.util.Optional;

/**
 * A class-level row of a ledger export ("301 工资福利支出" above its 30101, 30102 … items): checked
 * against the items of that class, never imported as a line.
 *
 * @param classCode the 3-digit class, such as 301
 * @param type the expenditure type the row states, if any
 * @param project the project the row states, or empty
 * @param codeText the code cell as written, to quote it back
 */
record ClassTotal(
    String classCode,
    Optional<ExpenditureType> type,
    String project,
    String codeText,
    StatedSums stated) {}
