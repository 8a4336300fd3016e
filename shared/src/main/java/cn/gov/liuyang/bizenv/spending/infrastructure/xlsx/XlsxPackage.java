package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An xlsx file opened as the zip package it is, distrusted: the central directory is checked for
 * zip-bomb shapes before anything is inflated, and every part is read through a counter that
 * refuses once the part, or all parts together, inflate beyond their budget or ratio, whatever the
 * directory claimed. Parts that are never read (images, printer settings) cost nothing.
 *
 * <p>It also bounds what the XML parser can be made to hold at once: no run of bytes between two
 * {@code <} may exceed {@link Limits#maxTokenBytes()}. In UTF-8 the byte {@code <} is always the
 * character, so every text node, tag and attribute value is bounded by it; CDATA, which may hold
 * {@code <}, is refused where text is kept ({@link XmlCursor}). Only the ends of each chunk are
 * scanned, so this costs next to nothing.
 */
final class XlsxPackage implements Closeable {
  /** How much a package may hold before it is refused as no unit's ledger. */
  record Limits(
      int maxParts, long maxPartBytes, long maxTotalBytes, long maxRatio, int maxTokenBytes) {
    static final Limits UPLOADS = new Limits(1_000, 200L << 20, 400L << 20, 150, 1 << 20);
  }

  /** Ratios are judged only above this size: small parts of repeated markup compress well. */
  private static final long RATIO_FLOOR = 1L << 20;

  private final ZipFile zip;
  private final Limits limits;
  private final Map<String, ZipEntry> caseInsensitive = new HashMap<>();
  private long inflated;

  private XlsxPackage(ZipFile zip, Limits limits) {
    this.zip = zip;
    this.limits = limits;
  }

  /** Opens {@code file}, or throws {@link UnreadableWorkbook} for a damaged or suspicious zip. */
  static XlsxPackage open(Path file, Limits limits) {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "工作簿已损坏，无法解压：请重新保存后上传");
    }
    XlsxPackage opened = new XlsxPackage(zip, limits);
    try {
      opened.checkDirectory();
      return opened;
    } catch (RuntimeException refused) {
      opened.close();
      throw refused;
    }
  }

  private void checkDirectory() {
    if (zip.size() > limits.maxParts()) {
      throw suspicious("压缩包内含 " + zip.size() + " 个部件，远超正常工作簿");
    }
    long declaredTotal = 0;
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry entry = entries.nextElement();
      caseInsensitive.putIfAbsent(entry.getName().toLowerCase(Locale.ROOT), entry);
      long size = Math.max(entry.getSize(), 0);
      declaredTotal += size;
      checkBudget(size, entry.getCompressedSize(), declaredTotal);
    }
  }

  /** Whether the package has the part, by OPC rules: names are case-insensitive. */
  boolean contains(String partName) {
    return entry(partName).isPresent();
  }

  /**
   * The part's inflated bytes, counted against the budgets as they are read.
   *
   * @throws UnreadableWorkbook when the part is missing
   */
  InputStream part(String partName) {
    ZipEntry entry =
        entry(partName)
            .orElseThrow(
                () ->
                    new UnreadableWorkbook(
                        FindingCode.WORKBOOK_UNREADABLE,
                        "工作簿缺少部件 " + partName + "（文件可能已损坏）：请用 Excel 或 WPS 重新保存后上传"));
    try {
      return new BudgetedPart(zip.getInputStream(entry), entry.getCompressedSize());
    } catch (IOException | RuntimeException e) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "工作簿已损坏，无法解压：请重新保存后上传");
    }
  }

  private Optional<ZipEntry> entry(String partName) {
    String name = partName.startsWith("/") ? partName.substring(1) : partName;
    ZipEntry exact = zip.getEntry(name);
    if (exact != null && !exact.isDirectory()) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(caseInsensitive.get(name.toLowerCase(Locale.ROOT)))
        .filter(entry -> !entry.isDirectory());
  }

  private void checkBudget(long partBytes, long compressed, long totalBytes) {
    if (partBytes > limits.maxPartBytes() || totalBytes > limits.maxTotalBytes()) {
      throw suspicious("解压后体积过大（超过 " + (limits.maxPartBytes() >> 20) + " MB），疑似压缩炸弹");
    }
    if (partBytes > RATIO_FLOOR && partBytes / Math.max(compressed, 1) > limits.maxRatio()) {
      throw suspicious("压缩比异常（超过 " + limits.maxRatio() + " 倍），疑似压缩炸弹");
    }
  }

  static UnreadableWorkbook suspicious(String why) {
    return new UnreadableWorkbook(FindingCode.ARCHIVE_SUSPICIOUS, "文件被拒绝：" + why + "。请上传正常保存的工作簿");
  }

  @Override
  public void close() {
    try {
      zip.close();
    } catch (IOException ignored) {
      // read-only: nothing is lost when closing fails
    }
  }

  /** Counts what one part inflates to, and stops it at the budget. */
  private final class BudgetedPart extends FilterInputStream {
    private final long compressed;
    private long partBytes;

    /** bytes since the last {@code <} */
    private long run;

    private final byte[] one = new byte[1];

    BudgetedPart(InputStream in, long compressed) {
      super(in);
      this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
      // through the counted, measured path like every other read
      int n = read(one, 0, 1);
      return n <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = super.read(buffer, offset, length);
      } catch (ZipException damaged) {
        throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "工作簿已损坏，无法解压：请重新保存后上传");
      }
      if (n > 0) {
        count(n);
        measureTokens(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // skipping inflates too, so it is read and counted like everything else
      byte[] discard = new byte[(int) Math.min(n, 8192)];
      int read = read(discard, 0, discard.length);
      return Math.max(read, 0);
    }

    /**
     * Runs wholly inside the chunk are shorter than the chunk: only the bytes before its first
     * {@code <} extend the run from earlier chunks, and only those after its last one start the
     * next.
     */
    private void measureTokens(byte[] buffer, int offset, int length) {
      int end = offset + length;
      int first = offset;
      while (first < end && buffer[first] != '<') {
        first++;
      }
      run += first - offset;
      if (run > limits.maxTokenBytes()) {
        throw suspicious("XML 中有超过 " + (limits.maxTokenBytes() >> 20) + " MB 的单个文本或标签");
      }
      if (first < end) {
        int last = end - 1;
        while (buffer[last] != '<') {
          last--;
        }
        run = end - 1 - last;
      }
    }

    private void count(int n) {
      partBytes += n;
      inflated += n;
      checkBudget(partBytes, compressed, inflated);
    }
  }
}
