package dev.storeops.stack.http;

import dev.storeops.stack.RepoRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command of the build's Node tools ({@code tools/package.json}: Redocly CLI, openapi-typescript),
 * installing them with {@code npm ci} when they are missing.
 */
public final class NodeTool {
  /** What a run printed and how it ended. */
  public record Run(int exitCode, String output) {}

  private NodeTool() {}

  /** {@code tools/node_modules/.bin/<bin> args…} in the checkout's root. */
  public static Run run(String bin, List<String> args) {
    Path root = RepoRoot.find();
    Path tools = root.resolve("tools");
    Path executable = tools.resolve("node_modules/.bin/" + bin);
    if (!Files.isExecutable(executable)) {
      install(tools);
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
      // offline builds: no telemetry, no update check
      builder.environment().put("REDOCLY_TELEMETRY", "off");
      builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(bin + " did not finish in 5 minutes");
      }
      return new Run(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void install(Path tools) {
    try {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(tools.toFile()).redirectErrorStream(true).start();
      String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IllegalStateException("npm ci in " + tools + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the Node tools with npm", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
