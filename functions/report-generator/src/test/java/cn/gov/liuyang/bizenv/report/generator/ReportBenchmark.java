package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.infrastructure.pdf.OpenPdfReportRenderer;
import cn.gov.liuyang.bizenv.report.model.ReportDocument;
import cn.gov.liuyang.bizenv.report.model.ReportInputs;
import cn.gov.liuyang.bizenv.report.model.SelfEvaluationReport;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the report function's rendering against a plain OpenPDF baseline (one page, same font):
 * cold start (fresh JVM to first PDF, Lambda's JVM flags) and warm generation time, PDF and jar
 * size. Command and figures: docs/report.md. Not a test: timings belong here, never in assertions.
 *
 * <p>{@code ReportBenchmark [--out DIR]} runs everything; {@code cold-report} and {@code
 * cold-baseline} are the child JVMs' modes.
 */
public final class ReportBenchmark {
  private static final String JVM_FLAGS = "-XX:TieredStopAtLevel=1";
  private static final int COLD_RUNS = 5;
  private static final int WARMUP = 15;
  private static final int WARM_RUNS = 30;

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 1 && args[0].equals("cold-report")) {
      report();
      printSinceJvmStart();
      return;
    }
    if (args.length == 1 && args[0].equals("cold-baseline")) {
      onePage(loadFont());
      printSinceJvmStart();
      return;
    }
    System.out.printf(
        "java %s, %d cores%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    System.out.printf("cold, fresh JVM to first PDF (%s), median of %d:%n", JVM_FLAGS, COLD_RUNS);
    System.out.printf("  report (font load + compose + render)  %6d ms%n", cold("cold-report"));
    System.out.printf("  baseline (font load + one-page PDF)    %6d ms%n", cold("cold-baseline"));

    OpenPdfReportRenderer renderer = OpenPdfReportRenderer.withEmbeddedFont();
    BaseFont font = loadFont();
    ReportInputs inputs = seedInputs();
    for (int i = 0; i < WARMUP; i++) {
      renderer.render(compose(inputs));
      onePage(font);
    }
    long[] report = new long[WARM_RUNS];
    long[] baseline = new long[WARM_RUNS];
    byte[] pdf = null;
    for (int i = 0; i < WARM_RUNS; i++) {
      long start = System.nanoTime();
      pdf = renderer.render(compose(inputs)).pdf();
      report[i] = System.nanoTime() - start;
      start = System.nanoTime();
      onePage(font);
      baseline[i] = System.nanoTime() - start;
    }
    System.out.printf(
        "warm, same JVM after %d warm-up runs, median / p90 of %d:%n", WARMUP, WARM_RUNS);
    System.out.printf(
        "  report (compose + render)   %7.1f / %7.1f ms%n", ms(report, 50), ms(report, 90));
    System.out.printf(
        "  baseline (one-page PDF)     %7.1f / %7.1f ms%n", ms(baseline, 50), ms(baseline, 90));
    System.out.printf("seed 2021 report PDF: %,d bytes%n", pdf.length);
    Path jar = Path.of("functions/report-generator/target/report-generator-lambda.jar");
    if (Files.exists(jar)) {
      System.out.printf("deployment jar: %,d bytes%n", Files.size(jar));
    }
    if (args.length == 2 && args[0].equals("--out")) {
      Path out = Files.createDirectories(Path.of(args[1]));
      Files.write(out.resolve("seed-2021.pdf"), pdf);
      System.out.println("wrote " + out.resolve("seed-2021.pdf"));
    }
  }

  private static long cold(String mode) throws IOException, InterruptedException {
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i < COLD_RUNS; i++) {
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  JVM_FLAGS,
                  "-cp",
                  System.getProperty("java.class.path"),
                  ReportBenchmark.class.getName(),
                  mode)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes()).strip();
      if (process.waitFor() != 0) {
        throw new IllegalStateException(mode + " failed: " + output);
      }
      runs.add(Long.parseLong(output.lines().reduce((a, b) -> b).orElseThrow()));
    }
    return runs.stream().sorted().toList().get(COLD_RUNS / 2);
  }

  private static void printSinceJvmStart() {
    System.out.println(
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
  }

  private static byte[] report() {
    return OpenPdfReportRenderer.withEmbeddedFont().render(compose(seedInputs())).pdf();
  }

  private static ReportInputs seedInputs() {
    return new ReportInputs(
        Seed2021.UNIT,
        Seed2021.YEAR,
        Seed2021.spending(),
        Seed2021.complaints(),
        Seed2021.narrativeVersion(),
        new ClasspathIndicatorSets().forYear(Seed2021.YEAR).orElseThrow());
  }

  private static ReportDocument compose(ReportInputs inputs) {
    return SelfEvaluationReport.compose(inputs, "benchmark").document();
  }

  private static BaseFont loadFont() throws Exception {
    try (InputStream in =
        ReportBenchmark.class.getResourceAsStream("/fonts/NotoSansSC_400Regular.ttf")) {
      return BaseFont.createFont(
          "NotoSansSC-Regular.ttf",
          BaseFont.IDENTITY_H,
          BaseFont.EMBEDDED,
          false,
          in.readAllBytes(),
          null);
    }
  }

  private static byte[] onePage(BaseFont font) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4);
    PdfWriter.getInstance(document, out);
    document.open();
    document.add(new Paragraph("浏阳市优化营商环境协调事务中心 2021年度部门整体支出绩效自评报告", new Font(font, 12)));
    document.close();
    return out.toByteArray();
  }

  private static double ms(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }
}
