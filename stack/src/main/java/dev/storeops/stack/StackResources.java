package dev.storeops.stack;

import dev.storeops.stack.template.Intrinsics;
import dev.storeops.stack.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The physical side of the template on an emulated stack: parameter values, the name of every
 * resource, and the queue URLs and ARNs the emulators gave. Answers {@code Ref}/{@code GetAtt}.
 */
public final class StackResources implements Intrinsics.Names {
  public static final String ACCOUNT_ID = "000000000000";
  private static final Map<String, String> NAME_PROPERTY = Map.of(
      "AWS::DynamoDB::Table", "TableName",
      "AWS::SQS::Queue", "QueueName",
      "AWS::S3::Bucket", "BucketName",
      "AWS::SNS::Topic", "TopicName",
      "AWS::Serverless::Function", "FunctionName",
      "AWS::Logs::LogGroup", "LogGroupName");

  private final SamTemplate template;
  private final Map<String, String> parameters;
  private final String region;
  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, String> queueUrls = new LinkedHashMap<>();
  private final Map<String, String> queueArns = new LinkedHashMap<>();

  public StackResources(SamTemplate template, Map<String, String> parameterValues, String region) {
    this.template = template;
    this.region = region;
    this.parameters = new LinkedHashMap<>();
    template.parameters().forEach((name, spec) -> {
      String value = parameterValues.containsKey(name) ? parameterValues.get(name)
          : spec.get("Default") == null ? null : String.valueOf(spec.get("Default"));
      if (value == null) {
        throw new IllegalArgumentException("template parameter " + name + " has no default and no value was given");
      }
      parameters.put(name, value);
    });
    for (String id : template.resources().keySet()) {
      String type = template.typeOf(id);
      String property = NAME_PROPERTY.get(type);
      Object declared = property == null ? null : template.properties(id).get(property);
      names.put(id, declared != null ? Intrinsics.resolveString(declared, this)
          : "storeops-" + parameters.getOrDefault("Stage", "local") + "-" + id.toLowerCase(Locale.ROOT));
    }
  }

  public SamTemplate template() {
    return template;
  }

  public Map<String, String> parameters() {
    return Map.copyOf(parameters);
  }

  public String parameter(String name) {
    String v = parameters.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + name);
    }
    return v;
  }

  /** The physical name of a resource (table name, queue name, bucket name, …). */
  public String name(String logicalId) {
    String n = names.get(logicalId);
    if (n == null) {
      throw new IllegalArgumentException("no resource " + logicalId + " in the template");
    }
    return n;
  }

  public String queueUrl(String logicalId) {
    String url = queueUrls.get(logicalId);
    if (url == null) {
      throw new IllegalStateException("queue " + logicalId + " was not created");
    }
    return url;
  }

  public String queueArn(String logicalId) {
    return queueArns.getOrDefault(logicalId, "arn:aws:sqs:" + region + ":" + ACCOUNT_ID + ":" + name(logicalId));
  }

  void queueCreated(String logicalId, String url, String arn) {
    queueUrls.put(logicalId, url);
    queueArns.put(logicalId, arn);
  }

  /** Logical ID of the queue with this URL or ARN, if it is one of the template's. */
  public String queueLogicalId(String urlOrArn) {
    for (var e : queueUrls.entrySet()) {
      if (e.getValue().equals(urlOrArn) || urlOrArn.equals(queueArns.get(e.getKey()))) {
        return e.getKey();
      }
    }
    return null;
  }

  @Override
  public String ref(String id) {
    switch (id) {
      case "AWS::Region": return region;
      case "AWS::AccountId": return ACCOUNT_ID;
      case "AWS::Partition": return "aws";
      case "AWS::URLSuffix": return "amazonaws.com";
      case "AWS::StackName": return "storeops-" + parameters.getOrDefault("Stage", "local");
      default: break;
    }
    if (parameters.containsKey(id)) {
      return parameters.get(id);
    }
    String type = template.typeOf(id);
    if (type == null) {
      throw new IllegalArgumentException("!Ref " + id + ": no such parameter or resource");
    }
    return switch (type) {
      case "AWS::SQS::Queue" -> queueUrls.getOrDefault(id, name(id));
      case "AWS::SNS::Topic" -> "arn:aws:sns:" + region + ":" + ACCOUNT_ID + ":" + name(id);
      default -> name(id);
    };
  }

  @Override
  public String getAtt(String id, String attribute) {
    String type = template.typeOf(id);
    if (type == null) {
      throw new IllegalArgumentException("!GetAtt " + id + "." + attribute + ": no such resource");
    }
    String service = switch (type) {
      case "AWS::DynamoDB::Table" -> "dynamodb";
      case "AWS::SQS::Queue" -> "sqs";
      case "AWS::S3::Bucket" -> "s3";
      case "AWS::SNS::Topic" -> "sns";
      case "AWS::Serverless::Function" -> "lambda";
      default -> type.toLowerCase(Locale.ROOT);
    };
    return switch (attribute) {
      case "Arn" -> switch (service) {
        case "sqs" -> queueArn(id);
        case "s3" -> "arn:aws:s3:::" + name(id);
        case "dynamodb" -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name(id);
        case "lambda" -> "arn:aws:lambda:" + region + ":" + ACCOUNT_ID + ":function:" + name(id);
        default -> "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":" + name(id);
      };
      case "QueueName", "TopicName" -> name(id);
      case "QueueUrl" -> queueUrl(id);
      case "StreamArn" -> "arn:aws:dynamodb:" + region + ":" + ACCOUNT_ID + ":table/" + name(id) + "/stream/local";
      default -> throw new IllegalArgumentException("!GetAtt " + id + "." + attribute + " is not supported locally");
    };
  }
}
