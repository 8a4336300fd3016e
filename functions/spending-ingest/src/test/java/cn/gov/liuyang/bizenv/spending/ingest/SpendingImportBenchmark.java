package cn.gov.liuyang.bizenv.spending.ingest;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.application.WorkbookParser;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.ingest.xls.BrokenXlsWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.EconomicCode;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Measures the import (not a test: figures vary by machine). Run as documented in docs/spending.md:
 *
 * <ol>
 *   <li>a generated workbook of {@code lines} lines, read (with the package checks) and validated
 *       in streaming fashion, against the bare read of the same file by a spreadsheet library
 *       (fastexcel-reader) and by our reader alone, and the peak heap while doing it;
 *   <li>the same for a generated .xls of {@code xlsLines} lines (third argument, 0 to skip),
 *       against POI's bare event read;
 *   <li>each file-level refusal of the test corpora (xlsx, CSV and .xls), best of 5;
 *   <li>{@code dbLines} lines written to the local DynamoDB in batches of 25 with retries of
 *       unprocessed items, against a bare batch-write loop of the same items.
 * </ol>
 */
public final class SpendingImportBenchmark {
  private static final int ROUNDS = 5;

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dbLines = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int xlsLines = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    Path file = Files.createTempFile("spending-benchmark-", ".xlsx");
    try {
      generate(file, lines);
      System.out.printf("workbook: %,d lines, %,d bytes%n", lines, Files.size(file));
      long raw = Long.MAX_VALUE;
      long bare = Long.MAX_VALUE;
      long ours = Long.MAX_VALUE;
      long peak = 0;
      int accepted = 0;
      for (int round = 0; round < ROUNDS + 1; round++) {
        // alternate so no side always runs on a warmer JIT
        long t0 = System.nanoTime();
        long cells = rawRead(file);
        long t1 = System.nanoTime();
        long ourCells = bareRead(file);
        long t2 = System.nanoTime();
        System.gc();
        resetPeaks();
        long t3 = System.nanoTime();
        ParsedWorkbook parsed = importRead(file);
        long t4 = System.nanoTime();
        long roundPeak = peakHeap();
        if (round > 0) {
          raw = Math.min(raw, t1 - t0);
          bare = Math.min(bare, t2 - t1);
          ours = Math.min(ours, t4 - t3);
          peak = Math.max(peak, roundPeak);
        }
        accepted = parsed.lines().size();
        if (!parsed.acceptable() || cells == 0 || ourCells != cells) {
          throw new IllegalStateException(
              "generated workbook not read alike ("
                  + cells
                  + " / "
                  + ourCells
                  + " cells): "
                  + parsed.findings());
        }
      }
      System.out.printf(
          "fastexcel-reader alone (yardstick):    %6.0f ms  %,10.0f lines/s%n",
          raw / 1e6, lines / (raw / 1e9));
      System.out.printf(
          "our reader alone (no validation):      %6.0f ms  %,10.0f lines/s  (%.2f x yardstick)%n",
          bare / 1e6, lines / (bare / 1e9), (double) raw / bare);
      System.out.printf(
          "checked read + validate (as deployed): %6.0f ms  %,10.0f lines/s  (%.2f x yardstick,"
              + " %.2f x our reader alone)%n",
          ours / 1e6, accepted / (ours / 1e9), (double) raw / ours, (double) bare / ours);
      System.out.printf(
          "peak heap during import:               %6.1f MB (max heap %d MB)%n",
          peak / 1024.0 / 1024.0, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    } finally {
      Files.deleteIfExists(file);
    }
    if (xlsLines > 0) {
      xls(xlsLines);
    }
    refusals();
    if (dbLines > 0) {
      dynamoDb(dbLines);
    }
    System.exit(0);
  }

