package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The workbooks finance downloads: the blank template, and figures laid out as the template. */
public record SpendingWorkbooks(TemplateWriter template) {

  /** The template for a year, to fill in and upload. */
  public byte[] blank(FiscalYear year) {
    return write(year, Optional.empty());
  }

  /** Figures (in force, or of one submission) in the template's layout. */
  public byte[] of(ReadSpendingFigures.Figures figures) {
    return write(
        figures.spending().year(),
        Optional.of(
            new TemplateWriter.Prefill(figures.spending().lines(), figures.facts().values())));
  }

  private byte[] write(FiscalYear year, Optional<TemplateWriter.Prefill> prefill) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      template.write(year, prefill, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
