package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an xlsx package before a reader trusts it: few parts, bounded inflated size and ratio (zip
 * bombs), no DTD (entity expansion) and bounded XML nesting. It inflates every part once through a
 * small buffer, so memory stays constant whatever the file claims.
 */
final class XlsxZipGuard {
  static final int MAX_ENTRIES = 1_000;
  static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 400L * 1024 * 1024;
  static final long MAX_RATIO = 150;
  static final int MAX_DEPTH = 64;
  private static final byte[] DOCTYPE =
      "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private XlsxZipGuard() {}

  /** Throws {@link UnreadableWorkbook} unless {@code file} is a workbook package safe to read. */
  static void check(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.size() > MAX_ENTRIES) {
        throw suspicious("压缩包内含 " + zip.size() + " 个部件，远超正常工作簿");
      }
      if (zip.getEntry("xl/workbook.xml") == null) {
        throw new UnreadableWorkbook(
            FindingCode.NOT_A_SPREADSHEET, "文件是压缩包（或 Word/PowerPoint 文档），不是 Excel 工作簿（.xlsx）");
      }
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        total += inspect(zip, entry, buffer, MAX_TOTAL_BYTES - total);
      }
    } catch (ZipException damaged) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "工作簿已损坏，无法解压：请重新保存后上传");
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "工作簿无法读取：请重新保存后上传");
    }
  }

  private static long inspect(ZipFile zip, ZipEntry entry, byte[] buffer, long budget)
      throws IOException {
    boolean xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
    long compressed = Math.max(entry.getCompressedSize(), 1);
    long inflated = 0;
    XmlShape shape = new XmlShape();
    try (InputStream in = zip.getInputStream(entry)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        inflated += n;
        if (inflated > MAX_ENTRY_BYTES || inflated > budget) {
          throw suspicious("解压后体积过大（超过 " + (MAX_ENTRY_BYTES >> 20) + " MB），疑似压缩炸弹");
        }
        if (inflated > 1024 * 1024 && inflated / compressed > MAX_RATIO) {
          throw suspicious("压缩比异常（超过 " + MAX_RATIO + " 倍），疑似压缩炸弹");
        }
        if (xml) {
          shape.scan(buffer, n);
        }
      }
    }
    return inflated;
  }

  private static UnreadableWorkbook suspicious(String why) {
    return new UnreadableWorkbook(FindingCode.ARCHIVE_SUSPICIOUS, "文件被拒绝：" + why + "。请上传正常保存的工作簿");
  }

  /** Tracks element depth and looks for a DTD, byte by byte, without building anything. */
  private static final class XmlShape {
    private static final int OUTSIDE = 0;
    private static final int TAG_START = 1;
    private static final int OPEN_TAG = 2;

    /** a closing tag, comment or processing instruction */
    private static final int OTHER_TAG = 3;

    /** after "<!": a comment, CDATA or a DTD */
    private static final int DECLARATION = 4;

    private int state = OUTSIDE;
    private byte quote;
    private byte previous;
    private int depth;
    private int declarationMatched;

    void scan(byte[] bytes, int length) {
      // locals, written back at the end: this loop sees every byte of every part
      int state = this.state;
      byte quote = this.quote;
      byte previous = this.previous;
      int depth = this.depth;
      int declarationMatched = this.declarationMatched;
      int i = 0;
      while (i < length) {
        byte b = bytes[i++];
        switch (state) {
          case OUTSIDE -> {
            if (b == '<') {
              state = TAG_START;
            }
          }
          case TAG_START -> {
            if (b == '/') {
              depth = Math.max(0, depth - 1);
              state = OTHER_TAG;
            } else if (b == '!') {
              declarationMatched = 2;
              state = DECLARATION;
            } else if (b == '?') {
              state = OTHER_TAG;
            } else {
              state = OPEN_TAG;
              if (++depth > MAX_DEPTH) {
                throw suspicious("XML 嵌套超过 " + MAX_DEPTH + " 层");
              }
            }
          }
          case OPEN_TAG -> {
            if (quote != 0) {
              if (b == quote) {
                quote = 0;
              }
            } else if (b == '"' || b == '\'') {
              quote = b;
            } else if (b == '>') {
              if (previous == '/') {
                depth--;
              }
              state = OUTSIDE;
            }
          }
          case DECLARATION -> {
            if (declarationMatched < DOCTYPE.length && b == DOCTYPE[declarationMatched]) {
              if (++declarationMatched == DOCTYPE.length) {
                throw suspicious("XML 中含有 DTD 声明");
              }
            } else {
              declarationMatched = DOCTYPE.length + 1;
              if (b == '>') {
                state = OUTSIDE;
              }
            }
          }
          default -> {
            if (b == '>') {
              state = OUTSIDE;
            }
          }
        }
        previous = b;
      }
      this.state = state;
      this.quote = quote;
      this.previous = previous;
      this.depth = depth;
      this.declarationMatched = declarationMatched;
    }
  }
}
