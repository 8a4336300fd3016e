package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.ledger.model.LedgerCase;
import cn.gov.liuyang.bizenv.ledger.model.Satisfaction;
import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives meaning to a case ledger's rows as a spreadsheet reader streams them: finds the heading row
 * of each sheet (title rows above it, a merged two-row heading, synonyms), reads every case row,
 * sets aside blank rows, section rows and the 制表人/注 lines, and records a {@link Finding} for
 * everything it cannot read with certainty. Nothing is guessed.
 */
public final class LedgerParser implements RowSink {
  /** More cases than a county office registers in years; beyond it the file is refused. */
  public static final int MAX_CASES = 50_000;

  private static final int KEPT_FINDINGS = 2_000;
  private static final int MAX_NOTED_ROWS = 10;

  /** Lines under the table that are not cases: who made it, notes, totals. */
  private static final Pattern SIDE_LINE =
      Pattern.compile(
          "^(?:制表人|制表|填表人|填报人|填报单位|审核人|审核|复核人|负责人|单位负责人|分管领导|统计人|经办人[:：]|联系电话[:：]|注[:：、.．]?|说明[:：]|备注[:：]"
              + "|填报日期|制表日期|统计日期|报送日期|统计时间|截至|截止|合计|总计|共计|小计|本页小计|以下空白|以下无内容).*");

  /** A multi-party meeting named in the handling or the notes, with how many times. */
  private static final Pattern MEETING =
      Pattern.compile(
          "(?:([0-9]+|[一二两三四五六七八九十])\\s*次)?[^，。；,;]{0,6}?(多方联动(?:协调)?会议?|联动会议|协调会议?|联席会议?|会商会议?)");

  private static final Pattern CLOSED_WORDS =
      Pattern.compile(
          "办结|已解决|已答复|已回复|已处理|已完成|已落实|已协调|已化解|已办理|已妥善|得到解决|予以解决|已整改|已告知|已反馈|已兑现|已拨付|已退还");
  private static final Pattern OPEN_WORDS =
      Pattern.compile("未办结|未解决|办理中|正在办理|正在处理|处理中|跟踪办理|待办|未完成");
  private static final Pattern REFUSED_WORDS = Pattern.compile("不予受理|不受理|不属于受理范围|不属于投诉受理范围");

  private final int year;
  private final List<Finding> findings = new ArrayList<>();
  private int findingCount;
  private final List<LedgerCase> cases = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<String> setAside = new ArrayList<>();
  private int setAsideCount;
  private final Map<String, String> byNumber = new HashMap<>();
  private final Map<String, String> byContent = new HashMap<>();
  private final List<String> sheetsWithoutTable = new ArrayList<>();
  private boolean anyTable;
  private boolean stopped;
  private boolean solvedAssumed;
  private boolean meetingsFromText;
  private boolean monthDayAssumed;

  private String sheet = "";
  private List<RawCell> previousRow = List.of();
  private List<RawCell> headingRow = List.of();
  private Layout layout;
  private boolean subHeadingPossible;
  private boolean sheetHasContent;
  private Optional<ComplaintKind> sheetKind = Optional.empty();
  private Optional<ComplaintKind> groupKind = Optional.empty();
  private int rowsWithoutKind;
  private int firstRowWithoutKind;

  /**
   * @param year the year the ledger is uploaded for: every case must have been received in it
   */
  public LedgerParser(int year) {
    this.year = year;
  }

  @Override
  public void startSheet(String name) {
    finishSheet();
    sheet = name;
    previousRow = List.of();
    headingRow = List.of();
    layout = null;
    subHeadingPossible = false;
    sheetHasContent = false;
    sheetKind = LedgerKinds.namedIn(name);
    groupKind = Optional.empty();
    rowsWithoutKind = 0;
    firstRowWithoutKind = 0;
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
    sheetHasContent = true;
    if (layout == null) {
      Optional<Layout> heading = Layout.detect(previousRow, cells);
      if (heading.isPresent()) {
        startTable(number, cells, heading.get());
      } else {
        // a title row: it may name the kind of every case below ("意见建议登记表")
        if (sheetKind.isEmpty()) {
          String title = joined(cells);
          if (title.length() <= 60) {
            LedgerKinds.namedIn(title).ifPresent(k -> sheetKind = Optional.of(k));
          }
        }
        previousRow = cells;
      }
      return;
    }
    if (subHeadingPossible) {
      subHeadingPossible = false;
      if (looksLikeHeading(cells)) {
        Optional<Layout> lower = Layout.detect(headingRow, cells);
        if (lower.isPresent() && lower.get().size() >= layout.size()) {
          layout = lower.get();
        }
        return;
      }
    }
    readRow(number, cells);
  }

