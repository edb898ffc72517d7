package org.ewb.logic.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text file whose encoding the exporting program chose: a byte-order mark decides (UTF-8,
 * UTF-16); otherwise strict UTF-8, and if that fails GB18030 (Chinese databases such as CNKI and
 * Wanfang export it). A file with NUL bytes or that neither decodes is refused as binary.
 */
public final class TextDecoder {

  /** The decoded text and the charset it was read with. */
  public record Decoded(String text, Charset charset) {}

  private static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  public static Decoded read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw ImportErrors.refuse(
          file.toString(), 0, "import.error.read", String.valueOf(e.getMessage()));
    }
    return decode(file.getFileName().toString(), bytes);
  }

  public static Decoded decode(String name, byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      return new Decoded(strict(name, bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return new Decoded(
          strict(name, bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return new Decoded(
          strict(name, bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
    }
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      throw ImportErrors.refuse(name, 0, "import.error.zip");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw ImportErrors.refuse(name, 0, "import.error.binary", i);
      }
    }
    try {
      return new Decoded(decodeStrict(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      try {
        return new Decoded(decodeStrict(bytes, 0, GB18030), GB18030);
      } catch (CharacterCodingException e2) {
        throw ImportErrors.refuse(name, 0, "import.error.encoding");
      }
    }
  }

  private static String strict(String name, byte[] bytes, int offset, Charset cs) {
    try {
      return decodeStrict(bytes, offset, cs);
    } catch (CharacterCodingException e) {
      throw ImportErrors.refuse(name, 0, "import.error.encoding");
    }
  }

  private static String decodeStrict(byte[] bytes, int offset, Charset cs)
      throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }
}
