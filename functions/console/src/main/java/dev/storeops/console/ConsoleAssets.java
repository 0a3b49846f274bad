package dev.storeops.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The built console ({@code console-assets/} on the classpath, from the storeops-console jar), read
 * once: each file with its precompressed {@code .br} and {@code .gz} siblings when the build made them.
 */
final class ConsoleAssets {
  static final String ROOT = "console-assets";

  /** One file: its bytes and, when built, its brotli and gzip forms. */
  record Asset(String path, byte[] raw, byte[] brotli, byte[] gzip) {}

  private final Map<String, Asset> files;

  ConsoleAssets(Map<String, Asset> files) {
    this.files = Map.copyOf(files);
  }

  Optional<Asset> get(String path) {
    return Optional.ofNullable(files.get(path));
  }

  int size() {
    return files.size();
  }

  static ConsoleAssets fromClasspath() {
    URL index = ConsoleAssets.class.getClassLoader().getResource(ROOT + "/index.html");
    if (index == null) {
      throw new IllegalStateException(ROOT + "/index.html is not on the classpath: build the console module first");
    }
    try {
      String url = index.toString();
      if (url.startsWith("jar:")) {
        try (FileSystem fs = FileSystems.newFileSystem(index.toURI(), Collections.emptyMap())) {
          return read(fs.getPath("/" + ROOT));
        }
      }
      return read(Path.of(index.toURI()).getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static ConsoleAssets read(Path root) throws IOException {
    Map<String, byte[]> all = new HashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        try (InputStream in = Files.newInputStream(p)) {
          all.put(rel, in.readAllBytes());
        }
      }
    }
    Map<String, Asset> files = new HashMap<>();
    all.forEach((path, bytes) -> {
      if (!path.endsWith(".br") && !path.endsWith(".gz")) {
        files.put(path, new Asset(path, bytes, all.get(path + ".br"), all.get(path + ".gz")));
      }
    });
    return new ConsoleAssets(files);
  }
}
