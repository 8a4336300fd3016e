package cn.gov.liuyang.bizenv.spending.model;

/** Stable codes of what can be wrong with an uploaded workbook; programs match on these. */
public enum FindingCode {
  // the file itself
  FILE_EMPTY,
  FILE_TOO_LARGE,
  NOT_A_SPREADSHEET,
  /** a spreadsheet format that is not read, such as OpenDocument .ods: save it as .xlsx */
  FORMAT_UNSUPPORTED,
  /** Excel 95 or older (BIFF5 and before), or any .xls where no .xls reader is configured */
  LEGACY_XLS,
  /** an open password: the content cannot be read without it */
  WORKBOOK_ENCRYPTED,
  ARCHIVE_SUSPICIOUS,
  WORKBOOK_UNREADABLE,
  TOO_MANY_ROWS,
  // the table
  NO_DATA_TABLE,
  COLUMN_MISSING,
  COLUMN_DUPLICATE,
  UNIT_MISSING,
  UNIT_CONFLICT,
  // one line
  YEAR_INVALID,
  YEAR_MISMATCH,
  TYPE_UNKNOWN,
  PROJECT_MISSING,
  ECONOMIC_CODE_MISSING,
  ECONOMIC_CODE_MALFORMED,
  ECONOMIC_CODE_UNKNOWN,
  ECONOMIC_CODE_NOT_ITEM,
  ECONOMIC_NAME_MISMATCH,
  AMOUNT_MISSING,
  AMOUNT_NOT_NUMBER,
  AMOUNT_NEGATIVE,
  AMOUNT_TOO_PRECISE,
  FORMULA_NOT_CALCULATED,
  CELL_ERROR,
  LINE_DUPLICATE,
  NO_LINES,
  // the whole
  TOTAL_MISMATCH,
  SUBTOTAL_MISMATCH,
  SANGONG_MISMATCH,
  /** No longer raised (the facts are not required of a workbook); kept so stored outcomes read. */
  STAFFING_MISSING,
  /** No longer raised (the facts are not required of a workbook); kept so stored outcomes read. */
  INFO_MISSING,
  INFO_INVALID,
  // a case ledger (投诉台账, docs/ledger.md): one row
  DATE_MISSING,
  DATE_UNREADABLE,
  DATE_OUTSIDE_YEAR,
  CLOSED_BEFORE_RECEIVED,
  KIND_MISSING,
  KIND_UNKNOWN,
  SATISFACTION_UNKNOWN,
  COUNT_INVALID,
  CASE_DUPLICATE,
  // a case ledger: the whole
  NO_CASES
}
