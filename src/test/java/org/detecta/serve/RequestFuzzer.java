package org.detecta.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates random and malformed requests for every route of the server from a seed: wrong methods and content
 * types, bodies that are valid templates with random mutations (wrong types, unknown fields, removed fields),
 * random JSON, deep nesting, oversized and over-long bodies, invalid UTF-8, truncated JSON, random bytes,
 * unknown and hostile path ids, bad query parameters, missing consent, wrong admin tokens.
 */
final class RequestFuzzer {
  /** One request; {@code raw} requests are written as bytes on a socket (malformed HTTP the client refuses). */
  record FuzzRequest(String method, String path, String contentType, byte[] body, String token, byte[] raw, String kind) {
    String route() {
      return kind;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
  private static final List<String> TYPES = List.of("application/json", "application/json; charset=utf-8",
      "application/json; charset=iso-8859-1", "text/plain", "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x", "application/xml", "", "application/jsonx", "*/*");
  private static final List<String> WORDS = List.of("cough", "fiebre", "Fiebre", "fever", "itching", "sneezing",
      "HP:0001250", "HP:0000118", "HP:9999999", "HP:abc", "OMIM:123", "tiny", "tiny2", "", " ", "null", "\u0000",
      "ñandú", "咳嗽", "\uD83D\uDE00", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "a".repeat(300));

  private final Random random;
  private final List<String> routes;
  private final String adminToken;

  RequestFuzzer(long seed, List<String> routes, String adminToken) {
    this.random = new Random(seed);
    this.routes = List.copyOf(routes);
    this.adminToken = adminToken;
  }

  FuzzRequest next() {
    String route = routes.get(random.nextInt(routes.size()));
    String routeMethod = route.substring(0, route.indexOf(' '));
    String template = route.substring(route.indexOf(' ') + 1);
    if (random.nextInt(100) < 6) {
      return raw(template);
    }
    String method = random.nextInt(100) < 80 ? routeMethod : pick(METHODS);
    String path = fillPath(template) + query(template);
    String token = switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> "wrong-" + random.nextInt(1000);
      case 2 -> "";
      // the real token only where it cannot change data: unknown ids, reload and retention (nothing old to delete)
      default -> template.contains("{id}") || template.startsWith("/api/v1/admin") || template.contains("{alias}")
          ? adminToken : null;
    };
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || random.nextInt(20) == 0) {
      return new FuzzRequest(method, path, random.nextBoolean() ? null : pick(TYPES), null, token, null, route);
    }
    String type = random.nextInt(100) < 85 ? "application/json" : pick(TYPES);
    return new FuzzRequest(method, path, type, body(template), token, null, route);
  }

  private byte[] body(String template) {
    int kind = random.nextInt(100);
    if (kind < 45) {
      return bytes(mutate(templateBody(template), 1 + random.nextInt(3)));
    } else if (kind < 55) {
      return bytes(randomJson(4));
    } else if (kind < 62) {
      return deepNesting(20 + random.nextInt(random.nextBoolean() ? 40 : 5000));
    } else if (kind < 66) {
      return huge(60_000 + random.nextInt(200_000));
    } else if (kind < 72) {
      return manyFindings(90 + random.nextInt(400));
    } else if (kind < 80) {
      return invalidUtf8(bytes(templateBody(template)));
    } else if (kind < 88) {
      byte[] whole = bytes(templateBody(template));
      return java.util.Arrays.copyOf(whole, random.nextInt(Math.max(1, whole.length)));
    } else if (kind < 94) {
      byte[] junk = new byte[random.nextInt(2000)];
      random.nextBytes(junk);
      return junk;
    } else {
      return new byte[0];
    }
  }

  /** A valid body for the route, the starting point of mutations. */
  private JsonNode templateBody(String template) {
    ObjectNode o = F.objectNode();
    switch (template) {
      case "/api/v1/diagnose" -> {
        o.put("consent", random.nextBoolean());
        o.set("observed", words(1 + random.nextInt(4)));
        o.set("excluded", words(random.nextInt(2)));
        o.put("top", random.nextInt(12) - 1);
        o.put("model", random.nextBoolean() ? "tiny" : pick(WORDS));
        o.put("age", random.nextInt(130) - 5);
        o.put("sex", pick(List.of("female", "male", "unknown", "x")));
      }
      case "/api/v1/extract" -> {
        o.put("consent", random.nextBoolean());
        o.put("text", String.join(" ", List.of(pick(WORDS), "paciente con fiebre y tos, sin convulsiones", pick(WORDS))));
        o.put("lang", pick(List.of("es", "en", "auto", "fr", "")));
      }
      case "/api/v1/feedback" -> {
        o.put("predictionId", random.nextBoolean() ? UUID.randomUUID().toString() : pick(WORDS));
        o.put("confirmedDiagnosis", pick(List.of("TINY:FLU", "TINY:ALLERGY", "", "OMIM:1")));
      }
      case "/api/v1/models/{name}/aliases/{alias}" -> o.put("version", random.nextInt(5) - 1);
      case "/v2/models/{name}/infer" -> {
        ArrayNode inputs = o.putArray("inputs");
        ObjectNode observed = inputs.addObject();
        observed.put("name", random.nextInt(10) == 0 ? "other" : "observed");
        observed.put("datatype", random.nextInt(10) == 0 ? "FP32" : "BYTES");
        ArrayNode data = words(1 + random.nextInt(3));
        observed.putArray("shape").add(random.nextInt(10) == 0 ? 99 : data.size());
        observed.set("data", data);
        o.putObject("parameters").put("consent", random.nextBoolean()).put("top", random.nextInt(12) - 1);
      }
      default -> o.put(pick(WORDS), pick(WORDS));
    }
    return o;
  }

