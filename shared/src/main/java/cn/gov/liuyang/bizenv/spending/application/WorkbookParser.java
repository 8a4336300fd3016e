package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.EconomicCode;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives meaning to a workbook's rows as they stream by: finds the unit line and the heading row
 * (merged two-row headings and common synonyms included), reads each line, the 合计/小计 rows and the
 * 基本信息 figures, and records a {@link Finding} for everything it cannot read with certainty. Nothing
 * is guessed: what is unclear is a finding.
 */
public final class WorkbookParser implements RowSink {
  /** More lines than any unit's ledger has; beyond it the file is refused, not read on. */
  public static final int MAX_LINES = 200_000;

  private static final Pattern TOTAL_LABEL = Pattern.compile("合计|总计|小计|其中");

  /** The numbering of a group row: 一、 (一) 1. 1、 */
  private static final Pattern GROUP_NUMBERING =
      Pattern.compile("^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．])");

  private static final int MAX_SKIPPED_NOTES = 10;

  /** Group rows that ledger exports print with their sums, without the word 小计. */
  private static final Set<String> GROUP_LABELS = Set.of("基本支出", "项目支出", "人员经费", "公用经费", "日常公用经费");

  /** A class-level code (301, "302 商品和服务支出"): 3 digits from 3, alone or before its name. */
  private static final Pattern CLASS_CODE =
      Pattern.compile("(3[0-9]{2})(?:\\.0+)?(?:\\s*[-—_、.．]?\\s*\\D.*)?");

  private static final Pattern CODE_WITH_NAME =
      Pattern.compile("(\\d{3,6})\\s*[-—_、.．]?\\s*(\\D.*)");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*年?(度)?");

