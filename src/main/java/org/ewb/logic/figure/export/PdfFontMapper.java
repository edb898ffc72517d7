package org.ewb.logic.figure.export;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Java fonts a figure uses to font files that OpenPDF embeds as subsets (Type 0 /
 * Identity-H with a ToUnicode map), so that every character, Chinese included, stays selectable and
 * extractable text (ADR 0050). Font files are found by PostScript name in the usual system font
 * folders; the index is built once per JVM and only as far as needed.
 */
final class PdfFontMapper implements FontMapper {

  private static final Logger LOG = LoggerFactory.getLogger(PdfFontMapper.class);

  private static final List<Path> FONT_DIRS = fontDirs();
  private static final Map<String, Optional<String>> LOCATIONS = new HashMap<>();
  private static List<Path> files;

  private final Map<String, BaseFont> fonts = new HashMap<>();

  /** Whether the font's file was found and can be embedded. */
  boolean canEmbed(Font font) {
    return base(font) != null;
  }

  @Override
  public BaseFont awtToPdf(Font font) {
    BaseFont bf = base(font);
    if (bf != null) {
      return bf;
    }
    // the graphics' initial default font (Dialog) is mapped but never used for figure text: the
    // exporter checks canEmbed for the figure's fonts before it draws
    try {
      return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new IllegalStateException("standard font Helvetica unavailable", e);
    }
  }

  @Override
  public Font pdfToAwt(BaseFont font, int size) {
    return null;
  }

  private BaseFont base(Font font) {
    String ps = font.getPSName();
    if (fonts.containsKey(ps)) {
      return fonts.get(ps);
    }
    BaseFont bf = null;
    Optional<String> loc = locate(ps);
    if (loc.isPresent()) {
      try {
        bf = BaseFont.createFont(loc.get(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot embed font {} from {}: {}", ps, loc.get(), e.getMessage());
      }
    }
    fonts.put(ps, bf);
    return bf;
  }

  /** "file" or "file,index" (for a TrueType/OpenType collection) of a PostScript font name. */
  static synchronized Optional<String> locate(String psName) {
    Optional<String> known = LOCATIONS.get(psName);
    if (known != null) {
      return known;
    }
    String key = squash(psName);
    List<Path> candidates = new ArrayList<>(fontFiles());
    // files whose name shares the longest prefix with the font name are read first
    candidates.sort(
        Comparator.comparingInt(
            (Path p) -> -commonPrefix(squash(p.getFileName().toString()), key)));
    for (Path p : candidates) {
      String file = p.toString();
      try {
        if (file.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
          String[] names = BaseFont.enumerateTTCNames(file);
          for (int i = 0; i < names.length; i++) {
            LOCATIONS.putIfAbsent(names[i], Optional.of(file + "," + i));
          }
        } else {
          Object[] names = BaseFont.getAllFontNames(file, BaseFont.IDENTITY_H, null);
          LOCATIONS.putIfAbsent((String) names[0], Optional.of(file));
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("Skipping font file {}: {}", file, e.getMessage());
      }
      if (LOCATIONS.containsKey(psName)) {
        return LOCATIONS.get(psName);
      }
    }
    LOCATIONS.put(psName, Optional.empty());
    return Optional.empty();
  }

  private static synchronized List<Path> fontFiles() {
    if (files == null) {
      List<Path> out = new ArrayList<>();
      for (Path dir : FONT_DIRS) {
        if (Files.isDirectory(dir)) {
          try (Stream<Path> s = Files.walk(dir, 6)) {
            s.filter(Files::isRegularFile)
                .filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttf|otf|ttc)$"))
                .forEach(out::add);
          } catch (IOException | RuntimeException e) {
            LOG.debug("Cannot list fonts in {}: {}", dir, e.getMessage());
          }
        }
      }
      files = out;
    }
    return files;
  }

  private static List<Path> fontDirs() {
    String home = System.getProperty("user.home", "");
    List<Path> dirs =
        new ArrayList<>(
            List.of(
                Path.of("/usr/share/fonts"),
                Path.of("/usr/local/share/fonts"),
                Path.of("/System/Library/Fonts"),
                Path.of("/Library/Fonts"),
                Path.of("C:/Windows/Fonts")));
    if (!home.isEmpty()) {
      dirs.add(Path.of(home, ".fonts"));
      dirs.add(Path.of(home, ".local/share/fonts"));
      dirs.add(Path.of(home, "Library/Fonts"));
    }
    String windir = System.getenv("WINDIR");
    if (windir != null) {
      dirs.add(Path.of(windir, "Fonts"));
    }
    return dirs;
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
