package dev.storeops.stack.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real AWS stack built from template.yaml. Declare an {@link
 * dev.storeops.stack.AwsStack} parameter (constructor, lifecycle or test method) to get it. The
 * stack starts once per test JVM: embedded emulators by default, LocalStack where Docker answers
 * (choose with {@code -Dstoreops.stack=embedded|localstack|auto}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AwsStackExtension.class)
public @interface WithAwsStack {}