  /** A year in a title ("2021年度…", "2021 年"), not a date ("2022年1月5日"). */
  private static final Pattern TITLE_YEAR =
      Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})\\s*年(?!\\s*[0-9]{1,2}\\s*月)");

  /** A year in a sheet name ("2021", "2021年支出"). */
  private static final Pattern SHEET_YEAR =
      Pattern.compile("(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])");

  private final FiscalYear year;
  private final String yearText;
  private final EconomicClassification classification;
  private final Findings findings = new Findings();
  private final List<SpendingLine> lines = new ArrayList<>();
  private final DuplicateLines duplicates = new DuplicateLines();
  private final Map<String, EconomicCode> codes = new HashMap<>();
  private final List<DeclaredTotal> declaredTotals = new ArrayList<>();
  private final List<ClassTotal> classTotals = new ArrayList<>();
  private final Map<Info, InfoValue> info = new EnumMap<>(Info.class);
  private final List<String> notes = new ArrayList<>();

  /** Years the titles and sheet names of the sheets with a table state, and where. */
  private final Map<FiscalYear, String> titleYears = new LinkedHashMap<>();

  /** Years the 年度 column states, with how many lines state each. */
  private final Map<FiscalYear, Integer> columnYears = new LinkedHashMap<>();

  /** Lines whose 年度 is another year: reported one by one only if the file is not wholly so. */
  private final List<Finding> otherYearLines = new ArrayList<>();

  private int otherYearLineCount;
  private int linesOfThisYear;
  private int skippedRows;
  private Map<FiscalYear, String> sheetTitleYears = new LinkedHashMap<>();
  private boolean anyTable;
  private boolean stopped;

  private String sheet = "";
  private Optional<AmountUnit> sheetUnit = Optional.empty();
  private List<RawCell> previousRow = List.of();
  private TableLayout layout;
  private boolean sheetHasContent;

  public WorkbookParser(FiscalYear year, EconomicClassification classification) {
    this.year = year;
    this.yearText = year.toString();
    this.classification = classification;
  }

  @Override
  public void startSheet(String name) {
    finishSheet();
    sheet = name;
    sheetUnit = Optional.empty();
    previousRow = List.of();
    layout = null;
    sheetHasContent = false;
    sheetTitleYears = new LinkedHashMap<>();
  }

  @Override
  public boolean wantsMore() {
    return !stopped;
  }

  @Override
  public void row(int number, List<RawCell> cells) {
    if (stopped || allBlank(cells)) {
      return;
    }
    if (layout == null) {
      noteUnitLine(number, cells);
    }
    if (readInfo(number, cells)) {
      sheetHasContent = true;
      return;
    }
    if (layout == null) {
      Optional<TableLayout> heading = TableLayout.detect(previousRow, cells);
      if (heading.isPresent()) {
        startTable(number, heading.get());
      } else {
        noteTitleYears(cells);
        previousRow = cells;
      }
      return;
    }
    if (!layout.usable()) {
      return;
    }
    readTableRow(number, cells);
  }

  /** The workbook's content once every row was seen, reconciled. */
  public ParsedWorkbook result() {
    finishSheet();
    if (!anyTable && !stopped) {
      findings.add(
          Finding.ofFile(
              FindingCode.NO_DATA_TABLE,
              "未找到支出明细表：需要一行表头，至少包含“支出类型”“经济分类科目编码”“执行数”三列" + "（可使用模板，或同义列名如“实际支出”“决算数”）"));
    }
    if (linesOfThisYear > 0) {
      columnYears.merge(year, linesOfThisYear, Integer::sum);
    }
    boolean wholeFileOtherYear = checkStatedYears();
    UnitYearFacts facts = facts();
    if (anyTable && !stopped && lines.isEmpty() && !wholeFileOtherYear) {
      findings.add(Finding.ofFile(FindingCode.NO_LINES, "支出明细表中没有可导入的支出行"));
    }
    InfoValue statedSanGong = info.get(Info.SAN_GONG_ACTUAL);
    Optional<SpendingTotals> totals =
        stopped || lines.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Reconciliation.check(
                    lines,
                    declaredTotals,
                    money(Info.SAN_GONG_ACTUAL),
                    statedSanGong == null
                        ? AmountUnit.YUAN
                        : statedSanGong.unit().orElse(AmountUnit.YUAN),
                    findings));
    if (!stopped) {
      Reconciliation.checkClasses(lines, classTotals, findings);
    }
    List<FiscalYear> stated = new ArrayList<>(titleYears.keySet());
    columnYears.keySet().stream().filter(y -> !stated.contains(y)).forEach(stated::add);
    return new ParsedWorkbook(
        lines, facts, stated, totals, findings.kept(), findings.count(), notes);
  }

  /**
   * Checks the years the file states against the year the upload is for. A file that is wholly
   * another year's gets one finding naming both years; stray lines of another year are reported
   * line by line. Returns whether the whole file is another year's.
   */
  private boolean checkStatedYears() {
    if (titleYears.isEmpty() && columnYears.isEmpty()) {
      if (anyTable) {
        notes.add("文件中没有注明年度（标题、工作表名或“年度”列），按上传时选择的 " + year + " 年度导入");
      }
      return false;
    }
    if (!titleYears.isEmpty() && !titleYears.containsKey(year)) {
      Map.Entry<FiscalYear, String> first = titleYears.entrySet().iterator().next();
      findings.add(
          Finding.ofFile(
              FindingCode.YEAR_MISMATCH,
              "文件注明的是 "
                  + first.getKey()
                  + " 年度（"
                  + first.getValue()
                  + "），而本次上传选择的是 "
                  + year
                  + " 年度：请确认后按 "
                  + first.getKey()
                  + " 年度重新上传，或上传 "
                  + year
                  + " 年度的文件；在用数据未作任何改动"));
      return true;
    }
    if (!columnYears.isEmpty() && !columnYears.containsKey(year)) {
      findings.add(
          Finding.ofFile(
              FindingCode.YEAR_MISMATCH,
              "“年度”列填写的是 "
                  + String.join(
                      "、", columnYears.keySet().stream().map(FiscalYear::toString).toList())
                  + " 年，而本次上传选择的是 "
                  + year
                  + " 年度：请确认年度后重新上传；在用数据未作任何改动"));
      return true;
    }
    otherYearLines.forEach(findings::add);
    findings.countMore(otherYearLineCount - otherYearLines.size());
    return false;
  }

  /** Years a title row before the table states; kept if this sheet turns out to hold the table. */
  private void noteTitleYears(List<RawCell> cells) {
    for (RawCell cell : cells) {
      if (cell.kind() != RawCell.Kind.TEXT
          || cell.text().length() > 200
          || Column.match(cell.text()).isPresent()) {
        // a heading above a two-row heading ("2020年决算数") states no year of the file
        continue;
      }
      Matcher m = TITLE_YEAR.matcher(cell.text());
      while (m.find()) {
        FiscalYear.parse(m.group(1))
            .ifPresent(
                stated -> sheetTitleYears.putIfAbsent(stated, "标题“" + cell.text().strip() + "”"));
      }
    }
  }

  private void finishSheet() {
    if (!sheet.isEmpty() && !sheetHasContent && layout == null) {
      notes.add("工作表“" + sheet + "”中没有支出明细或基本信息，已略过");
    }
  }

  private void noteUnitLine(int number, List<RawCell> cells) {
    for (int c = 0; c < cells.size(); c++) {
      RawCell cell = cells.get(c);
      if (cell.kind() != RawCell.Kind.TEXT) {
        continue;
      }
      Optional<AmountUnit> unit = AmountUnit.ofUnitLine(cell.text());
      if (unit.isEmpty()) {
        continue;
      }
      if (sheetUnit.isPresent() && sheetUnit.get() != unit.get()) {
        findings.add(
            new Finding(
                FindingCode.UNIT_CONFLICT,
                sheet,
                number,
                columnLetter(c),
                cell.text(),
                "同一工作表中写了两个不同的金额单位（"
                    + sheetUnit.get().label()
                    + "和"
                    + unit.get().label()
                    + "），无法确定金额单位"));
      } else {
        sheetUnit = unit;
      }
    }
  }

  private void startTable(int number, TableLayout found) {
    anyTable = true;
    if (found.typeFromProject()) {
      notes.add("工作表“" + sheet + "”没有“支出类型”列：“项目名称”为空的行按基本支出导入，填了项目名称的行按项目支出导入");
    }
    sheetTitleYears.forEach(titleYears::putIfAbsent);
    Matcher sheetYear = SHEET_YEAR.matcher(sheet);
    if (sheetYear.find()) {
      FiscalYear.parse(sheetYear.group(1))
          .ifPresent(stated -> titleYears.putIfAbsent(stated, "工作表名“" + sheet + "”"));
    }
    sheetHasContent = true;
    layout = found;
    for (Column missing : found.missingRequired()) {
      findings.add(
          new Finding(
              FindingCode.COLUMN_MISSING,
              sheet,
              number,
              missing.heading(),
              "",
              "表头缺少“" + missing.heading() + "”列，请按模板补上"));
    }
    for (String duplicate : found.duplicates()) {
      findings.add(
          new Finding(
              FindingCode.COLUMN_DUPLICATE,
              sheet,
              number,
              duplicate,
              "",
              "有两列都表示“" + duplicate + "”，无法确定以哪一列为准，请删去其中一列"));
    }
    for (Column amount : List.of(Column.BUDGET, Column.ACTUAL)) {
      if (found.index(amount).isPresent() && found.unit(amount).or(() -> sheetUnit).isEmpty()) {
        findings.add(
            new Finding(
                FindingCode.UNIT_MISSING,
                sheet,
                number,
                amount.heading(),
                "",
                "未注明金额单位：请在表头上方写明“单位：元”或“单位：万元”，或在列名中注明，如“执行数（万元）”"));
        layout = found.unusable();
        return;
      }
    }
  }

  private void readTableRow(int number, List<RawCell> cells) {
    if (mayBeTotal(cells)) {
      String label = labelOf(cells);
      if (TOTAL_LABEL.matcher(label).find()) {
        readTotal(number, cells, label);
        return;
      }
    }
    RawCell code = layout.cell(cells, Column.CODE);
    if (!startsWithDigit(code) && !holdsAmount(cells) && !namesAType(cells)) {
      // a group heading ("一、基本支出"), a note ("注：…") or a 制表人 line: no figure to import
      noteSkipped(number, cells);
      return;
    }
    Matcher classCode = CLASS_CODE.matcher(code.text().strip());
    if (classCode.matches()) {
      readClassTotal(number, cells, classCode.group(1), code.text().strip());
      return;
    }
    if (code.isBlank()) {
      String label = GROUP_NUMBERING.matcher(groupLabelOf(cells)).replaceFirst("");
      if (GROUP_LABELS.contains(label)) {
        // a group row with its sum but without the word 小计, as ledger exports print them
        readTotal(number, cells, label);
        return;
      }
    }
    if (lines.size() >= MAX_LINES) {
      findings.add(
          new Finding(
              FindingCode.TOO_MANY_ROWS,
              sheet,
              number,
              "",
              "",
              "明细超过 " + MAX_LINES + " 行，超出一个单位一年的合理规模，已停止读取；请检查是否误传了其他文件"));
      stopped = true;
      return;
    }
    new LineReader(number, cells).read().ifPresent(this::addLine);
  }

  /** The texts of the label columns (and column A), each once, without spaces. */
  private String groupLabelOf(List<RawCell> cells) {
    Set<Integer> seen = new HashSet<>();
    StringBuilder label = new StringBuilder();
    for (Column column : List.of(Column.TYPE, Column.PROJECT, Column.NAME)) {
      layout
          .index(column)
          .filter(seen::add)
          .ifPresent(i -> label.append(layout.text(cells, column)));
    }
    if (seen.add(0) && !cells.isEmpty() && cells.get(0).kind() == RawCell.Kind.TEXT) {
      label.append(cells.get(0).text());
    }
    return label.toString().replaceAll("\\s", "");
  }

  private static boolean startsWithDigit(RawCell cell) {
    String text = cell.text().strip();
    return !text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9';
  }

  /** Whether an amount column holds a number (a 制表人 line may run into them with text). */
  private boolean holdsAmount(List<RawCell> cells) {
    for (Column column : List.of(Column.ACTUAL, Column.BUDGET)) {
      if (layout.index(column).isPresent()) {
        RawCell cell = layout.cell(cells, column);
        if (!cell.isBlank()
            && (cell.kind() != RawCell.Kind.TEXT || Amounts.parse(cell).isPresent())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the 支出类型 cell says 基本支出 or 项目支出, as a line's does. */
  private boolean namesAType(List<RawCell> cells) {
    String type = layout.text(cells, Column.TYPE).replaceAll("\\s", "");
    return type.startsWith("基本") || type.startsWith("项目");
  }

  private void noteSkipped(int number, List<RawCell> cells) {
    skippedRows++;
    if (skippedRows <= MAX_SKIPPED_NOTES) {
      String text = "";
      for (RawCell cell : cells) {
        if (!cell.isBlank()) {
          text = cell.text().strip();
          break;
        }
      }
      notes.add(
          "工作表“"
              + sheet
              + "”第 "
              + number
              + " 行（“"
              + (text.length() > 30 ? text.substring(0, 30) + "…" : text)
              + "”）没有经济分类科目和金额，视为标题或说明行，未导入");
    } else if (skippedRows == MAX_SKIPPED_NOTES + 1) {
      notes.add("还有更多没有经济分类科目和金额的行，同样视为标题或说明行，未导入");
    }
  }

  private void addLine(LineAt at) {
    SpendingLine line = at.line();
    int first = duplicates.firstRowOf(line, at.row());
    if (first != 0) {
      findings.add(
          new Finding(
              FindingCode.LINE_DUPLICATE,
              sheet,
              at.row(),
              Column.CODE.heading(),
              line.economicCode().value(),
              "与第 " + first + " 行重复（同一支出类型、项目、经济分类和资金来源）：请合并为一行，或删去重复行"));
      return;
    }
    lines.add(line);
  }

  /** A class-level row ("301 工资福利支出"): checked against its items once all lines are read. */
  private void readClassTotal(int number, List<RawCell> cells, String classCode, String codeText) {
    String typeText = layout.text(cells, Column.TYPE).replaceAll("\\s", "");
    Optional<ExpenditureType> type =
        typeText.startsWith("基本")
            ? Optional.of(ExpenditureType.BASIC)
            : typeText.startsWith("项目") ? Optional.of(ExpenditureType.PROJECT) : Optional.empty();
    classTotals.add(
        new ClassTotal(
            classCode,
            type,
            layout.text(cells, Column.PROJECT).strip(),
            codeText,
            stated(number, cells)));
  }

  private void readTotal(int number, List<RawCell> cells, String label) {
    DeclaredTotal.Scope scope;
    String project = "";
    if (label.contains("人员经费")) {
      scope = DeclaredTotal.Scope.PERSONNEL;
    } else if (label.contains("公用经费")) {
      scope = DeclaredTotal.Scope.PUBLIC_OPERATING;
    } else if (label.contains("基本支出")) {
      scope = DeclaredTotal.Scope.BASIC;
    } else if (label.contains("项目支出")) {
      scope = DeclaredTotal.Scope.PROJECT;
    } else {
      String projectCell = layout.text(cells, Column.PROJECT).replaceAll("小计|合计|[:：\\s]", "");
      if (!projectCell.isEmpty() && label.contains("小计")) {
        scope = DeclaredTotal.Scope.ONE_PROJECT;
        project = projectCell;
      } else {
        scope = DeclaredTotal.Scope.ALL;
      }
    }
    declaredTotals.add(new DeclaredTotal(scope, project, stated(number, cells)));
  }

  /** The sums a total row states (a blank cell states none), in the units of their columns. */
  private StatedSums stated(int number, List<RawCell> cells) {
    return new StatedSums(
        layout.index(Column.BUDGET).flatMap(i -> amount(number, cells, Column.BUDGET, true)),
        amount(number, cells, Column.ACTUAL, true),
        unitOf(Column.BUDGET),
        unitOf(Column.ACTUAL),
        sheet,
        number);
  }

  /** An amount cell in money, or empty after recording why not (or when blank and optional). */
  private Optional<Money> amount(
      int number, List<RawCell> cells, Column column, boolean blankAllowed) {
    RawCell cell = layout.cell(cells, column);
    String heading = column.heading();
    switch (cell.kind()) {
      case BLANK -> {
        if (!blankAllowed) {
          findings.add(
              new Finding(
                  FindingCode.AMOUNT_MISSING,
                  sheet,
                  number,
                  heading,
                  "",
                  "“" + heading + "”未填写：没有发生请填 0"));
        }
        return Optional.empty();
      }
      case UNCALCULATED -> {
        findings.add(
            new Finding(
                FindingCode.FORMULA_NOT_CALCULATED,
                sheet,
                number,
                heading,
                "",
                "公式没有计算结果：请用 Excel 或 WPS 打开后保存，再上传"));
        return Optional.empty();
      }
      case ERROR -> {
        findings.add(
            new Finding(
                FindingCode.CELL_ERROR,
                sheet,
                number,
                heading,
                cell.text(),
                "单元格是错误值“" + cell.text() + "”：请修正公式或改填金额"));
        return Optional.empty();
      }
      default -> {
        // TEXT and NUMBER are read below
      }
    }
    Optional<BigDecimal> parsed = Amounts.parse(cell);
    if (parsed.isEmpty()) {
      findings.add(
          new Finding(
              FindingCode.AMOUNT_NOT_NUMBER,
              sheet,
              number,
              heading,
              cell.text(),
              "“" + heading + "”不是金额：请只填数字，如 1234.56 或 1,234.56"));
      return Optional.empty();
    }
    if (parsed.get().signum() < 0) {
      findings.add(
          new Finding(
              FindingCode.AMOUNT_NEGATIVE,
              sheet,
              number,
              heading,
              cell.text(),
              "“" + heading + "”是负数：支出不能为负；冲减请在原行直接改数"));
      return Optional.empty();
    }
    AmountUnit unit = unitOf(column);
    try {
      return Optional.of(unit.toMoney(parsed.get()));
    } catch (ArithmeticException tooPrecise) {
      findings.add(
          new Finding(
              FindingCode.AMOUNT_TOO_PRECISE,
              sheet,
              number,
              heading,
              cell.text(),
              "“"
                  + heading
                  + "”精确到分以下（单位为"
                  + unit.label()
                  + "）：请保留到分"
                  + (unit == AmountUnit.WAN_YUAN ? "（万元最多 6 位小数）" : "（元最多 2 位小数）")));
      return Optional.empty();
    }
  }

  /**
   * The unit a column's amounts are in (known once the table is usable; 元 for an absent column).
   */
  private AmountUnit unitOf(Column column) {
    return layout.unit(column).or(() -> sheetUnit).orElse(AmountUnit.YUAN);
  }

  /** Cheap pre-check, since nearly every row is a plain line: 合计/总计/小计 all end in 计. */
  private boolean mayBeTotal(List<RawCell> cells) {
    for (RawCell cell : cells) {
      if (cell.kind() == RawCell.Kind.TEXT && mentionsTotal(cell.text())) {
        return true;
      }
    }
    return false;
  }

  /** 计 (合计, 小计, 总计) or 其中, in one pass over the text. */
  private static boolean mentionsTotal(String text) {
    for (int i = 0, last = text.length() - 1; i <= last; i++) {
      char c = text.charAt(i);
      if (c == '计' || (c == '其' && i < last && text.charAt(i + 1) == '中')) {
        return true;
      }
    }
    return false;
  }

  private String labelOf(List<RawCell> cells) {
    StringBuilder label = new StringBuilder();
    for (Column column : List.of(Column.TYPE, Column.PROJECT, Column.CODE, Column.NAME)) {
      label.append(layout.text(cells, column));
    }
    if (!cells.isEmpty() && cells.get(0).kind() == RawCell.Kind.TEXT) {
      label.append(cells.get(0).text());
    }
    return label.toString().replaceAll("\\s", "");
  }

  // ------------------------------------------------------------------ 基本信息

  private boolean readInfo(int number, List<RawCell> cells) {
    int labelAt = -1;
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.get(c).isBlank()) {
        labelAt = c;
        break;
      }
    }
    if (labelAt < 0 || cells.get(labelAt).kind() != RawCell.Kind.TEXT) {
      return false;
    }
    String labelText = cells.get(labelAt).text();
    Optional<Info> which = Info.ofLabel(labelText);
    if (which.isEmpty()) {
      return false;
    }
    RawCell value = RawCell.BLANK;
    for (int c = labelAt + 1; c < cells.size(); c++) {
      if (!cells.get(c).isBlank()) {
        value = cells.get(c);
        break;
      }
    }
    Optional<AmountUnit> unit = AmountUnit.ofHeading(labelText).or(() -> sheetUnit);
    info.put(which.get(), new InfoValue(sheet, number, labelText, value, unit));
    return true;
  }

  /** The unit-year facts the 基本信息 states; a blank or absent one is simply not stated. */
  private UnitYearFacts facts() {
    Map<Fact, BigDecimal> values = new EnumMap<>(Fact.class);
    for (Info which : Info.values()) {
      which
          .fact()
          .ifPresent(
              fact -> {
                Optional<BigDecimal> value =
                    fact.isAmount()
                        ? money(which).map(Money::yuan)
                        : count(which).map(BigDecimal::valueOf);
                value.ifPresent(
                    v -> {
                      Optional<String> problem = fact.problemWith(v);
                      if (problem.isEmpty()) {
                        values.put(fact, v);
                        return;
                      }
                      InfoValue stated = info.get(which);
                      findings.add(
                          new Finding(
                              FindingCode.INFO_INVALID,
                              stated.sheet(),
                              stated.row(),
                              which.label(),
                              stated.cell().text(),
                              problem.get()));
                    });
              });
    }
    return new UnitYearFacts(values);
  }

  private Optional<Integer> count(Info which) {
    InfoValue value = info.get(which);
    if (value == null || value.cell().isBlank()) {
      return Optional.empty();
    }
    Optional<BigDecimal> number = Amounts.parse(value.cell());
    if (number.isEmpty()
        || number.get().signum() < 0
        || number.get().stripTrailingZeros().scale() > 0
        || number.get().compareTo(BigDecimal.valueOf(100_000)) > 0) {
      findings.add(
          new Finding(
              FindingCode.INFO_INVALID,
              value.sheet(),
              value.row(),
              which.label(),
              value.cell().text(),
              "“" + which.label() + "”应为不小于 0 的整数（人数）；不知道可留空，由工作人员另行填写"));
      return Optional.empty();
    }
    return Optional.of(number.get().intValueExact());
  }

  private Optional<Money> money(Info which) {
    InfoValue value = info.get(which);
    if (value == null || value.cell().isBlank()) {
      // not stated: absent, or a row the template offers and the clerk left empty
      return Optional.empty();
    }
    Optional<BigDecimal> number = Amounts.parse(value.cell());
    if (number.isEmpty() || (number.get().signum() < 0 && !which.mayBeNegative())) {
      findings.add(
          new Finding(
              FindingCode.INFO_INVALID,
              value.sheet(),
              value.row(),
              which.label(),
              value.cell().text(),
              invalidAmountMessage(which)));
      return Optional.empty();
    }
    if (value.unit().isEmpty()) {
      findings.add(
          new Finding(
              FindingCode.UNIT_MISSING,
              value.sheet(),
              value.row(),
              which.label(),
              value.cell().text(),
              "“" + which.label() + "”未注明单位：请写成“" + which.label() + "（万元）”或“（元）”"));
      return Optional.empty();
    }
    try {
      return Optional.of(value.unit().get().toMoney(number.get()));
    } catch (ArithmeticException tooPrecise) {
      findings.add(
          new Finding(
              FindingCode.AMOUNT_TOO_PRECISE,
              value.sheet(),
              value.row(),
              which.label(),
              value.cell().text(),
              "“" + which.label() + "”精确到分以下：请保留到分"));
      return Optional.empty();
    }
  }

  private static String invalidAmountMessage(Info which) {
    String label = "“" + which.label() + "”";
    return which.mayBeNegative() ? label + "应为金额（调减填负数）；不填写请留空" : label + "应为不小于 0 的金额；不填写请留空";
  }

  private static String columnLetter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      letters.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return letters.toString();
  }

  private record LineAt(int row, SpendingLine line) {}

  private record InfoValue(
      String sheet, int row, String label, RawCell cell, Optional<AmountUnit> unit) {}

  /** Reads one detail line, recording every problem of the row (not only the first). */
  private final class LineReader {
    private final int number;
    private final List<RawCell> cells;
    private boolean valid = true;

    LineReader(int number, List<RawCell> cells) {
      this.number = number;
      this.cells = cells;
    }

    Optional<LineAt> read() {
      checkYear();
      ExpenditureType type = type();
      Optional<String> project = project(type);
      Optional<CodeAndName> code = code();
      Optional<Money> budget =
          layout.index(Column.BUDGET).isPresent()
              ? amountOrInvalid(Column.BUDGET, true)
              : Optional.of(Money.ZERO);
      Optional<Money> actual = amountOrInvalid(Column.ACTUAL, false);
      if (!valid || type == null || code.isEmpty() || budget.isEmpty() || actual.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new LineAt(
              number,
              new SpendingLine(
                  type,
                  project,
                  code.get().code(),
                  code.get().name(),
                  budget.get(),
                  actual.get(),
                  layout.text(cells, Column.FUND_SOURCE))));
    }

    private Optional<Money> amountOrInvalid(Column column, boolean blankIsZero) {
      RawCell cell = layout.cell(cells, column);
      if (cell.isBlank() && blankIsZero) {
        return Optional.of(Money.ZERO);
      }
      Optional<Money> money = amount(number, cells, column, false);
      if (money.isEmpty()) {
        valid = false;
      }
      return money;
    }

    private void checkYear() {
      if (layout.index(Column.YEAR).isEmpty()) {
        return;
      }
      RawCell cell = layout.cell(cells, Column.YEAR);
      if (cell.isBlank()) {
        return;
      }
      if (cell.text().equals(yearText)) {
        linesOfThisYear++;
        return;
      }
      Matcher m = YEAR.matcher(cell.text().strip());
      Optional<FiscalYear> stated = m.matches() ? FiscalYear.parse(m.group(1)) : Optional.empty();
      if (stated.isEmpty()) {
        reject(FindingCode.YEAR_INVALID, Column.YEAR, cell, "“年度”应为四位年份，如 " + year);
        return;
      }
      columnYears.merge(stated.get(), 1, Integer::sum);
      if (!stated.get().equals(year)) {
        valid = false;
        otherYearLineCount++;
        if (otherYearLines.size() < Findings.KEPT) {
          otherYearLines.add(
              new Finding(
                  FindingCode.YEAR_MISMATCH,
                  sheet,
                  number,
                  Column.YEAR.heading(),
                  cell.text(),
                  "这一行是 " + stated.get() + " 年的，而本次提交的是 " + year + " 年：请删去这一行，或为该年份单独提交"));
        }
      }
    }

    private ExpenditureType type() {
      RawCell cell = layout.cell(cells, Column.TYPE);
      String text = cell.text().strip();
      if (text.indexOf(' ') >= 0 || text.indexOf('\u3000') >= 0) {
        text = text.replace(" ", "").replace("\u3000", "");
      }
      if (layout.typeFromProject()) {
        return layout.text(cells, Column.PROJECT).isEmpty()
            ? ExpenditureType.BASIC
            : ExpenditureType.PROJECT;
      }
      return switch (text) {
        case "基本支出", "基本", "基本经费", "人员经费", "公用经费", "日常公用经费", "人员支出", "公用支出" ->
            ExpenditureType.BASIC;
        case "项目支出", "项目", "项目经费", "专项", "专项经费", "专项支出" -> ExpenditureType.PROJECT;
        default -> {
          reject(FindingCode.TYPE_UNKNOWN, Column.TYPE, cell, "“支出类型”应为“基本支出”或“项目支出”");
          yield null;
        }
      };
    }

    private Optional<String> project(ExpenditureType type) {
      if (type != ExpenditureType.PROJECT) {
        return Optional.empty();
      }
      String name = layout.text(cells, Column.PROJECT).strip();
      if (name.isEmpty()) {
        reject(FindingCode.PROJECT_MISSING, Column.PROJECT, RawCell.BLANK, "项目支出必须填写“项目名称”");
        return Optional.empty();
      }
      return Optional.of(name);
    }

    private Optional<CodeAndName> code() {
      RawCell cell = layout.cell(cells, Column.CODE);
      if (cell.isBlank()) {
        reject(FindingCode.ECONOMIC_CODE_MISSING, Column.CODE, cell, "“经济分类科目编码”未填写");
        return Optional.empty();
      }
      String text = cell.text().strip();
      String typedName = layout.text(cells, Column.NAME).strip();
      if (cell.kind() == RawCell.Kind.NUMBER) {
        try {
          text = new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
          // kept as typed; the shape check below reports it
        }
      }
      Matcher withName = allDigits(text) ? null : CODE_WITH_NAME.matcher(text);
      if (withName != null && withName.matches()) {
        // "30201 办公费" in one cell, as ledgers export it
        text = withName.group(1);
        if (typedName.isEmpty()) {
          typedName = withName.group(2).strip();
        }
      }
      if (text.length() == 3 && text.charAt(0) == '3' && allDigits(text)) {
        reject(
            FindingCode.ECONOMIC_CODE_NOT_ITEM,
            Column.CODE,
            cell,
            "“" + text + "”是经济分类的类级科目：请填到款级，如 30201 办公费");
        return Optional.empty();
      }
      if (text.length() != 5 || text.charAt(0) != '3' || !allDigits(text)) {
        reject(
            FindingCode.ECONOMIC_CODE_MALFORMED,
            Column.CODE,
            cell,
            "经济分类科目编码应为以 3 开头的 5 位数字，如 30201：请检查是否多打、少打或混入字母");
        return Optional.empty();
      }
      EconomicCode code = codes.computeIfAbsent(text, EconomicCode::new);
      Optional<String> official = classification.nameOf(code);
      if (official.isEmpty()) {
        reject(
            FindingCode.ECONOMIC_CODE_UNKNOWN,
            Column.CODE,
            cell,
            "经济分类科目中没有编码 " + text + "：请对照《部门预算支出经济分类科目》核对");
        return Optional.empty();
      }
      if (!typedName.isEmpty() && !classification.accepts(code, typedName)) {
        reject(
            FindingCode.ECONOMIC_NAME_MISMATCH,
            Column.NAME,
            RawCell.text(typedName),
            "编码 " + text + " 对应“" + official.get() + "”，与所填名称“" + typedName + "”不符：请核对编码或名称");
        return Optional.empty();
      }
      return Optional.of(new CodeAndName(code, official.get()));
    }

    private void reject(FindingCode code, Column column, RawCell cell, String message) {
      valid = false;
      findings.add(new Finding(code, sheet, number, column.heading(), cell.text(), message));
    }
  }

  private record CodeAndName(EconomicCode code, String name) {}

  private static boolean allBlank(List<RawCell> cells) {
    for (RawCell cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean allDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !text.isEmpty();
  }
}
