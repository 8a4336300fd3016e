package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.time.Instant;

/** Where a unit's fact for a year came from. */
public sealed interface FactSource {
  /** A stable code for programs. */
  String code();

  /** The source as a Chinese clause, for people: "读自支出表《…》的基本信息". */
  String describe();

  /** The source as a Chinese phrase that a value can follow: "支出表《…》中为". */
  String where();

  /** Read from the 基本信息 of the workbook whose figures are in force. */
  record Workbook(String submissionId, String fileName) implements FactSource {
    @Override
    public String code() {
      return "WORKBOOK";
    }

    @Override
    public String describe() {
      return "读自支出表《" + fileName + "》的基本信息";
    }

    @Override
    public String where() {
      return "支出表《" + fileName + "》中为";
    }
  }

  /** Entered by staff. */
  record Entered(int version, String enteredBy, Instant enteredAt) implements FactSource {
    @Override
    public String code() {
      return "ENTERED";
    }

    @Override
    public String describe() {
      return "由" + enteredBy + "填写（第 " + version + " 版）";
    }

    @Override
    public String where() {
      return "工作人员填写的是";
    }
  }

  /** Derived from another year's figures in force. */
  record Derived(FiscalYear fromYear, String submissionId) implements FactSource {
    @Override
    public String code() {
      return "DERIVED";
    }

    @Override
    public String describe() {
      return "由 " + fromYear + " 年度在用支出数据推算";
    }

    @Override
    public String where() {
      return "按 " + fromYear + " 年度在用支出数据推算为";
    }
  }
}
