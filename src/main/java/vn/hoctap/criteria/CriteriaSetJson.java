package vn.hoctap.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads and writes criteria sets as JSON. Works without Spring (tests, tools) and with the application's
 * ObjectMapper; unknown properties are rejected so that a typo in a data file fails loudly instead of being lost.
 */
public final class CriteriaSetJson {

  /** Where the criteria sets shipped with the application live, one file per set. */
  public static final String BUNDLED_PATTERN = "classpath*:criteria/*.json";

  private final ObjectMapper mapper;

  public CriteriaSetJson() {
    this(new ObjectMapper());
  }

  public CriteriaSetJson(ObjectMapper base) {
    // A copy, so the application's mapper settings are not changed for everybody else.
    this.mapper = base.copy()
        .registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public CriteriaSet read(String json) {
    try {
      return mapper.readValue(json, CriteriaSet.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Không đọc được bộ tiêu chí: " + e.getOriginalMessage(), e);
    }
  }

  public CriteriaSet read(InputStream in, String name) {
    try {
      return mapper.readValue(in, CriteriaSet.class);
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new IllegalStateException("Không đọc được bộ tiêu chí " + name + ": " + detail, e);
    }
  }

  public String write(CriteriaSet set) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(set);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Không ghi được bộ tiêu chí " + set.code(), e);
    }
  }

  /** Every set file bundled under criteria/, sorted by code then version. */
  public List<CriteriaSet> readBundled() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
          .getResources(BUNDLED_PATTERN);
      List<CriteriaSet> sets = new ArrayList<>();
      for (Resource r : resources) {
        try (InputStream in = r.getInputStream()) {
          sets.add(read(in, r.getFilename()));
        }
      }
      sets.sort(Comparator.comparing(CriteriaSet::code).thenComparingInt(CriteriaSet::version));
      return sets;
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được thư mục criteria/ trong classpath", e);
    }
  }
}