  private void startTable(int number, List<RawCell> cells, Layout found) {
    anyTable = true;
    layout = found;
    headingRow = cells;
    subHeadingPossible = true;
    for (String duplicate : found.duplicates()) {
      add(
          new Finding(
              FindingCode.COLUMN_DUPLICATE,
              sheet,
              number,
              duplicate,
              duplicate,
              "表头中有两列都是“" + duplicate + "”，无法确定以哪一列为准：请删除或改名其中一列"));
    }
  }

  /** The ledger once every row was seen. */
  public ParsedLedger result() {
    finishSheet();
    if (!anyTable && !stopped) {
      add(
          Finding.ofFile(
              FindingCode.NO_DATA_TABLE,
              "未找到台账表头：需要一行表头，至少包含“受理时间”和“诉求类别”（或“诉求内容”“登记编号”）等三列"
                  + "（同义列名如“登记日期”“诉求类型”“反映内容”均可）"));
    }
    if (anyTable && !stopped && cases.isEmpty() && findingCount == 0) {
      add(Finding.ofFile(FindingCode.NO_CASES, "台账中没有可导入的案件行：请在表头下逐行填写案件"));
    }
    if (!sheetsWithoutTable.isEmpty()) {
      notes.add("以下工作表中没有台账表头，未读取：" + String.join("、", sheetsWithoutTable));
    }
    if (setAsideCount > 0) {
      notes.add(
          "有 "
              + setAsideCount
              + " 行不是案件（标题、分组、制表人、注释、合计等），未导入："
              + String.join("；", setAside)
              + (setAsideCount > setAside.size() ? "……" : ""));
    }
    if (meetingsFromText) {
      notes.add("表中没有“多方联动会议”次数列：会议次数按“办理情况”“备注”中提到的多方联动会议、协调会、联席会议计");
    }
    if (solvedAssumed) {
      notes.add("表中没有“解决困难数”列：每件已办结的困难诉求按解决 1 个困难计");
    }
    if (monthDayAssumed) {
      notes.add("部分日期只写了月和日，按 " + year + " 年计");
    }
    return new ParsedLedger(cases, findings, findingCount, notes);
  }

  private void finishSheet() {
    if (layout == null && sheetHasContent && !sheet.isEmpty()) {
      sheetsWithoutTable.add(sheet);
    }
    if (rowsWithoutKind > 0) {
      add(
          new Finding(
              FindingCode.COLUMN_MISSING,
              sheet,
              firstRowWithoutKind,
              LedgerColumn.KIND.heading(),
              "",
              "表中没有“诉求类别”列，工作表名和标题也没有写明类别，"
                  + rowsWithoutKind
                  + " 行无法确定是投诉、举报、意见建议还是困难诉求：请增加“诉求类别”列"));
    }
    rowsWithoutKind = 0;
  }

  // ---------------------------------------------------------------- one row

