package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import java.util.List;
import java.util.Map;

/** Writes 校验结果.xlsx for a ledger: the verdict, the figures, every finding by row. */
public interface LedgerReportWriter {
  byte[] write(
      LedgerSubmission submission,
      ParsedLedger parsed,
      boolean current,
      Map<String, Integer> figures,
      List<String> notes);
}
