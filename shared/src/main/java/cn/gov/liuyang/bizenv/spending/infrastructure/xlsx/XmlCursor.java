package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader over one part that refuses what no spreadsheet needs and an attacker would: a DTD
 * (entity expansion, external entities) and deep nesting. It tracks the element depth itself, so
 * the check costs an increment per element.
 */
final class XmlCursor implements AutoCloseable {
  static final int MAX_DEPTH = 64;

  private final XMLStreamReader xml;
  private int depth;

  private XmlCursor(XMLStreamReader xml) {
    this.xml = xml;
  }

  /** A parser that never reads a DTD or an external entity: the DTD itself is refused on sight. */
  static XMLInputFactory safeFactory(XMLInputFactory factory) {
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entity refused");
        });
    return factory;
  }

  /**
   * Opens a part written in UTF-8 (what Excel, WPS and every other writer use): {@link
   * XlsxPackage}'s token bound relies on it.
   */
  static XmlCursor open(XMLInputFactory factory, InputStream part) throws XMLStreamException {
    XMLStreamReader xml = factory.createXMLStreamReader(part);
    String encoding = xml.getEncoding();
    if (encoding != null
        && !encoding.equalsIgnoreCase("UTF-8")
        && !encoding.equalsIgnoreCase("US-ASCII")) {
      xml.close();
      throw new UnreadableWorkbook(
          FindingCode.WORKBOOK_UNREADABLE,
          "工作簿的 XML 不是 UTF-8 编码（" + encoding + "），不是 Excel 或 WPS 保存的文件：请用 Excel 或 WPS 重新保存后上传");
    }
    return new XmlCursor(xml);
  }

  /** The next event, as {@link XMLStreamReader#next()}. */
  int next() throws XMLStreamException {
    int event = xml.next();
    if (event == XMLStreamConstants.START_ELEMENT) {
      if (++depth > MAX_DEPTH) {
        throw XlsxPackage.suspicious("XML 嵌套超过 " + MAX_DEPTH + " 层");
      }
    } else if (event == XMLStreamConstants.END_ELEMENT) {
      depth--;
    } else if (event == XMLStreamConstants.DTD) {
      throw XlsxPackage.suspicious("XML 中含有 DTD 声明");
    }
    return event;
  }

  boolean hasNext() throws XMLStreamException {
    return xml.hasNext();
  }

  /** Depth of the current element: 1 for the root. */
  int depth() {
    return depth;
  }

  String localName() {
    return xml.getLocalName();
  }

  /** An attribute without a namespace, or null. */
  String attribute(String localName) {
    return xml.getAttributeValue(null, localName);
  }

  int attributeCount() {
    return xml.getAttributeCount();
  }

  /**
   * The local name of the {@code i}th attribute, if it has no namespace; "" otherwise. By index,
   * because a lookup by name hashes the name on every call, and this runs for every cell.
   */
  String plainAttributeName(int i) {
    String namespace = xml.getAttributeNamespace(i);
    return namespace == null || namespace.isEmpty() ? xml.getAttributeLocalName(i) : "";
  }

  String attributeValue(int i) {
    return xml.getAttributeValue(i);
  }

  /** An attribute in any namespace (such as {@code r:id}), or null. */
  String namespacedAttribute(String localName) {
    for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
      String namespace = xml.getAttributeNamespace(i);
      if (namespace != null
          && !namespace.isEmpty()
          && localName.equals(xml.getAttributeLocalName(i))) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  /**
   * The text of the current, text-only element; leaves the cursor on its end tag. CDATA is refused
   * rather than read: it may hold {@code <}, so its length is not bounded by {@link XlsxPackage}.
   */
  String elementText() throws XMLStreamException {
    String text = "";
    StringBuilder pieces = null;
    while (true) {
      switch (next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
          if (text.isEmpty()) {
            text = xml.getText();
          } else {
            pieces = pieces == null ? new StringBuilder(text) : pieces;
            pieces.append(xml.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return pieces == null ? text : pieces.toString();
        }
        case XMLStreamConstants.CDATA ->
            throw new UnreadableWorkbook(
                FindingCode.WORKBOOK_UNREADABLE,
                "工作簿的 XML 含有 CDATA 段，不是 Excel 或 WPS 保存的文件：请用 Excel 或 WPS 重新保存后上传");
        case XMLStreamConstants.START_ELEMENT ->
            throw new XMLStreamException("text-only element holds an element");
        default -> {
          // comments and processing instructions are not text
        }
      }
    }
  }

  /** Skips the current element and everything in it; leaves the cursor on its end tag. */
  void skipElement() throws XMLStreamException {
    int until = depth - 1;
    while (depth > until) {
      next();
    }
  }

  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }
}