  private void readRow(int number, List<RawCell> cells) {
    List<String> texts = new ArrayList<>();
    for (RawCell cell : cells) {
      if (!cell.isBlank()) {
        texts.add(cell.text().strip());
      }
    }
    String first = texts.get(0);
    if (layout.isHeadingAgain(cells)) {
      return;
    }
    RawCell received = layout.cell(cells, LedgerColumn.RECEIVED);
    if (SIDE_LINE.matcher(first.replaceAll("\\s", "")).matches()
        && LedgerDates.parse(received, year).isEmpty()) {
      setAside(number, first);
      return;
    }
    String kindText = layout.text(cells, LedgerColumn.KIND);
    String summary = layout.joined(cells, LedgerColumn.SUMMARY);
    String regNumber = layout.text(cells, LedgerColumn.NUMBER);
    if (texts.size() == 1 && !received.isBlank() && LedgerDates.parse(received, year).isEmpty()
        || texts.size() == 1 && received.isBlank()) {
      // a section row (一、投诉类) or a line of text across the table
      Optional<ComplaintKind> named =
          first.length() <= 20 ? LedgerKinds.namedIn(first) : Optional.empty();
      if (named.isPresent()) {
        groupKind = named;
      }
      setAside(number, first);
      return;
    }
    if (received.isBlank() && kindText.isEmpty() && summary.isEmpty() && regNumber.isEmpty()) {
      setAside(number, first);
      return;
    }
    if (cases.size() >= MAX_CASES) {
      add(
          Finding.ofFile(
              FindingCode.TOO_MANY_ROWS, "台账超过 " + MAX_CASES + " 件案件，远多于一个单位一年的登记量：请只上传一个年度的台账"));
      stopped = true;
      return;
    }
    int before = findingCount;
    Optional<LocalDate> receivedOn = receivedOn(number, received);
    Optional<ComplaintKind> kind = kind(number, kindText);
    Optional<LocalDate> closedOn = closedOn(number, cells, receivedOn);
    String handling = layout.joined(cells, LedgerColumn.HANDLING);
    String remarks = layout.joined(cells, LedgerColumn.NOTES);
    Satisfaction result = satisfaction(number, cells, LedgerColumn.RESULT_SATISFACTION);
    Satisfaction service = satisfaction(number, cells, LedgerColumn.SERVICE_SATISFACTION);
    Satisfaction both = satisfaction(number, cells, LedgerColumn.SATISFACTION);
    if (!layout.has(LedgerColumn.RESULT_SATISFACTION)) {
      result = both;
    }
    if (!layout.has(LedgerColumn.SERVICE_SATISFACTION)) {
      service = layout.has(LedgerColumn.RESULT_SATISFACTION) ? result : both;
    }
    if (!layout.has(LedgerColumn.RESULT_SATISFACTION)
        && layout.has(LedgerColumn.SERVICE_SATISFACTION)) {
      result = layout.has(LedgerColumn.SATISFACTION) ? both : service;
    }
    String all = handling + " " + remarks;
    boolean refused = REFUSED_WORDS.matcher(all).find();
    boolean open =
        OPEN_WORDS.matcher(handling).find() || openWords(layout.text(cells, LedgerColumn.CLOSED));
    boolean closed =
        !refused
            && (closedOn.isPresent()
                || (!open
                    && (CLOSED_WORDS.matcher(all).find() || result.rated() || service.rated())));
    int meetings = meetings(number, cells, all);
    int solved = solved(number, cells, kind, closed);
    if (findingCount > before || receivedOn.isEmpty() || kind.isEmpty()) {
      return;
    }
    if (duplicate(number, regNumber, receivedOn.get(), kind.get(), summary)) {
      return;
    }
    cases.add(
        new LedgerCase(
            sheet,
            number,
            regNumber.isEmpty() ? Optional.empty() : Optional.of(regNumber),
            receivedOn.get(),
            kind.get(),
            optional(layout.joined(cells, LedgerColumn.DEPARTMENT)),
            summary,
            optional(handling),
            refused ? Optional.empty() : closedOn,
            closed,
            refused,
            result,
            service,
            meetings,
            solved));
  }

