package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * The workbook's shared-string table, which text cells point into by index. Rich text runs are
 * joined; phonetic guides ({@code rPh}) are not part of the text. It is held in memory, so it has a
 * budget: a ledger repeats a few thousand names, not millions of distinct texts.
 */
final class SharedStrings {
  static final int MAX_STRINGS = 1_000_000;
  static final long MAX_CHARS = 16L << 20;
  static final SharedStrings NONE = new SharedStrings(List.of());

  /** as cells, made once: a ledger's text cells are mostly the same few strings */
  private final List<RawCell> cells;

  private SharedStrings(List<RawCell> cells) {
    this.cells = cells;
  }

  static SharedStrings read(InputStream part, XMLInputFactory factory)
      throws XMLStreamException, IOException {
    List<RawCell> strings = new ArrayList<>();
    long chars = 0;
    StringBuilder text = new StringBuilder();
    try (part;
        XmlCursor xml = XmlCursor.open(factory, part)) {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.localName()) {
            case "si" -> text.setLength(0);
            case "t" -> text.append(xml.elementText());
            case "rPh" -> xml.skipElement();
            default -> {
              // run properties and the like: their text, if any, is not the cell's
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT && "si".equals(xml.localName())) {
          chars += text.length();
          if (strings.size() >= MAX_STRINGS || chars > MAX_CHARS) {
            throw XlsxPackage.suspicious(
                "共享文本超过 " + MAX_STRINGS + " 条或 " + (MAX_CHARS >> 20) + "M 字");
          }
          strings.add(RawCell.text(text.toString()));
        }
      }
    }
    return new SharedStrings(strings);
  }

  /** The cell whose shared text is at {@code index}, as a cell of type {@code s} stores it. */
  RawCell cellAt(String index) {
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      i = -1;
    }
    if (i < 0 || i >= cells.size()) {
      throw new UnreadableWorkbook(
          FindingCode.WORKBOOK_UNREADABLE, "工作簿的文本表与单元格不一致（文件可能已损坏）：请用 Excel 或 WPS 重新保存后上传");
    }
    return cells.get(i);
  }
}
