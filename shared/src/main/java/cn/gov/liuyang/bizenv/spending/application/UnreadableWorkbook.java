package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;

/** A file refused before its rows could be read: not a spreadsheet, unsafe, or damaged. */
public class UnreadableWorkbook extends RuntimeException {
  private final transient Finding finding;

  public UnreadableWorkbook(FindingCode code, String message) {
    super(code + ": " + message);
    this.finding = Finding.ofFile(code, message);
  }

  public Finding finding() {
    return finding;
  }
}
