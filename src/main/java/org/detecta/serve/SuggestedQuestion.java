package org.detecta.serve;

/** One entry of a diagnosis' {@code nextQuestions}: the question's id, text, kind and expected gain (nats). */
public record SuggestedQuestion(String id, String text, String kind, double gain) {
  static SuggestedQuestion of(org.detecta.interview.RankedQuestion r, String lang) {
    return new SuggestedQuestion(r.question().id(), r.question().text(lang), r.question().kind().json(), r.gain());
  }
}
