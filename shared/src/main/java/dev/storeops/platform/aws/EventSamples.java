package dev.storeops.platform.aws;

/**
 * Real-shaped Lambda events and responses (API Gateway HTTP API v2, SQS, S3, DynamoDB streams, plain
 * maps) for {@link Priming#lambdaEvent}: every part the runtime's serializers map (request context,
 * JWT claims, record attributes, stream images), made up and pointing at nothing.
 */
final class EventSamples {
  private EventSamples() {}

  static String event(String type) {
    return switch (type) {
      case "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent" -> """
          {"version":"2.0","routeKey":"GET /priming","rawPath":"/priming","rawQueryString":"a=b",
           "cookies":["c=d"],"headers":{"content-type":"application/json","user-agent":"storeops-priming"},
           "queryStringParameters":{"a":"b"},"pathParameters":{"id":"priming"},"stageVariables":{"s":"t"},
           "requestContext":{"accountId":"000000000000","apiId":"priming","domainName":"priming.invalid",
            "domainPrefix":"priming","authorizer":{"jwt":{"claims":{"sub":"priming","cognito:groups":"[owner]"},
            "scopes":["openid"]}},"http":{"method":"GET","path":"/priming","protocol":"HTTP/1.1",
            "sourceIp":"127.0.0.1","userAgent":"storeops-priming"},"requestId":"priming",
            "routeKey":"GET /priming","stage":"$default","time":"30/Nov/2026:00:00:00 +0000",
            "timeEpoch":1796000000000},"body":"{}","isBase64Encoded":false}""";
      case "com.amazonaws.services.lambda.runtime.events.SQSEvent" -> """
          {"Records":[{"messageId":"priming","receiptHandle":"priming","body":"{}",
           "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1796000000000","SenderId":"priming",
            "ApproximateFirstReceiveTimestamp":"1796000000000"},
           "messageAttributes":{"a":{"stringValue":"b","dataType":"String"}},
           "md5OfBody":"99914b932bd37a50b983c5e7c90ae93b","eventSource":"aws:sqs",
           "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:priming","awsRegion":"us-east-1"}]}""";
      // the S3 functions take the event as a map read into an S3Notification (S3Notification.SAMPLE)
      case "dev.storeops.platform.aws.S3Notification" -> """
          {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
           "eventTime":"2026-11-30T00:00:00.000Z","eventName":"ObjectCreated:Put",
           "userIdentity":{"principalId":"priming"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
           "responseElements":{"x-amz-request-id":"priming","x-amz-id-2":"priming"},
           "s3":{"s3SchemaVersion":"1.0","configurationId":"priming","bucket":{"name":"priming",
            "ownerIdentity":{"principalId":"priming"},"arn":"arn:aws:s3:::priming"},
            "object":{"key":"priming/none","size":1,"eTag":"priming","sequencer":"0"}}}]}""";
      case "com.amazonaws.services.lambda.runtime.events.DynamodbEvent" -> """
          {"Records":[{"eventID":"1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
           "awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1796000000,
            "Keys":{"pk":{"S":"PRIMING#"},"sk":{"S":"PRIMING#"}},
            "NewImage":{"pk":{"S":"PRIMING#"},"sk":{"S":"PRIMING#"},"n":{"N":"1"},"l":{"L":[{"S":"x"}]},
             "m":{"M":{"b":{"BOOL":true}}},"z":{"NULL":true}},
            "OldImage":{"pk":{"S":"PRIMING#"},"sk":{"S":"PRIMING#"}},
            "SequenceNumber":"1","SizeBytes":10,"StreamViewType":"NEW_AND_OLD_IMAGES"},
           "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/priming/stream/2026"}]}""";
      default -> "{\"job\":\"priming\"}";
    };
  }

  /** A sample answer of the response type, or null where the type has no fixed shape (lists). */
  static String response(String type) {
    return switch (type) {
      case "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse" -> """
          {"statusCode":400,"headers":{"content-type":"application/problem+json"},
           "multiValueHeaders":{"set-cookie":["a=b"]},"cookies":["a=b"],"body":"{}","isBase64Encoded":false}""";
      case "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse",
          "com.amazonaws.services.lambda.runtime.events.StreamsEventResponse" -> """
          {"batchItemFailures":[{"itemIdentifier":"priming"}]}""";
      case "java.util.Map" -> "{\"job\":\"priming\",\"n\":1}";
      default -> null;
    };
  }
}
