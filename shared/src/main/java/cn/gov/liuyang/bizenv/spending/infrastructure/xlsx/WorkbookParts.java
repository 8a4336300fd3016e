package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Where a package keeps its workbook, worksheets (in the workbook's order, with their names) and
 * shared strings, found through the package's relationships as OPC defines them. Relationship types
 * are matched by their last segment, so Strict OOXML files read like transitional ones.
 */
record WorkbookParts(List<Sheet> sheets, Optional<String> sharedStrings) {
  private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";

  /** A worksheet: the name on its tab and its part in the package. */
  record Sheet(String name, String partName) {}

  private record Relationship(String type, String target) {}

  static WorkbookParts read(XlsxPackage pkg, XMLInputFactory factory)
      throws XMLStreamException, IOException {
    String workbook =
        relationships(pkg, factory, "").values().stream()
            .filter(r -> r.type().endsWith("/officeDocument"))
            .map(Relationship::target)
            .findFirst()
            .orElse(DEFAULT_WORKBOOK);
    if (!pkg.contains(workbook)) {
      throw new UnreadableWorkbook(
          FindingCode.NOT_A_SPREADSHEET, "文件是压缩包（或 Word/PowerPoint 文档），不是 Excel 工作簿（.xlsx）");
    }
    Map<String, Relationship> related = relationships(pkg, factory, workbook);
    List<Sheet> sheets = new ArrayList<>();
    try (InputStream in = pkg.part(workbook);
        XmlCursor xml = XmlCursor.open(factory, in)) {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(xml.localName())) {
          Relationship sheet = related.get(xml.namespacedAttribute("id"));
          String name = xml.attribute("name");
          // chart sheets and dialog sheets hold no rows
          if (sheet != null
              && sheet.type().endsWith("/worksheet")
              && pkg.contains(sheet.target())) {
            sheets.add(new Sheet(name == null ? "" : name, sheet.target()));
          }
        }
      }
    }
    Optional<String> sharedStrings =
        related.values().stream()
            .filter(r -> r.type().endsWith("/sharedStrings") && pkg.contains(r.target()))
            .map(Relationship::target)
            .findFirst();
    return new WorkbookParts(List.copyOf(sheets), sharedStrings);
  }

  /** The relationships of {@code source} ("" for the package itself), by id; none if absent. */
  private static Map<String, Relationship> relationships(
      XlsxPackage pkg, XMLInputFactory factory, String source)
      throws XMLStreamException, IOException {
    int slash = source.lastIndexOf('/');
    String folder = source.substring(0, slash + 1);
    String relsPart = folder + "_rels/" + source.substring(slash + 1) + ".rels";
    Map<String, Relationship> byId = new HashMap<>();
    if (!pkg.contains(relsPart)) {
      return byId;
    }
    try (InputStream in = pkg.part(relsPart);
        XmlCursor xml = XmlCursor.open(factory, in)) {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT
            && "Relationship".equals(xml.localName())
            && !"External".equals(xml.attribute("TargetMode"))) {
          String id = xml.attribute("Id");
          String type = xml.attribute("Type");
          String target = xml.attribute("Target");
          if (id != null && type != null && target != null) {
            byId.put(id, new Relationship(type, resolve(folder, target)));
          }
        }
      }
    }
    return byId;
  }

  /** A relationship target as a part name: absolute, or relative to the source's folder. */
  static String resolve(String folder, String target) {
    String path = target.startsWith("/") ? target.substring(1) : folder + target;
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.addLast(segment);
      }
    }
    return String.join("/", segments);
  }
}
