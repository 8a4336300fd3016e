package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.report.model.ReportDocument;
import java.util.SortedSet;

/** Typesets a report document as a PDF, the same bytes for the same document. */
public interface ReportRenderer {

  /** The layout's revision; a new layout gives new reports even for unchanged inputs. */
  String layoutVersion();

  RenderedReport render(ReportDocument document);

  /**
   * The PDF, and the characters of the document the font cannot show (as strings, one code point
   * each); a report with any of them is not published.
   */
  record RenderedReport(byte[] pdf, SortedSet<String> unrenderable) {}
}