  private JsonNode mutate(JsonNode node, int times) {
    JsonNode root = node.deepCopy();
    for (int i = 0; i < times; i++) {
      if (!(root instanceof ObjectNode object) || object.isEmpty()) {
        return randomJson(2);
      }
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String field = names.get(random.nextInt(names.size()));
      switch (random.nextInt(6)) {
        case 0 -> object.remove(field);
        case 1 -> object.set(field, randomJson(2));
        case 2 -> object.set(pick(WORDS).isEmpty() ? "unknownField" : pick(WORDS), randomJson(1));
        case 3 -> object.set(field, F.nullNode());
        case 4 -> object.put(field, pick(List.of(Long.MAX_VALUE, -1L, 0L, (long) Integer.MAX_VALUE + 1)));
        default -> {
          return random.nextBoolean() ? F.arrayNode().add(root) : F.textNode(root.toString());
        }
      }
    }
    return root;
  }

  private JsonNode randomJson(int depth) {
    int kind = random.nextInt(depth <= 0 ? 7 : 9);
    return switch (kind) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(random.nextBoolean());
      case 2 -> F.numberNode(random.nextInt());
      case 3 -> F.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
      case 4 -> F.textNode(pick(WORDS));
      case 5 -> F.numberNode(new java.math.BigInteger(200, random));
      case 6 -> F.textNode(randomText(random.nextInt(50)));
      case 7 -> {
        ArrayNode a = F.arrayNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          a.add(randomJson(depth - 1));
        }
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          o.set(pick(List.of("observed", "excluded", "consent", "top", "model", "inputs", "parameters", "version",
              "predictionId", "text", "lang", pick(WORDS))), randomJson(depth - 1));
        }
        yield o;
      }
    };
  }

  private String randomText(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.appendCodePoint(random.nextInt(10) == 0 ? 0x80 + random.nextInt(0xD000) : 0x20 + random.nextInt(0x5f));
    }
    return s.toString();
  }

  private byte[] deepNesting(int depth) {
    String open = random.nextBoolean() ? "[" : "{\"observed\":";
    String close = open.equals("[") ? "]" : "}";
    return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
  }

  private byte[] huge(int size) {
    StringBuilder s = new StringBuilder("{\"consent\":true,\"observed\":[");
    while (s.length() < size) {
      s.append("\"cough\",");
    }
    return s.append("\"cough\"]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] manyFindings(int n) {
    ObjectNode o = F.objectNode().put("consent", true);
    ArrayNode observed = o.putArray("observed");
    for (int i = 0; i < n; i++) {
      observed.add(pick(WORDS));
    }
    return bytes(o);
  }

  private byte[] invalidUtf8(byte[] valid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int cut = valid.length <= 2 ? 0 : 1 + random.nextInt(valid.length - 1);
    out.write(valid, 0, cut);
    byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
    out.writeBytes(bad[random.nextInt(bad.length)]);
    out.write(valid, cut, valid.length - cut);
    return out.toByteArray();
  }

  private FuzzRequest raw(String template) {
    String path = template.replaceAll("\\{[a-z]+}", pick(List.of("%zz", "%", "%C3%28", "tiny", "a b", "%00")));
    byte[] request = switch (random.nextInt(6)) {
      case 0 -> ("GET " + path + "?q=%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      case 1 -> ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n"
          + "Connection: close\r\n\r\n{\"observed\":").getBytes(StandardCharsets.ISO_8859_1); // body shorter than declared
      case 2 -> ("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n"
          + "Connection: close\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1);
      case 3 -> ("BREW " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
      case 4 -> concat(("GET " + path).getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0xC3, 0x28},
          " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      default -> ("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n"
          + "Connection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    };
    return new FuzzRequest(null, path, null, null, null, request, "RAW " + template);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private String fillPath(String template) {
    StringBuilder out = new StringBuilder();
    for (String segment : template.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      out.append('/');
      if (segment.startsWith("{")) {
        String value = switch (random.nextInt(6)) {
          case 0 -> "tiny";
          case 1 -> UUID.randomUUID().toString();
          case 2 -> "champion";
          case 3 -> "x".repeat(1 + random.nextInt(3000));
          default -> pick(WORDS);
        };
        // a valid alias name with the real token would move an alias: keep {alias} unknown for "tiny"
        if (segment.equals("{name}") && template.contains("{alias}") && value.equals("tiny")) {
          value = "tiny-unknown";
        }
        out.append(value.isEmpty() ? "%20" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
      } else {
        out.append(segment);
      }
    }
    return out.toString();
  }

  private String query(String template) {
    if (!template.equals("/api/v1/terms") && random.nextInt(10) != 0) {
      return "";
    }
    StringBuilder q = new StringBuilder("?");
    Map<String, List<String>> values = Map.of("q", List.of("fie", "cou", "", "a".repeat(150), "咳", "<b>", "%"),
        "lang", List.of("es", "en", "fr", ""), "limit", List.of("1", "50", "0", "-1", "51", "abc", "9999999999999"));
    for (Iterator<String> it = values.keySet().stream().sorted().iterator(); it.hasNext(); ) {
      String key = it.next();
      if (random.nextInt(3) > 0) {
        q.append(key).append('=').append(URLEncoder.encode(pick(values.get(key)), StandardCharsets.UTF_8)).append('&');
      }
    }
    return q.toString();
  }

  private ArrayNode words(int n) {
    ArrayNode a = F.arrayNode();
    for (int i = 0; i < n; i++) {
      a.add(pick(WORDS));
    }
    return a;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