  private Optional<LocalDate> receivedOn(int number, RawCell cell) {
    String heading = layout.heading(LedgerColumn.RECEIVED);
    if (cell.isBlank()) {
      add(
          finding(
              FindingCode.DATE_MISSING,
              number,
              heading,
              "",
              "没有填写受理时间：请填写收到该诉求的日期，如 " + year + "/3/5"));
      return Optional.empty();
    }
    if (!cellReadable(number, heading, cell)) {
      return Optional.empty();
    }
    Optional<LocalDate> date = LedgerDates.parse(cell, year);
    if (date.isEmpty()) {
      add(
          finding(
              FindingCode.DATE_UNREADABLE,
              number,
              heading,
              cell.text(),
              "受理时间“"
                  + cell.text()
                  + "”不是可识别的日期：请写成 "
                  + year
                  + "/3/5、"
                  + year
                  + "-03-05 或 "
                  + year
                  + "年3月5日，或设为日期格式"));
      return Optional.empty();
    }
    noteMonthDay(cell);
    if (date.get().getYear() != year) {
      add(
          finding(
              FindingCode.DATE_OUTSIDE_YEAR,
              number,
              heading,
              cell.text(),
              "受理时间 "
                  + date.get()
                  + " 不在 "
                  + year
                  + " 年内：本台账按 "
                  + year
                  + " 年度上传，请核对日期，或把该案件放到对应年度的台账中"));
      return Optional.empty();
    }
    return date;
  }

  private Optional<LocalDate> closedOn(
      int number, List<RawCell> cells, Optional<LocalDate> receivedOn) {
    if (!layout.has(LedgerColumn.CLOSED)) {
      return Optional.empty();
    }
    RawCell cell = layout.cell(cells, LedgerColumn.CLOSED);
    String heading = layout.heading(LedgerColumn.CLOSED);
    if (cell.isBlank()
        || openWords(cell.text())
        || cell.text().strip().matches("[/／\\-—–无]+|无|暂无|未办结|办理中")) {
      return Optional.empty();
    }
    if (!cellReadable(number, heading, cell)) {
      return Optional.empty();
    }
    Optional<LocalDate> date = LedgerDates.parse(cell, year);
    if (date.isEmpty()) {
      add(
          finding(
              FindingCode.DATE_UNREADABLE,
              number,
              heading,
              cell.text(),
              "办结时间“" + cell.text() + "”不是可识别的日期：请写成 " + year + "/3/5 这样的日期，尚未办结的请留空"));
      return Optional.empty();
    }
    noteMonthDay(cell);
    if (receivedOn.isPresent() && date.get().isBefore(receivedOn.get())) {
      add(
          finding(
              FindingCode.CLOSED_BEFORE_RECEIVED,
              number,
              heading,
              cell.text(),
              "办结时间 " + date.get() + " 早于受理时间 " + receivedOn.get() + "：请核对两个日期"));
      return Optional.empty();
    }
    return date;
  }

  private Optional<ComplaintKind> kind(int number, String text) {
    if (text.isEmpty()) {
      // a sheet or section named after one kind stands for a missing 诉求类别 column, never for a
      // blank cell of one (a ledger titled 投诉台账 holds every kind)
      Optional<ComplaintKind> assumed = groupKind.or(() -> sheetKind);
      if (assumed.isPresent() && !layout.has(LedgerColumn.KIND)) {
        return assumed;
      }
      if (layout.has(LedgerColumn.KIND)) {
        add(
            finding(
                FindingCode.KIND_MISSING,
                number,
                layout.heading(LedgerColumn.KIND),
                "",
                "没有填写诉求类别：请填写 投诉、举报、意见建议（含咨询）或 困难诉求（求助）"));
      } else {
        // reported once for the sheet (COLUMN_MISSING), not row by row
        if (rowsWithoutKind++ == 0) {
          firstRowWithoutKind = number;
        }
      }
      return Optional.empty();
    }
    Optional<ComplaintKind> kind = LedgerKinds.parse(text);
    if (kind.isEmpty()) {
      add(
          finding(
              FindingCode.KIND_UNKNOWN,
              number,
              layout.heading(LedgerColumn.KIND),
              text,
              "诉求类别“" + text + "”无法识别：请填写 投诉、举报、意见建议（建议、咨询）或 困难诉求（求助）"));
    }
    return kind;
  }

  private Satisfaction satisfaction(int number, List<RawCell> cells, LedgerColumn column) {
    if (!layout.has(column)) {
      return Satisfaction.NOT_REVISITED;
    }
    String text = layout.text(cells, column);
    Optional<Satisfaction> read = readSatisfaction(text);
    if (read.isEmpty()) {
      add(
          finding(
              FindingCode.SATISFACTION_UNKNOWN,
              number,
              layout.heading(column),
              text,
              "回访满意度“" + text + "”无法识别：请填写 满意、基本满意、不满意 或 未回访"));
      return Satisfaction.NOT_REVISITED;
    }
    return read.get();
  }

