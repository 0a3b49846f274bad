package dev.storeops.stack.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.stack.StackResources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {
  private final SamTemplate template = SamTemplate.parse("""
      Parameters:
        Stage: { Type: String, Default: dev }
        Secret: { Type: String, NoEcho: true }
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties: { TableName: !Sub 'storeops-${Stage}-store' }
        Bucket:
          Type: AWS::S3::Bucket
          Properties: { BucketName: !Sub 'files-${Stage}-${AWS::AccountId}' }
        Queue:
          Type: AWS::SQS::Queue
      """);

  @Test
  void resolvesRefSubGetAttJoinSelectSplit() {
    StackResources names = new StackResources(template, Map.of("Stage", "test", "Secret", "s3cret"), "eu-central-1");
    assertEquals("storeops-test-store", Intrinsics.resolve(Map.of("Ref", "Table"), names));
    assertEquals("files-test-000000000000", Intrinsics.resolve(Map.of("Ref", "Bucket"), names));
    assertEquals("s3cret", Intrinsics.resolve(Map.of("Ref", "Secret"), names));
    assertEquals("arn:aws:s3:::files-test-000000000000",
        Intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Bucket", "Arn")), names));
    assertEquals("storeops-test-queue", Intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Queue", "QueueName")), names));
    assertEquals("eu-central-1/storeops-test-store/${literal}",
        Intrinsics.resolve(Map.of("Fn::Sub", "${AWS::Region}/${Table}/${!literal}"), names));
    assertEquals("x-y", Intrinsics.resolve(Map.of("Fn::Sub", List.of("${A}-${B}", Map.of("A", "x", "B", "y"))), names));
    assertEquals("a,b", Intrinsics.resolve(Map.of("Fn::Join", List.of(",", List.of("a", "b"))), names));
    assertEquals("b", Intrinsics.resolve(Map.of("Fn::Select", List.of(1, Map.of("Fn::Split", List.of("/", "a/b/c")))), names));
  }

  @Test
  void aParameterWithoutDefaultOrValueIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> new StackResources(template, Map.of(), "us-east-1"));
  }

  @Test
  void unknownReferenceIsAnError() {
    StackResources names = new StackResources(template, Map.of("Secret", "s"), "us-east-1");
    assertThrows(IllegalArgumentException.class, () -> Intrinsics.resolve(Map.of("Ref", "Nope"), names));
  }
}
