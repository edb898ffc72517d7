package org.ewb.logic.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of the identifiers that decide a duplicate outright: DOI (lower case, without
 * resolver prefix), PMID (digits) and trial registration numbers found anywhere in a record
 * (ClinicalTrials.gov NCT, Chinese Clinical Trial Registry ChiCTR, ISRCTN).
 */
public final class Identifiers {

  private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
  private static final Pattern REGISTRATION =
      Pattern.compile(
          "\\b(NCT\\d{8}|ChiCTR[-–]?(?:[A-Z]{2,4}[-–]?)?\\d{8,10}|ISRCTN\\d{8})\\b",
          Pattern.CASE_INSENSITIVE);

  private Identifiers() {}

  /** "https://doi.org/10.1000/ABC." → "10.1000/abc"; "" if there is no DOI in the text. */
  public static String doi(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    Matcher m = DOI.matcher(text.strip());
    if (!m.find()) {
      return "";
    }
    String d = m.group();
    while (!d.isEmpty() && ".,;)]}".indexOf(d.charAt(d.length() - 1)) >= 0) {
      d = d.substring(0, d.length() - 1);
    }
    return d.toLowerCase(Locale.ROOT);
  }

  /** The digits of a PubMed id ("PMID: 123" → "123"); "" if there are none or too many. */
  public static String pmid(String text) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    Matcher m = Pattern.compile("\\b(\\d{1,9})\\b").matcher(t);
    return m.find() ? m.group(1).replaceFirst("^0+(?=\\d)", "") : "";
  }

  /** Every distinct registration number in the text, in normal form, in order of appearance. */
  public static List<String> registrations(CharSequence text) {
    List<String> out = new ArrayList<>();
    if (!mayHoldRegistration(text)) {
      return out; // most records: skip the case-insensitive regex (a 50,000-record file)
    }
    Matcher m = REGISTRATION.matcher(text);
    while (m.find()) {
      String r = normaliseRegistration(m.group(1));
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  static String normaliseRegistration(String r) {
    String u = r.toUpperCase(Locale.ROOT).replace('–', '-');
    if (u.startsWith("CHICTR")) {
      return "ChiCTR" + u.substring(6);
    }
    return u;
  }

  /** Whether "NCT", "ChiCTR" or "ISRCTN" occurs in any letter case. */
  static boolean mayHoldRegistration(CharSequence text) {
    String t = text.toString();
    int n = t.length();
    for (int i = 0; i + 3 <= n; i++) {
      char c = t.charAt(i);
      if ((c == 'N' || c == 'n') && t.regionMatches(true, i, "NCT", 0, 3)) {
        return true;
      }
      if ((c == 'C' || c == 'c') && t.regionMatches(true, i, "CHICTR", 0, 6)) {
        return true;
      }
      if ((c == 'I' || c == 'i') && t.regionMatches(true, i, "ISRCTN", 0, 6)) {
        return true;
      }
    }
    return false;
  }
}
