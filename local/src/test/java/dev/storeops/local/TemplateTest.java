package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamFunction;
import dev.storeops.stack.template.SamTemplate;
import dev.storeops.stack.template.TemplateChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's template.yaml keeps every rule (no AWS account, no network). */
class TemplateTest {
  private final Path root = RepoRoot.find();
  private final SamTemplate template = SamTemplate.load(root.resolve("template.yaml"));
  private final TemplateChecks checks = new TemplateChecks(template, root, getClass().getClassLoader());

  @Test
  void everyHandlerExistsAndIsALambdaHandler() {
    assertEquals(List.of(), checks.handlers());
  }

  @Test
  void everyVariableTheCodeReadsIsSet() {
    assertEquals(List.of(), checks.environment());
  }

  @Test
  void everySqsEventSourceReportsBatchItemFailures() {
    assertEquals(List.of(), checks.sqsBatchFailures());
  }

  @Test
  void everyAsynchronousTriggerHasAnOnFailureDestination() {
    assertEquals(List.of(), checks.asyncFailureDestinations());
  }

  @Test
  void everyQueueHasARedrivePolicy() {
    assertEquals(List.of(), checks.queueRedrive());
  }

  @Test
  void everyFunctionHasAnErrorsAlarmAndEveryDeadLetterQueueADepthAlarm() {
    assertEquals(List.of(), checks.alarms());
  }

  @Test
  void everyFunctionHasAnExplicitLogRetention() {
    assertEquals(List.of(), checks.logRetention());
  }

  @Test
  void runtimeIsJava21Or25() {
    assertEquals(List.of(), checks.runtimes());
  }

  @Test
  void staffRoutesRequireTheJwtAuthorizer() {
    assertEquals(List.of(), checks.staffRoutesAuthorized());
  }

  @Test
  void theUserPoolDeclaresAGroupForEveryStaffRoleAndNoOther() {
    java.util.Set<String> groups = new java.util.TreeSet<>();
    for (String id : template.resourcesOfType("AWS::Cognito::UserPoolGroup")) {
      groups.add(String.valueOf(template.properties(id).get("GroupName")));
    }
    java.util.Set<String> roles = new java.util.TreeSet<>();
    for (dev.storeops.staff.StaffRole role : dev.storeops.staff.StaffRole.values()) {
      roles.add(role.name().toLowerCase(java.util.Locale.ROOT));
    }
    assertEquals(roles, groups, "Cognito groups in template.yaml vs staff/StaffRole");
  }

  @Test
  void everyStaffRouteHasAPermissionEntryAndEveryEntryARoute() {
    assertEquals(List.of(), checks.staffRoutePermissions(dev.storeops.staff.StaffPermissions.table().keySet()));
  }

  @Test
  void publicFunctionsCannotScanDeleteOrBatchWrite() {
    assertEquals(List.of(), checks.publicFunctionsCannotMassWrite());
    assertFalse(checks.publicRoutes(template.function("OrderApiFunction")).isEmpty());
  }

  @Test
  void eachFunctionIsGrantedTheDynamoDbActionsItsCodeCallsAndNoMore() {
    assertEquals(List.of(), checks.dynamoDbGrantsMatchCode());
  }

  @Test
  void mailIsSentAsTheSenderIdentityOnly() {
    assertEquals(List.of(), checks.sesSendsAsOneIdentity());
  }

  @Test
  void bucketAccessIsByPrefix() {
    assertEquals(List.of(), checks.s3GrantsByPrefix());
  }

  @Test
  void everyPublicRouteIsThrottled() {
    assertEquals(List.of(), checks.publicRoutesThrottled());
  }

  @Test
  void everyFunctionModuleIsABuiltModule() {
    for (SamFunction f : template.functions()) {
      assertTrue(Files.exists(root.resolve(f.moduleDir()).resolve("pom.xml")), f.logicalId() + " → " + f.moduleDir());
    }
    assertFalse(template.functions().isEmpty());
  }

  @Test
  void secretsAreNoEchoParameters() {
    for (String secret : List.of("WebhookSecret", "UnsubscribeSecret")) {
      assertEquals(Boolean.TRUE, template.parameters().get(secret).get("NoEcho"), secret);
    }
  }
}
