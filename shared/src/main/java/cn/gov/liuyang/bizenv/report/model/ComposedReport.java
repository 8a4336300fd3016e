package cn.gov.liuyang.bizenv.report.model;

/** A composed report: the document to render, its scorecard and the fingerprint of its inputs. */
public record ComposedReport(ReportDocument document, Scorecard scorecard, String fingerprint) {}