  private static long rawRead(Path file) throws Exception {
    long cells = 0;
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        try (Stream<Row> rows = sheet.openStream()) {
          for (Row row : (Iterable<Row>) rows::iterator) {
            for (int i = 0; i < row.getCellCount(); i++) {
              if (row.getCell(i) != null && row.getCell(i).getRawValue() != null) {
                cells++;
              }
            }
          }
        }
      }
    }
    return cells;
  }

  /** Our reader with a sink that only counts, as the yardstick counts. */
  private static long bareRead(Path file) {
    long[] cells = {0};
    SpendingIngestHandler.spreadsheetReader()
        .read(
            file,
            new RowSink() {
              @Override
              public void startSheet(String name) {}

              @Override
              public void row(int number, List<RawCell> row) {
                for (RawCell cell : row) {
                  if (!cell.isBlank()) {
                    cells[0]++;
                  }
                }
              }

              @Override
              public boolean wantsMore() {
                return true;
              }
            });
    return cells[0];
  }

  private static ParsedWorkbook importRead(Path file) {
    WorkbookParser parser =
        new WorkbookParser(new FiscalYear(2021), EconomicClassification.standard());
    SpendingIngestHandler.spreadsheetReader().read(file, parser);
    return parser.result();
  }

  /**
   * The same measurement for an Excel 97–2003 workbook of {@code lines} lines (BIFF8 holds 65,536
   * rows a sheet): POI's bare event read (HSSFEventFactory, every cell value counted) as the
   * yardstick, our reader alone, and the deployed path with its peak heap.
   */
  private static void xls(int lines) throws Exception {
    Path file = Files.createTempFile("spending-benchmark-", ".xls");
    try {
      generateXls(file, lines);
      System.gc();
      System.out.printf("xls workbook: %,d lines, %,d bytes%n", lines, Files.size(file));
      long raw = Long.MAX_VALUE;
      long bare = Long.MAX_VALUE;
      long ours = Long.MAX_VALUE;
      long peak = 0;
      int accepted = 0;
      for (int round = 0; round < ROUNDS + 1; round++) {
        long t0 = System.nanoTime();
        long cells = poiEventRead(file);
        long t1 = System.nanoTime();
        long ourCells = bareRead(file);
        long t2 = System.nanoTime();
        System.gc();
        resetPeaks();
        long t3 = System.nanoTime();
        ParsedWorkbook parsed = importRead(file);
        long t4 = System.nanoTime();
        long roundPeak = peakHeap();
        if (round > 0) {
          raw = Math.min(raw, t1 - t0);
          bare = Math.min(bare, t2 - t1);
          ours = Math.min(ours, t4 - t3);
          peak = Math.max(peak, roundPeak);
        }
        accepted = parsed.lines().size();
        if (!parsed.acceptable() || cells == 0 || ourCells != cells) {
          throw new IllegalStateException(
              "generated .xls not read alike ("
                  + cells
                  + " / "
                  + ourCells
                  + " cells): "
                  + parsed.findings());
        }
      }
      System.out.printf(
          "xls: POI event API alone (yardstick):   %6.0f ms  %,10.0f lines/s%n",
          raw / 1e6, lines / (raw / 1e9));
      System.out.printf(
          "xls: our reader alone (no validation):  %6.0f ms  %,10.0f lines/s  (%.2f x yardstick)%n",
          bare / 1e6, lines / (bare / 1e9), (double) raw / bare);
      System.out.printf(
          "xls: read + validate (as deployed):     %6.0f ms  %,10.0f lines/s  (%.2f x yardstick,"
              + " %.2f x our reader alone)%n",
          ours / 1e6, accepted / (ours / 1e9), (double) raw / ours, (double) bare / ours);
      System.out.printf(
          "xls: peak heap during import:           %6.1f MB (max heap %d MB)%n",
          peak / 1024.0 / 1024.0, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** POI's own streaming read: every record through a listener that counts cell values. */
  private static long poiEventRead(Path file) throws Exception {
    long[] cells = {0};
    HSSFRequest request = new HSSFRequest();
    request.addListenerForAllRecords(
        record -> {
          if (record instanceof NumberRecord
              || record instanceof LabelSSTRecord
              || record instanceof FormulaRecord
              || record instanceof BoolErrRecord
              || record instanceof LabelRecord) {
            cells[0]++;
          }
        });
    try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
      new HSSFEventFactory().processWorkbookEvents(request, container);
    }
    return cells[0];
  }

  /** The template's shape as .xls, written by POI's user model as Excel 2003 would save it. */
  private static void generateXls(Path file, int lines) throws Exception {
    List<String> codes = new ArrayList<>(EconomicClassification.standard().items().keySet());
    codes.removeIf(code -> code.startsWith("301") || code.startsWith("303"));
    Map<String, String> names = EconomicClassification.standard().items();
    try (HSSFWorkbook workbook = new HSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      HSSFSheet info = workbook.createSheet("基本信息");
      Object[][] facts = {
        {"编制数（人）", 12}, {"在职人数（人）", 11}, {"上年三公经费决算数（万元）", 0.8}, {"本年三公经费预算数（万元）", 1.0}
      };
      for (int r = 0; r < facts.length; r++) {
        HSSFRow row = info.createRow(r);
        row.createCell(0).setCellValue((String) facts[r][0]);
        row.createCell(1).setCellValue(((Number) facts[r][1]).doubleValue());
      }
      HSSFSheet sheet = workbook.createSheet("支出明细");
      sheet.createRow(0).createCell(7).setCellValue("单位：元");
      String[] headings = {"年度", "支出类型", "项目名称", "经济分类科目编码", "经济分类科目名称", "预算数", "执行数", "资金来源"};
      HSSFRow heading = sheet.createRow(1);
      for (int c = 0; c < headings.length; c++) {
        heading.createCell(c).setCellValue(headings[c]);
      }
      for (int i = 0; i < lines; i++) {
        String code = codes.get(i % codes.size());
        HSSFRow row = sheet.createRow(i + 2);
        row.createCell(0).setCellValue(2021);
        row.createCell(1).setCellValue("项目支出");
        row.createCell(2).setCellValue("项目" + (i / codes.size()));
        row.createCell(3).setCellValue(code);
        row.createCell(4).setCellValue(names.get(code));
        row.createCell(5).setCellValue((1000 + i % 977) / 100.0);
        row.createCell(6).setCellValue((900 + i % 991) / 100.0);
        row.createCell(7).setCellValue("财政拨款");
      }
      workbook.write(out);
    }
  }

  /** A template-shaped workbook: 基本信息, 单位 line, headings, lines over many projects and items. */
  private static void generate(Path file, int lines) throws Exception {
    List<String> codes = new ArrayList<>(EconomicClassification.standard().items().keySet());
    codes.removeIf(code -> code.startsWith("301") || code.startsWith("303"));
    Map<String, String> names = EconomicClassification.standard().items();
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "benchmark", "1.0");
      Worksheet info = workbook.newWorksheet("基本信息");
      info.value(0, 0, "编制数（人）");
      info.value(0, 1, 12);
      info.value(1, 0, "在职人数（人）");
      info.value(1, 1, 11);
      info.value(2, 0, "上年三公经费决算数（万元）");
      info.value(2, 1, 0.8);
      info.value(3, 0, "本年三公经费预算数（万元）");
      info.value(3, 1, 1.0);
      // one sheet at a time, so the detail sheet can be flushed as it grows
      info.finish();
      Worksheet sheet = workbook.newWorksheet("支出明细");
      sheet.value(0, 7, "单位：元");
      String[] headings = {"年度", "支出类型", "项目名称", "经济分类科目编码", "经济分类科目名称", "预算数", "执行数", "资金来源"};
      for (int c = 0; c < headings.length; c++) {
        sheet.value(1, c, headings[c]);
      }
      for (int i = 0; i < lines; i++) {
        int r = i + 2;
        String code = codes.get(i % codes.size());
        sheet.value(r, 0, 2021);
        sheet.value(r, 1, "项目支出");
        sheet.value(r, 2, "项目" + (i / codes.size()));
        sheet.value(r, 3, code);
        sheet.value(r, 4, names.get(code));
        sheet.value(r, 5, new BigDecimal(1000 + i % 977).movePointLeft(2));
        sheet.value(r, 6, new BigDecimal(900 + i % 991).movePointLeft(2));
        sheet.value(r, 7, "财政拨款");
        if (i % 10_000 == 9_999) {
          sheet.flush();
        }
      }
      workbook.finish();
    }
  }

  /**
   * How fast, and in how much heap, each hostile or unreadable file of the test corpus is refused.
   */
  private static void refusals() throws Exception {
    Set<FindingCode> fileLevel =
        EnumSet.of(
            FindingCode.ARCHIVE_SUSPICIOUS,
            FindingCode.WORKBOOK_UNREADABLE,
            FindingCode.NOT_A_SPREADSHEET,
            FindingCode.LEGACY_XLS,
            FindingCode.WORKBOOK_ENCRYPTED,
            FindingCode.FORMAT_UNSUPPORTED,
            FindingCode.FILE_EMPTY,
            FindingCode.TOO_MANY_ROWS);
    System.out.println("refusals (best of 5, peak heap of the slowest round):");
    List<BrokenWorkbooks.Case> corpus = new ArrayList<>(BrokenWorkbooks.all());
    corpus.addAll(BrokenXlsWorkbooks.all());
    for (BrokenWorkbooks.Case broken : corpus) {
      if (!fileLevel.contains(broken.expected())) {
        continue;
      }
      Path file = Files.createTempFile("refusal-", "-" + broken.fileName());
      try {
        Files.write(file, broken.bytes());
        long best = Long.MAX_VALUE;
        long peak = 0;
        String code = "";
        for (int round = 0; round < 6; round++) {
          System.gc();
          resetPeaks();
          long t0 = System.nanoTime();
          try {
            ParsedWorkbook parsed = importRead(file);
            code =
                parsed.findings().isEmpty() ? "ACCEPTED?!" : parsed.findings().get(0).code().name();
          } catch (UnreadableWorkbook refused) {
            // as IngestUpload sees a file refused before its rows
            code = refused.finding().code().name();
          }
          long elapsed = System.nanoTime() - t0;
          if (round > 0) {
            best = Math.min(best, elapsed);
            peak = Math.max(peak, peakHeap());
          }
        }
        System.out.printf(
            "  %-50s %,9d bytes  %-20s %7.1f ms  %6.1f MB%n",
            broken.name(), broken.bytes().length, code, best / 1e6, peak / 1024.0 / 1024.0);
      } finally {
        Files.deleteIfExists(file);
      }
    }
  }

  private static void dynamoDb(int count) {
    LocalCloud cloud = LocalCloud.shared();
    DynamoDbClient client = cloud.dynamoDbClient();
    String table = LocalCloud.tableName("SpendingTable");
    List<SpendingLine> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(
          new SpendingLine(
              ExpenditureType.PROJECT,
              Optional.of("项目" + i),
              new EconomicCode("30201"),
              "办公费",
              Money.ofYuan("100.00"),
              Money.ofYuan("99.00"),
              "财政拨款"));
    }
    DynamoDbSpending store = new DynamoDbSpending(client, table);
    SubmissionId withRetries = SubmissionId.random();
    store.create(
        Submission.requested(
            new UploadKey(
                new UnitId("benchmark"),
                new FiscalYear(2021),
                withRetries,
                UploadKey.FileFormat.XLSX),
            "benchmark.xlsx",
            Instant.now(),
            "benchmark"));
    long t0 = System.nanoTime();
    store.saveFigures(withRetries, lines, UnitYearFacts.NONE);
    long t1 = System.nanoTime();

    SubmissionId bare = SubmissionId.random();
    long t2 = System.nanoTime();
    List<WriteRequest> batch = new ArrayList<>(25);
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", AttributeValue.fromS("SUBMISSION#" + bare));
      item.put("sk", AttributeValue.fromS(String.format("LINE#%06d", i + 1)));
      item.put("type", AttributeValue.fromS("PROJECT"));
      item.put("project", AttributeValue.fromS("项目" + i));
      item.put("code", AttributeValue.fromS("30201"));
      item.put("name", AttributeValue.fromS("办公费"));
      item.put("budget", AttributeValue.fromN("100.00"));
      item.put("actual", AttributeValue.fromN("99.00"));
      item.put("fundSource", AttributeValue.fromS("财政拨款"));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == 25 || i == count - 1) {
        List<WriteRequest> request = batch;
        client.batchWriteItem(b -> b.requestItems(Map.of(table, request)));
        batch = new ArrayList<>(25);
      }
    }
    long t3 = System.nanoTime();
    System.out.printf(
        "DynamoDB (local) batches of 25 with retries: %,d items %8.0f ms  %,8.0f items/s%n",
        count, (t1 - t0) / 1e6, count / ((t1 - t0) / 1e9));
    System.out.printf(
        "DynamoDB (local) bare batch-write loop:      %,d items %8.0f ms  %,8.0f items/s%n",
        count, (t3 - t2) / 1e6, count / ((t3 - t2) / 1e9));
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peaks since the reset: an upper bound of the live peak. */
  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  private SpendingImportBenchmark() {}
}
