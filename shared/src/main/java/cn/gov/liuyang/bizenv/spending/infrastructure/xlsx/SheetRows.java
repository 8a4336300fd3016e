package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Streams one worksheet's {@code sheetData}, row by row, as {@link RawCell}s: numbers keep the
 * digits the file stores (no binary floating point, no {@code BigDecimal} until a rule wants one),
 * formula cells give the value the spreadsheet computed, and what follows {@code sheetData}
 * (merges, print settings) is not read at all.
 */
final class SheetRows {
  /** Excel's last column, XFD. */
  static final int MAX_COLUMNS = 16_384;

  /** Receives each row; the row's list is the reader's until the call returns. */
  interface Rows {
    /** False to stop reading. */
    boolean row(int number, List<RawCell> cells);
  }

  private final XmlCursor xml;
  private final SharedStrings strings;

  private SheetRows(XmlCursor xml, SharedStrings strings) {
    this.xml = xml;
    this.strings = strings;
  }

  static void stream(XmlCursor xml, SharedStrings strings, Rows rows) throws XMLStreamException {
    new SheetRows(xml, strings).stream(rows);
  }

  private void stream(Rows rows) throws XMLStreamException {
    List<RawCell> cells = new ArrayList<>();
    int rowNumber = 0;
    int column = 0;
    String type = null;
    String value = null;
    String formula = null;
    boolean inSheetData = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.localName()) {
          case "sheetData" -> inSheetData = true;
          case "row" -> {
            if (inSheetData) {
              rowNumber = number(xml.attribute("r"), rowNumber + 1);
              cells = new ArrayList<>(Math.max(cells.size(), 8));
              column = 0;
            }
          }
          case "c" -> {
            String reference = null;
            type = null;
            for (int i = 0, n = xml.attributeCount(); i < n; i++) {
              String name = xml.plainAttributeName(i);
              if (name.equals("r")) {
                reference = xml.attributeValue(i);
              } else if (name.equals("t")) {
                type = xml.attributeValue(i);
              }
            }
            column = column(reference, column);
            value = null;
            formula = null;
          }
          case "v" -> value = xml.elementText();
          case "f" -> formula = xml.elementText();
          case "is" -> value = inlineText();
          default -> {
            // cols, sheetViews, extLst…: nothing a row needs
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        switch (xml.localName()) {
          case "c" -> {
            put(cells, column, cell(type, value, formula));
            column++;
          }
          case "row" -> {
            if (!rows.row(rowNumber, cells)) {
              return;
            }
          }
          case "sheetData" -> {
            return;
          }
          default -> {
            // nothing to finish
          }
        }
      }
    }
  }

  private RawCell cell(String type, String value, String formula) {
    boolean missing = value == null || value.isEmpty();
    if (missing && formula != null) {
      return new RawCell(RawCell.Kind.UNCALCULATED, formula.isEmpty() ? "=…" : "=" + formula);
    }
    if (missing) {
      return RawCell.BLANK;
    }
    if (type == null || type.equals("n")) {
      return isNumber(value) ? RawCell.number(value) : RawCell.text(value);
    }
    return switch (type) {
      case "s" -> strings.cellAt(value);
      case "e" -> new RawCell(RawCell.Kind.ERROR, value);
      // str (a formula's text), inlineStr, b (0 or 1), d (an ISO 8601 date)
      default -> RawCell.text(value);
    };
  }

  /** The text of an inline string: its runs joined, phonetic guides left out. */
  private String inlineText() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int end = xml.depth() - 1;
    while (xml.depth() > end) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        if ("t".equals(xml.localName())) {
          text.append(xml.elementText());
        } else if ("rPh".equals(xml.localName())) {
          xml.skipElement();
        }
      }
    }
    return text.toString();
  }

  private static void put(List<RawCell> cells, int column, RawCell cell) {
    if (column < cells.size()) {
      cells.set(column, cell);
      return;
    }
    while (cells.size() < column) {
      cells.add(RawCell.BLANK);
    }
    cells.add(cell);
  }

  /** The row number in {@code r}, or the next one when a writer left it out. */
  private static int number(String r, int next) {
    if (r == null) {
      return next;
    }
    int number = 0;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (c < '0' || c > '9' || number > 10_000_000) {
        throw damaged("行号“" + r + "”");
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }

  /** The 0-based column of a reference such as {@code AB12}, or the next one without it. */
  static int column(String reference, int next) {
    if (reference == null) {
      return next;
    }
    int column = 0;
    int i = 0;
    for (; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
      if (column > MAX_COLUMNS) {
        throw damaged("单元格地址“" + reference + "”");
      }
    }
    if (i == 0) {
      throw damaged("单元格地址“" + reference + "”");
    }
    return column - 1;
  }

  /** What Excel stores for a number: optional sign, digits, optional fraction and exponent. */
  static boolean isNumber(String text) {
    int i = 0;
    int length = text.length();
    if (text.charAt(0) == '-' || text.charAt(0) == '+') {
      i++;
    }
    int digits = 0;
    while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int exponent = 0;
      while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == length;
  }

  private static UnreadableWorkbook damaged(String what) {
    return new UnreadableWorkbook(
        FindingCode.WORKBOOK_UNREADABLE, "工作表中的" + what + "无效（文件可能已损坏）：请用 Excel 或 WPS 重新保存后上传");
  }
}
