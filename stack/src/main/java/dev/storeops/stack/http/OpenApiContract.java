package dev.storeops.stack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import com.networknt.schema.resource.InputStreamSource;
import dev.storeops.stack.RepoRoot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront's contract, {@code openapi/openapi.yaml} (OpenAPI 3.1): its routes, and a check of one
 * HTTP answer against it — the status is documented for the route, the content type is one the
 * response declares, required response headers are present, and a JSON body validates against the
 * response's schema (JSON Schema 2020-12 with the OpenAPI 3.1 dialect, networknt json-schema-validator).
 * Used by {@link OpenApiContractObserver} on every answer a test produces, and by the drift tests.
 */
public final class OpenApiContract {
  /** Where the document sits in the checkout. */
  public static final String DOCUMENT = "openapi/openapi.yaml";
  private static final String BASE_IRI = "https://storeops.dev/openapi.json";
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final JsonSchemaFactory factory;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode document) {
    this.document = document;
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b
        .metaSchema(OpenApi31.getInstance())
        .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
        .schemaLoaders(loaders -> loaders.add(iri -> BASE_IRI.equals(iri.toString())
            ? (InputStreamSource) () -> new ByteArrayInputStream(json) : null)));
  }

  /** The checkout's document. */
  public static OpenApiContract ofRepo() {
    return load(RepoRoot.find().resolve(DOCUMENT));
  }

  public static OpenApiContract load(Path yaml) {
    try {
      return parse(Files.readString(yaml, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document given as YAML (or JSON) text. */
  public static OpenApiContract parse(String yaml) {
    try {
      return new OpenApiContract(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public JsonNode document() {
    return document;
  }

  /** Every operation as a route key, {@code METHOD /path/{param}}, as template.yaml and the routers spell it. */
  public Set<String> routeKeys() {
    Set<String> keys = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (METHODS.contains(method)) {
          keys.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    return keys;
  }

  /**
   * What is wrong with one answer of {@code routeKey} (empty: it keeps the contract).
   *
   * @param headers the response headers (any case)
   * @param body the response body as text, or null
   */
  public List<String> violations(String routeKey, int status, Map<String, String> headers, String body) {
    List<String> wrong = new ArrayList<>();
    String[] parts = routeKey.split(" ", 2);
    if (parts.length != 2) {
      return List.of("not a route key: " + routeKey);
    }
    String method = parts[0].toLowerCase(Locale.ROOT);
    // a greedy path parameter ({proxy+} in API Gateway and the routers) is a plain one in OpenAPI
    String path = parts[1].replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{$1}");
    JsonNode operation = document.path("paths").path(path).path(method);
    if (operation.isMissingNode()) {
      // a router's own 404 for a route it does not serve (API Gateway would not route it): a problem
      return status == 404 && isProblem(body) ? List.of() : List.of(routeKey + " is not in " + DOCUMENT);
    }
    String statusKey = Integer.toString(status);
    JsonNode response = operation.path("responses").path(statusKey);
    if (response.isMissingNode()) {
      statusKey = status / 100 + "XX";
      response = operation.path("responses").path(statusKey);
    }
    if (response.isMissingNode()) {
      statusKey = "default";
      response = operation.path("responses").path(statusKey);
    }
    if (response.isMissingNode()) {
      return List.of(routeKey + " answered " + status + ", which " + DOCUMENT + " does not list for it");
    }
    response = resolve(response);
    String pointerToResponse = "/paths/" + escape(path) + "/" + method + "/responses/" + escape(statusKey);

    Map<String, String> lower = new java.util.HashMap<>();
    (headers == null ? Map.<String, String>of() : headers).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    for (Iterator<Map.Entry<String, JsonNode>> it = response.path("headers").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> header = it.next();
      JsonNode spec = resolve(header.getValue());
      if (spec.path("required").asBoolean(false) && !lower.containsKey(header.getKey().toLowerCase(Locale.ROOT))) {
        wrong.add(routeKey + " " + status + ": the response header " + header.getKey() + " is missing");
      }
    }

    JsonNode content = response.path("content");
    boolean hasBody = body != null && !body.isEmpty();
    if (!hasBody) {
      if (!content.isMissingNode() && content.size() > 0 && status != 304) {
        wrong.add(routeKey + " " + status + ": the body is empty, " + DOCUMENT + " describes one");
      }
      return wrong;
    }
    if (content.isMissingNode() || content.size() == 0) {
      wrong.add(routeKey + " " + status + ": answered a body, " + DOCUMENT + " describes none");
      return wrong;
    }
    String contentType = lower.getOrDefault("content-type", "").split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(contentType)) {
      wrong.add(routeKey + " " + status + ": content type '" + contentType + "' is not one of " + names(content));
      return wrong;
    }
    if (!(contentType.endsWith("/json") || contentType.endsWith("+json"))) {
      return wrong;
    }
    if (content.path(contentType).path("schema").isMissingNode()) {
      return wrong;
    }
    JsonNode value;
    try {
      value = JSON.readTree(body);
    } catch (IOException e) {
      wrong.add(routeKey + " " + status + ": the body is not JSON: " + e.getMessage());
      return wrong;
    }
    String pointer = pointerToResponse + "/content/" + escape(contentType) + "/schema";
    if (response != operation.path("responses").path(statusKey)) {
      // a $ref'd response: validate against the schema where it is defined
      pointer = pointerOf(operation.path("responses").path(statusKey).path("$ref").asText()) + "/content/"
          + escape(contentType) + "/schema";
    }
    JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(
        SchemaLocation.of(BASE_IRI + "#" + p), SchemaValidatorsConfig.builder().build()));
    for (ValidationMessage message : schema.validate(value)) {
      wrong.add(routeKey + " " + status + ": " + message.getMessage());
    }
    return wrong;
  }

  private boolean isProblem(String body) {
    if (body == null) {
      return false;
    }
    try {
      JsonSchema problem = schemas.computeIfAbsent("/components/schemas/Problem", p -> factory.getSchema(
          SchemaLocation.of(BASE_IRI + "#" + p), SchemaValidatorsConfig.builder().build()));
      return problem.validate(JSON.readTree(body)).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private JsonNode resolve(JsonNode node) {
    int hops = 0;
    while (node.has("$ref") && hops++ < 10) {
      node = document.at(pointerOf(node.get("$ref").asText()));
    }
    return node;
  }

  private static String pointerOf(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalArgumentException("only local $refs are supported: " + ref);
    }
    return ref.substring(1);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names.toString();
  }
}
