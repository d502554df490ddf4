package org.detecta.text;

/**
 * How the dictionary matches. {@link #full()} is the product; {@link #baseline()} is the plain label/synonym
 * dictionary with exact longest match that the evaluation reports beside it.
 *
 * @param stem             stem words (plurals and inflections meet)
 * @param anyWordOrder     a term matches its words in any order ("hypoplastic left heart" / "left heart hypoplasia")
 * @param dropStopWords    stop words inside a term are ignored ("abnormality of the hand" = "hand abnormality")
 * @param wording          use the reviewed clinical wording file and its abbreviations
 * @param textAbbreviations learn abbreviations defined in the note ("developmental delay (DD)")
 */
public record MatchOptions(boolean stem, boolean anyWordOrder, boolean dropStopWords, boolean wording,
                           boolean textAbbreviations) {
  public static MatchOptions full() {
    return new MatchOptions(true, true, true, true, true);
  }

  public static MatchOptions baseline() {
    return new MatchOptions(false, false, false, false, false);
  }
}
