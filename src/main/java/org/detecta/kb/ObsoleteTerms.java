package org.detecta.kb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.monarchinitiative.phenol.ontology.data.TermId;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deprecated classes of an OBO-Graph JSON file and their single {@code replaced_by} term (IAO:0100001), if any.
 * phenol drops deprecated nodes that are not also alternative ids, so a case using one would read as "not an HPO
 * term"; this streaming scan keeps them reportable as obsolete and, with a replacement, mappable.
 */
final class ObsoleteTerms {
  private static final String PURL = "http://purl.obolibrary.org/obo/";
  private static final String REPLACED_BY = "IAO_0100001";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ObsoleteTerms() {
  }

  /** Obsolete id → its replacement (empty when none, or when there are several to choose from). */
  static Map<TermId, Optional<TermId>> scan(InputStream in) throws IOException {
    Map<TermId, Optional<TermId>> obsolete = new HashMap<>();
    try (JsonParser parser = JSON.createParser(in)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          if ("nodes".equals(field) && value == JsonToken.START_ARRAY) {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              JsonNode node = parser.readValueAsTree();
              if (node.path("meta").path("deprecated").asBoolean(false)) {
                toTermId(node.path("id").asText("")).ifPresent(id -> obsolete.put(id, replacement(node)));
              }
            }
          } else if ("edges".equals(field) || "propertyChainAxioms".equals(field) || "logicalDefinitionAxioms".equals(field)) {
            parser.skipChildren();
          }
        }
      }
    }
    return obsolete;
  }

  private static Optional<TermId> replacement(JsonNode node) {
    TermId found = null;
    for (JsonNode value : node.path("meta").path("basicPropertyValues")) {
      if (value.path("pred").asText("").endsWith(REPLACED_BY)) {
        Optional<TermId> id = toTermId(value.path("val").asText(""));
        if (id.isEmpty() || found != null) {
          return Optional.empty();
        }
        found = id.get();
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code http://purl.obolibrary.org/obo/HP_0000001} or {@code HP:0000001} → HP:0000001. */
  static Optional<TermId> toTermId(String value) {
    String curie = value.startsWith(PURL) ? value.substring(PURL.length()).replaceFirst("_", ":") : value;
    if (!curie.matches("HP:\\d{7}")) {
      return Optional.empty();
    }
    return Optional.of(TermId.of(curie));
  }
}
