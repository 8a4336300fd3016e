package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.PathParams;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.application.SaveIndicatorSet;
import cn.gov.liuyang.bizenv.report.infrastructure.IndicatorSetJson;
import cn.gov.liuyang.bizenv.report.model.Figures;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator set routes of the report function (evaluation staff; the handler checks the group):
 *
 * <ul>
 *   <li>{@code GET /staff/indicator-sets/{year}}: the set in force
 *   <li>{@code PUT /staff/indicator-sets/{year}}: save a new version
 *   <li>{@code GET /staff/indicator-sets/{year}/versions}: every version, newest first
 *   <li>{@code POST /staff/indicator-sets/{year}/copy}: start the year as a copy of another's
 * </ul>
 */
final class IndicatorSetRoutes {
  static final String READ = "GET /staff/indicator-sets/{year}";
  static final String SAVE = "PUT /staff/indicator-sets/{year}";
  static final String VERSIONS = "GET /staff/indicator-sets/{year}/versions";
  static final String COPY = "POST /staff/indicator-sets/{year}/copy";
  static final List<String> ROUTES = List.of(READ, SAVE, VERSIONS, COPY);

  private final IndicatorSetsInForce sets;
  private final SaveIndicatorSet save;

  IndicatorSetRoutes(IndicatorSetsInForce sets, SaveIndicatorSet save) {
    this.sets = sets;
    this.save = save;
  }

  HttpApiResponse handle(String route, HttpApiEvent event) {
    FiscalYear year = PathParams.year(event);
    return switch (route) {
      case READ -> read(year);
      case SAVE -> save(year, event);
      case VERSIONS -> versions(year);
      case COPY -> copy(year, event);
      default -> throw new IllegalArgumentException(route);
    };
  }

  private HttpApiResponse read(FiscalYear year) {
    IndicatorSetVersion version =
        sets.inForce(year)
            .orElseThrow(
                () ->
                    ApiProblem.notFound(
                        "INDICATOR_SET_NOT_FOUND",
                        year
                            + "年度还没有绩效评价指标体系，请由往年复制（POST /staff/indicator-sets/"
                            + year
                            + "/copy）"));
    return HttpApiResponse.json(200, body(version));
  }

  private HttpApiResponse save(FiscalYear year, HttpApiEvent event) {
    // who first: an unauthenticated request learns nothing about its body
    var author = ReportGeneratorHandler.author(event);
    IndicatorSetRequest.Parsed parsed = IndicatorSetRequest.parse(event, year);
    SaveIndicatorSet.Saved saved =
        save.save(
            new SaveIndicatorSet.Command(
                year,
                parsed.name(),
                parsed.source(),
                parsed.indicators(),
                parsed.basedOn(),
                author));
    Map<String, Object> body = body(saved.version());
    body.put("created", saved.created());
    return HttpApiResponse.json(saved.created() ? 201 : 200, body);
  }

  private HttpApiResponse versions(FiscalYear year) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year.value());
    body.put("versions", sets.history(year).stream().map(IndicatorSetRoutes::body).toList());
    return HttpApiResponse.json(200, body);
  }

  private HttpApiResponse copy(FiscalYear year, HttpApiEvent event) {
    var author = ReportGeneratorHandler.author(event);
    FiscalYear from = IndicatorSetRequest.copyFrom(event, year);
    return HttpApiResponse.json(
        201, body(save.copy(new SaveIndicatorSet.Copy(from, year, author))));
  }

  /**
   * The set in the shipped files' shape, then how it came to be: {@code totalWeight}, {@code
   * origin} (SHIPPED, SAVED, COPIED), {@code copiedFrom}, {@code savedAt}, {@code savedBy} (the
   * display name; never the subject).
   */
  private static Map<String, Object> body(IndicatorSetVersion version) {
    ObjectNode set = IndicatorSetJson.write(version.set());
    Map<String, Object> body = new LinkedHashMap<>();
    set.fields().forEachRemaining(field -> body.put(field.getKey(), field.getValue()));
    body.put("totalWeight", Figures.normalised(version.set().totalWeight()));
    body.put("origin", version.origin().name());
    version.copiedFrom().ifPresent(from -> body.put("copiedFrom", from));
    version.savedAt().ifPresent(at -> body.put("savedAt", at));
    version.savedBy().ifPresent(by -> body.put("savedBy", by.name()));
    return body;
  }
}
