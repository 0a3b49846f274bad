package dev.storeops.stack.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a function's {@code Policies} grant: each inline statement and each SAM policy template
 * (expanded to the actions AWS documents for it) as one {@link Grant}. Resources are kept as text:
 * {@code !GetAtt T.Arn} becomes {@code ${T.Arn}}, {@code !Ref X} becomes {@code ${X}}, a {@code !Sub}
 * its template string — enough to tell a table from its indexes, or a bucket prefix from the bucket.
 */
public final class PolicyGrants {
  /** One grant: where it comes from ({@code Statement} or a policy template's name), actions, resources. */
  public record Grant(String source, Set<String> actions, List<String> resources, Map<String, Object> templateArgs) {
    public boolean isTemplate() {
      return !source.equals("Statement");
    }

    /** Whether the grant covers {@code action} ({@code service:*} and {@code *} cover every action). */
    public boolean allows(String action) {
      String service = action.substring(0, action.indexOf(':') + 1);
      return actions.contains(action) || actions.contains("*") || actions.contains(service + "*");
    }

    public boolean touches(String service) {
      return actions.stream().anyMatch(a -> a.equals("*") || a.startsWith(service + ":"));
    }
  }

  private static final String TABLE = "${TableName}";
  private static final String INDEX = "${TableName}/index/*";

  /** SAM policy templates (the ones that matter here) and the actions they grant. */
  static final Map<String, List<String>> TEMPLATES = Map.of(
      "DynamoDBCrudPolicy", List.of("dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
          "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
          "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"),
      "DynamoDBReadPolicy", List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
          "dynamodb:DescribeTable"),
      "DynamoDBWritePolicy", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"),
      "S3CrudPolicy", List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration", "s3:PutLifecycleConfiguration",
          "s3:DeleteObject"),
      "S3ReadPolicy", List.of("s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
          "s3:GetLifecycleConfiguration"),
      "S3WritePolicy", List.of("s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"),
      "S3FullAccessPolicy", List.of("s3:*"),
      "SESCrudPolicy", List.of("ses:GetIdentityVerificationAttributes", "ses:SendEmail", "ses:SendRawEmail",
          "ses:VerifyEmailIdentity"),
      "SESBulkTemplatedCrudPolicy", List.of("ses:GetIdentityVerificationAttributes", "ses:SendEmail",
          "ses:SendRawEmail", "ses:SendTemplatedEmail", "ses:SendBulkTemplatedEmail", "ses:VerifyEmailIdentity"));

  private PolicyGrants() {}

  @SuppressWarnings("unchecked")
  public static List<Grant> of(SamFunction f) {
    List<Grant> out = new ArrayList<>();
    Object policies = f.properties().get("Policies");
    List<Object> list = policies instanceof List<?> l ? (List<Object>) l : policies == null ? List.of() : List.of(policies);
    for (Object p : list) {
      if (p instanceof String managed) {
        // an AWS managed policy by name: only the broad ones are recognised
        String lower = managed.toLowerCase();
        Set<String> actions = new LinkedHashSet<>();
        if (lower.contains("dynamodb")) {
          actions.add("dynamodb:*");
        }
        if (lower.contains("s3")) {
          actions.add("s3:*");
        }
        if (lower.contains("ses")) {
          actions.add("ses:*");
        }
        if (lower.contains("administrator") || lower.contains("poweruser")) {
          actions.add("*");
        }
        out.add(new Grant(managed, actions, List.of("*"), Map.of()));
        continue;
      }
      if (!(p instanceof Map<?, ?> m)) {
        continue;
      }
      if (m.get("Statement") != null) {
        Object st = m.get("Statement");
        for (Object s : st instanceof List<?> sl ? sl : List.of(st)) {
          if (s instanceof Map<?, ?> sm && !"Deny".equals(sm.get("Effect"))) {
            out.add(new Grant("Statement", new LinkedHashSet<>(strings(sm.get("Action"))), resources(sm.get("Resource")),
                Map.of()));
          }
        }
        continue;
      }
      m.forEach((name, args) -> {
        List<String> actions = TEMPLATES.get(String.valueOf(name));
        Map<String, Object> a = args instanceof Map<?, ?> am ? (Map<String, Object>) am : Map.of();
        if (actions != null) {
          List<String> res = String.valueOf(name).startsWith("DynamoDB") ? List.of(TABLE, INDEX) : List.of("*");
          out.add(new Grant(String.valueOf(name), new LinkedHashSet<>(actions), res, a));
        } else {
          out.add(new Grant(String.valueOf(name), Set.of(), List.of(), a));
        }
      });
    }
    return out;
  }

  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(PolicyGrants::text).toList();
    }
    return List.of(text(value));
  }

  private static List<String> resources(Object value) {
    return strings(value);
  }

  /** A resource or action as text, intrinsic functions written as {@code ${...}}. */
  @SuppressWarnings("unchecked")
  static String text(Object value) {
    if (value instanceof Map<?, ?> m && SamTemplate.isIntrinsic(m)) {
      var e = m.entrySet().iterator().next();
      Object arg = e.getValue();
      switch (String.valueOf(e.getKey())) {
        case "Ref":
          return "${" + arg + "}";
        case "Fn::GetAtt":
          return "${" + String.join(".", ((List<Object>) arg).stream().map(String::valueOf).toList()) + "}";
        case "Fn::Sub":
          return arg instanceof List<?> l ? String.valueOf(l.get(0)) : String.valueOf(arg);
        case "Fn::Join": {
          List<Object> l = (List<Object>) arg;
          Object parts = l.get(1);
          return parts instanceof List<?> pl ? String.join(String.valueOf(l.get(0)), pl.stream().map(PolicyGrants::text).toList())
              : text(parts);
        }
        default:
          return "${" + e.getKey() + "}";
      }
    }
    return String.valueOf(value);
  }
}