  static Optional<Satisfaction> readSatisfaction(String raw) {
    String text = raw.replaceAll("[\\s\u3000]", "");
    if (text.isEmpty() || text.matches("[/／\\-—–]+|无|暂无|空")) {
      return Optional.of(Satisfaction.NOT_REVISITED);
    }
    if (text.matches(".*(不满意|不太满意|很不满意|非常不满意|^否$|^差$).*")) {
      return Optional.of(Satisfaction.DISSATISFIED);
    }
    if (text.matches(".*(基本满意|比较满意|较满意|一般).*")) {
      return Optional.of(Satisfaction.BASICALLY_SATISFIED);
    }
    if (text.matches(".*(未回访|未评价|无法联系|联系不上|未接通|无人接听|拒绝评价|不需回访|无需回访|未回复).*")) {
      return Optional.of(Satisfaction.NOT_REVISITED);
    }
    if (text.matches(".*(满意|^是$|^好$|^优$|^良好$).*")) {
      return Optional.of(Satisfaction.SATISFIED);
    }
    return Optional.empty();
  }

  private int meetings(int number, List<RawCell> cells, String text) {
    if (layout.has(LedgerColumn.MEETINGS)) {
      return count(number, cells, LedgerColumn.MEETINGS, "多方联动会议次数");
    }
    int count = 0;
    Matcher m = MEETING.matcher(text);
    while (m.find()) {
      count += m.group(1) == null ? 1 : chineseNumber(m.group(1));
    }
    if (count > 0) {
      meetingsFromText = true;
    }
    return count;
  }

  private int solved(
      int number, List<RawCell> cells, Optional<ComplaintKind> kind, boolean closed) {
    if (layout.has(LedgerColumn.SOLVED)) {
      return count(number, cells, LedgerColumn.SOLVED, "解决困难数");
    }
    if (closed && kind.filter(k -> k == ComplaintKind.DIFFICULTY).isPresent()) {
      solvedAssumed = true;
      return 1;
    }
    return 0;
  }

