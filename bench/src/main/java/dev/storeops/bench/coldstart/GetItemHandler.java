package dev.storeops.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start bench's reference: a handler that builds one DynamoDB client (url-connection, as the
 * functions) in init and does one GetItem per request — the least an API function can do.
 */
public final class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final DynamoDbClient dynamo = DynamoDbClient.builder()
      .region(Region.of(System.getenv("AWS_REGION")))
      .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
          System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
      .httpClient(UrlConnectionHttpClient.builder().build())
      .build();
  private final String table = System.getenv("TABLE_NAME");

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    var item = dynamo.getItem(r -> r.tableName(table).key(Map.of(
        "pk", AttributeValue.fromS("SKU#TEA-001"), "sk", AttributeValue.fromS("PRODUCT"))));
    return APIGatewayV2HTTPResponse.builder().withStatusCode(item.hasItem() ? 200 : 404).withBody("{}").build();
  }
}
