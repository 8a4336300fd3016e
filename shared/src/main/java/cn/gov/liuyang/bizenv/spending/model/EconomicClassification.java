package cn.gov.liuyang.bizenv.spending.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The names of the 部门预算支出经济分类 items, read from the reference data file {@code
 * spending/economic-classification.tsv}, so that a code a clerk typed can be checked, not trusted.
 */
public final class EconomicClassification {
  private static final String RESOURCE = "/spending/economic-classification.tsv";

  private final Map<String, String> names;
  private final Map<String, Set<String>> spellings;

  private EconomicClassification(Map<String, String> names, Map<String, Set<String>> spellings) {
    this.names = Map.copyOf(names);
    this.spellings = Map.copyOf(spellings);
  }

  /** The classification shipped with the code. */
  public static EconomicClassification standard() {
    try (InputStream in = EconomicClassification.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("reference data missing: " + RESOURCE);
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static EconomicClassification parse(BufferedReader reader) throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Set<String>> spellings = new HashMap<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      String code = fields[0].strip();
      String name = fields[1].strip();
      names.put(code, name);
      Set<String> accepted = new HashSet<>();
      accepted.add(normalise(name));
      if (fields.length > 2 && !fields[2].isBlank()) {
        for (String other : fields[2].split("\\|")) {
          accepted.add(normalise(other));
        }
      }
      spellings.put(code, Set.copyOf(accepted));
    }
    return new EconomicClassification(names, spellings);
  }

  /** The item's official name, if the code is an item (or class) of the classification. */
  public Optional<String> nameOf(EconomicCode code) {
    return Optional.ofNullable(names.get(code.value()));
  }

  public boolean contains(EconomicCode code) {
    return names.containsKey(code.value());
  }

  /**
   * Whether {@code name} is the item's name or an accepted spelling of it (ignoring spaces and
   * bracket style).
   */
  public boolean accepts(EconomicCode code, String name) {
    Set<String> accepted = spellings.get(code.value());
    return accepted != null && (accepted.contains(name) || accepted.contains(normalise(name)));
  }

  /** All items (5-digit codes) with their names, in code order: the template's drop-down. */
  public Map<String, String> items() {
    Map<String, String> items = new TreeMap<>();
    names.forEach(
        (code, name) -> {
          if (code.length() == 5) {
            items.put(code, name);
          }
        });
    return items;
  }

  private static String normalise(String name) {
    return name.replaceAll("\\s", "").replace('(', '（').replace(')', '）');
  }
}