  /** A whole number of times in a count column: blank is 0, 是 is 1, 否 is 0. */
  private int count(int number, List<RawCell> cells, LedgerColumn column, String what) {
    RawCell cell = layout.cell(cells, column);
    String text = cell.text().strip().replaceAll("[次个件项\\s]", "");
    if (cell.isBlank() || text.isEmpty() || text.matches("[/／\\-—–]+|否|无")) {
      return 0;
    }
    if (text.equals("是")) {
      return 1;
    }
    try {
      BigDecimal value = new BigDecimal(text);
      if (value.signum() >= 0
          && value.stripTrailingZeros().scale() <= 0
          && value.compareTo(BigDecimal.valueOf(1000)) < 0) {
        return value.intValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      if (text.length() == 1 && "一二两三四五六七八九十".contains(text)) {
        return chineseNumber(text);
      }
    }
    add(
        finding(
            FindingCode.COUNT_INVALID,
            number,
            layout.heading(column),
            cell.text(),
            what + "“" + cell.text() + "”应为不小于 0 的整数（没有请填 0 或留空）"));
    return 0;
  }

  private boolean duplicate(
      int number, String regNumber, LocalDate receivedOn, ComplaintKind kind, String summary) {
    String here = "工作表“" + sheet + "”第 " + number + " 行";
    if (!regNumber.isEmpty()) {
      String earlier = byNumber.putIfAbsent(regNumber, here);
      if (earlier != null) {
        add(
            finding(
                FindingCode.CASE_DUPLICATE,
                number,
                layout.heading(LedgerColumn.NUMBER),
                regNumber,
                "登记编号 " + regNumber + " 与" + earlier + "相同：同一案件只登记一行，请删除重复行或改正编号"));
        return true;
      }
    }
    String content = summary.replaceAll("[\\s\u3000，。,.;；:：、]", "");
    if (!content.isEmpty()) {
      String earlier = byContent.putIfAbsent(receivedOn + "|" + kind + "|" + content, here);
      if (earlier != null) {
        add(
            finding(
                FindingCode.CASE_DUPLICATE,
                number,
                layout.heading(LedgerColumn.SUMMARY),
                summary,
                "与" + earlier + "的受理时间、诉求类别和诉求内容都相同，像是同一案件登记了两次：请删除重复行，或在内容中写明区别"));
        return true;
      }
    }
    return false;
  }

  private boolean cellReadable(int number, String heading, RawCell cell) {
    if (cell.kind() == RawCell.Kind.ERROR) {
      add(
          finding(
              FindingCode.CELL_ERROR,
              number,
              heading,
              cell.text(),
              "单元格是错误值 " + cell.text() + "：请改为日期"));
      return false;
    }
    if (cell.kind() == RawCell.Kind.UNCALCULATED) {
      add(
          finding(
              FindingCode.FORMULA_NOT_CALCULATED,
              number,
              heading,
              cell.text(),
              "公式没有计算结果：请在 Excel 或 WPS 中打开并保存后重新上传"));
      return false;
    }
    return true;
  }

  private void noteMonthDay(RawCell cell) {
    if (cell.kind() == RawCell.Kind.TEXT
        && !cell.text().matches(".*(19|20)\\d{2}.*")
        && !cell.text().matches("\\s*\\d{2}\\s*[-/.．年].*")) {
      monthDayAssumed = true;
    }
  }

  private static boolean openWords(String text) {
    return OPEN_WORDS.matcher(text).find();
  }

  private static int chineseNumber(String text) {
    int i = "一二三四五六七八九十".indexOf(text);
    if (text.equals("两")) {
      return 2;
    }
    if (i >= 0) {
      return i + 1;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private void setAside(int number, String text) {
    setAsideCount++;
    if (setAside.size() < MAX_NOTED_ROWS) {
      String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
      setAside.add("工作表“" + sheet + "”第 " + number + " 行“" + shown + "”");
    }
  }

  private Finding finding(FindingCode code, int row, String column, String value, String message) {
    return new Finding(code, sheet, row, column, value, message);
  }

  private void add(Finding finding) {
    findingCount++;
    if (findings.size() < KEPT_FINDINGS) {
      findings.add(finding);
    }
  }

  private static Optional<String> optional(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static boolean allBlank(List<RawCell> cells) {
    for (RawCell cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String joined(List<RawCell> cells) {
    StringBuilder text = new StringBuilder();
    for (RawCell cell : cells) {
      if (!cell.isBlank()) {
        text.append(cell.text().strip());
      }
    }
    return text.toString();
  }

  /** A row made of headings only (the lower row of a two-row heading): text, no dates. */
  private static boolean looksLikeHeading(List<RawCell> cells) {
    boolean names = false;
    for (RawCell cell : cells) {
      if (cell.isBlank()) {
        continue;
      }
      if (cell.kind() != RawCell.Kind.TEXT || LedgerDates.parse(cell.text(), 2000).isPresent()) {
        return false;
      }
      names |= LedgerColumn.of(cell.text()).isPresent();
    }
    return names;
  }

  // ---------------------------------------------------------------- the heading

  /** Which column holds what. Text columns may appear more than once: their texts are joined. */
  static final class Layout {
    private static final List<LedgerColumn> JOINED =
        List.of(
            LedgerColumn.SUMMARY,
            LedgerColumn.HANDLING,
            LedgerColumn.NOTES,
            LedgerColumn.DEPARTMENT,
            LedgerColumn.IGNORED);

    private final Map<LedgerColumn, List<Integer>> index;
    private final Map<LedgerColumn, String> headings;
    private final List<String> duplicates;

    private Layout(
        Map<LedgerColumn, List<Integer>> index,
        Map<LedgerColumn, String> headings,
        List<String> duplicates) {
      this.index = index;
      this.headings = headings;
      this.duplicates = duplicates;
    }

    /**
     * The layout if {@code row} is a heading row: it names 受理时间 and one of 诉求类别, 诉求内容 or 登记编号, and
     * three columns in all. {@code above} is the row before: merged cells there group the headings
     * below them (办理情况 → 办理结果 | 办结时间), or stand for a blank heading below.
     */
    static Optional<Layout> detect(List<RawCell> above, List<RawCell> row) {
      Map<LedgerColumn, List<Integer>> index = new EnumMap<>(LedgerColumn.class);
      Map<LedgerColumn, String> headings = new EnumMap<>(LedgerColumn.class);
      List<String> duplicates = new ArrayList<>();
      String parent = "";
      int width = Math.max(row.size(), above.size());
      int named = 0;
      for (int c = 0; c < width; c++) {
        String exactAbove = text(above, c);
        if (!exactAbove.isEmpty()) {
          parent = exactAbove;
        } else if (c < above.size() && !above.get(c).isBlank()) {
          parent = "";
        }
        String child = text(row, c);
        Optional<LedgerColumn> column = child.isEmpty() ? Optional.empty() : LedgerColumn.of(child);
        String heading = child;
        if (column.isEmpty() && !parent.isEmpty() && !child.isEmpty()) {
          String group = parent;
          column = LedgerColumn.of(group + child).or(() -> LedgerColumn.of(child + group));
          heading = parent + child;
        }
        if (column.isEmpty() && child.isEmpty() && !exactAbove.isEmpty()) {
          column = LedgerColumn.of(exactAbove);
          heading = exactAbove;
        }
        if (column.isEmpty()) {
          continue;
        }
        LedgerColumn found = column.get();
        if (index.containsKey(found) && !JOINED.contains(found)) {
          duplicates.add(heading);
          continue;
        }
        index.computeIfAbsent(found, k -> new ArrayList<>()).add(c);
        headings.putIfAbsent(found, heading);
        if (found != LedgerColumn.IGNORED) {
          named++;
        }
      }
      boolean enough =
          index.containsKey(LedgerColumn.RECEIVED)
              && (index.containsKey(LedgerColumn.KIND)
                  || index.containsKey(LedgerColumn.SUMMARY)
                  || index.containsKey(LedgerColumn.NUMBER))
              && named >= 3;
      return enough
          ? Optional.of(new Layout(index, headings, List.copyOf(duplicates)))
          : Optional.empty();
    }

    private static String text(List<RawCell> cells, int c) {
      return c < cells.size() && cells.get(c).kind() == RawCell.Kind.TEXT
          ? cells.get(c).text().strip()
          : "";
    }

    int size() {
      return index.size();
    }

    List<String> duplicates() {
      return duplicates;
    }

    boolean has(LedgerColumn column) {
      return index.containsKey(column);
    }

    /** The ledger's own heading of a column, for findings. */
    String heading(LedgerColumn column) {
      return headings.getOrDefault(column, column.heading());
    }

    RawCell cell(List<RawCell> cells, LedgerColumn column) {
      List<Integer> at = index.get(column);
      if (at == null) {
        return RawCell.BLANK;
      }
      int i = at.get(0);
      return i < cells.size() ? cells.get(i) : RawCell.BLANK;
    }

    String text(List<RawCell> cells, LedgerColumn column) {
      return cell(cells, column).text().strip();
    }

    /** The texts of every column of this kind, joined. */
    String joined(List<RawCell> cells, LedgerColumn column) {
      List<Integer> at = index.get(column);
      if (at == null) {
        return "";
      }
      StringBuilder text = new StringBuilder();
      for (int i : at) {
        if (i < cells.size() && !cells.get(i).isBlank()) {
          if (text.length() > 0) {
            text.append("；");
          }
          text.append(cells.get(i).text().strip());
        }
      }
      return text.toString();
    }

    /** The heading row repeated (as printed at the top of every page). */
    boolean isHeadingAgain(List<RawCell> cells) {
      RawCell received = cell(cells, LedgerColumn.RECEIVED);
      return received.kind() == RawCell.Kind.TEXT
          && LedgerColumn.of(received.text()).filter(c -> c == LedgerColumn.RECEIVED).isPresent();
    }
  }
}
