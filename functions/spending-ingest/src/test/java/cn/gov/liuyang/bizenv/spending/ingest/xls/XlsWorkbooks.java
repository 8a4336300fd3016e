package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * The test workbooks as Excel 97–2003 files, written with POI's HSSF user model from the same
 * content as the xlsx fixtures ({@link HandMadeXlsx}), so both formats carry the same data.
 */
public final class XlsWorkbooks {
  private XlsWorkbooks() {}

  /** The clerk's messy sheet of {@link SpendingWorkbooks#seedMessy()}, as .xls. */
  public static byte[] seedMessy() {
    return of(SpendingWorkbooks.messy(Seed2021.lines()));
  }

  /**
   * The same sheets, rows, cells and merges: text as shared strings, numbers as numbers, formulas
   * with their cached values; a formula without one marks its sheet as not recalculated, which is
   * how a BIFF file says its formula values are not to be trusted.
   */
  public static byte[] of(HandMadeXlsx xlsx) {
    return write(toHssf(xlsx), null);
  }

  /** The workbook with an open password: encrypted (RC4 CryptoAPI) as Excel does. */
  public static byte[] encrypted(HandMadeXlsx xlsx, String password) {
    return write(toHssf(xlsx), password);
  }

  public static HSSFWorkbook toHssf(HandMadeXlsx xlsx) {
    HSSFWorkbook workbook = new HSSFWorkbook();
    for (Map.Entry<String, HandMadeXlsx.Sheet> entry : xlsx.sheets().entrySet()) {
      HSSFSheet sheet = workbook.createSheet(entry.getKey());
      List<List<Object>> rows = entry.getValue().rows();
      for (int r = 0; r < rows.size(); r++) {
        List<Object> cells = rows.get(r);
        if (cells.isEmpty()) {
          continue;
        }
        HSSFRow row = sheet.createRow(r);
        for (int c = 0; c < cells.size(); c++) {
          Object value = cells.get(c);
          if (value != null) {
            set(sheet, row.createCell(c), value);
          }
        }
      }
      for (String range : entry.getValue().merges()) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(range));
      }
    }
    return workbook;
  }

  private static void set(HSSFSheet sheet, HSSFCell cell, Object value) {
    if (value instanceof String text) {
      cell.setCellValue(text);
    } else if (value instanceof Number number) {
      cell.setCellValue(number.doubleValue());
    } else if (value instanceof HandMadeXlsx.Formula formula) {
      cell.setCellFormula(formula.expression());
      if (formula.cached() == null) {
        sheet.setForceFormulaRecalculation(true);
      } else {
        cell.setCellValue(formula.cached().doubleValue());
      }
    } else if (value instanceof HandMadeXlsx.ErrorValue error) {
      cell.setCellErrorValue(FormulaError.forString(error.code()).getCode());
    } else {
      throw new IllegalArgumentException("cell of " + value.getClass());
    }
  }

  public static byte[] write(HSSFWorkbook workbook, String password) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Biff8EncryptionKey.setCurrentUserPassword(password);
    try (workbook) {
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(null);
    }
    return out.toByteArray();
  }
}
