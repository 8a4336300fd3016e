package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.hssf.usermodel.HSSFClientAnchor;
import org.apache.poi.hssf.usermodel.HSSFComment;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment jar alone (shaded, with POI's formula, collection and bit-set libraries left out)
 * reads real workbooks and refuses hostile ones exactly as the full test class path does: run in a
 * fresh JVM whose class path is that jar and the probe class.
 */
class ShadedJarReadsXlsIT {
  private static final Path JAR = Path.of("target", "spending-ingest-lambda.jar");

  @TempDir Path dir;

  @Test
  void theShadedJar_readsAndRefusesWorkbooksAsTheTestClassPathDoes() throws Exception {
    // GIVEN real workbooks (.xls with a picture and a comment, a default-password one, Excel's
    // compact numbers, an xlsx and a CSV) and every hostile .xls
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("messy.xls", withPictureAndComment(XlsWorkbooks.seedMessy()));
    files.put("protected-by-default.xls", defaultPassword());
    files.put("rk.xls", compactNumbers());
    files.put("template.xlsx", SpendingWorkbooks.seedTemplate());
    files.put("seed.csv", SpendingWorkbooks.seedCsv());
    for (BrokenWorkbooks.Case broken : BrokenXlsWorkbooks.all()) {
      files.put("hostile-" + files.size() + ".xls", broken.bytes());
    }
    List<String> paths = new ArrayList<>();
    StringBuilder expected = new StringBuilder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path path = dir.resolve(file.getKey());
      Files.write(path, file.getValue());
      paths.add(path.toString());
      expected.append("== ").append(path).append('\n');
      expected.append(ShadedJarProbe.describe(path)).append('\n');
    }

    // WHEN the jar alone reads them in a fresh JVM
    String seen = probe(paths);

    // THEN it saw exactly what the full class path sees, and nothing failed
    assertThat(seen).doesNotContain("FAILED", "Exception", "Error");
    assertThat(seen.substring(0, seen.lastIndexOf("== read in"))).isEqualTo(expected.toString());
    assertThat(expected).contains("sheet 2021年决算明细", "refused WORKBOOK_ENCRYPTED");
  }

  private String probe(List<String> files) throws IOException, InterruptedException {
    assertThat(JAR).as("run after package: mvn verify").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(JAR + java.io.File.pathSeparator + probeClasses());
    command.add(ShadedJarProbe.class.getName());
    command.addAll(files);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String seen = new String(out, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(seen).isZero();
    return seen;
  }

  /** A directory holding the probe class alone, so no test dependency can stand in for the jar. */
  private Path probeClasses() throws IOException {
    String name = ShadedJarProbe.class.getName().replace('.', '/');
    Path classes = dir.resolve("probe");
    for (String suffix : List.of(".class", "$1.class")) {
      Path target = classes.resolve(name + suffix);
      Files.createDirectories(target.getParent());
      Files.write(
          target,
          ShadedJarProbe.class.getClassLoader().getResourceAsStream(name + suffix).readAllBytes());
    }
    return classes;
  }

  private static byte[] withPictureAndComment(byte[] xls) throws IOException {
    HSSFWorkbook workbook = new HSSFWorkbook(new java.io.ByteArrayInputStream(xls));
    HSSFSheet sheet = workbook.getSheet("2021年决算明细");
    HSSFPatriarch drawing = sheet.createDrawingPatriarch();
    int picture = workbook.addPicture(png(), Workbook.PICTURE_TYPE_PNG);
    drawing.createPicture(new HSSFClientAnchor(0, 0, 0, 0, (short) 8, 1, (short) 10, 5), picture);
    HSSFComment comment =
        drawing.createCellComment(new HSSFClientAnchor(0, 0, 0, 0, (short) 8, 8, (short) 11, 12));
    comment.setString(new HSSFRichTextString("财务股：已核对"));
    sheet.getRow(0).getCell(0).setCellComment(comment);
    return XlsWorkbooks.write(workbook, null);
  }

  private static byte[] defaultPassword() {
    HSSFWorkbook workbook = new HSSFWorkbook();
    workbook.createSheet("明细").createRow(0).createCell(0).setCellValue("只读保护");
    return XlsWorkbooks.write(workbook, "VelvetSweatshop");
  }

  private static byte[] compactNumbers() {
    HandMadeBiff biff = new HandMadeBiff().sst("执行数");
    biff.sheet("明细")
        .sst(0, 0, 0)
        .rk(1, 0, HandMadeBiff.rkHundredths(173900055))
        .mulRk(2, 0, HandMadeBiff.rkInteger(2021), HandMadeBiff.rkDouble(0.5))
        .bool(3, 0, true)
        .error(3, 1, 0x07)
        .formulaSpecial(4, 0, 0, 0)
        .string("办公费");
    return biff.xls();
  }

  /** The smallest PNG: one transparent pixel. */
  private static byte[] png() {
    return java.util.Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
  }
}
