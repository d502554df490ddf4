package org.detecta.text;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteExtractorTest {
  private static final String FEVER = "HP:0001945";
  private static final String SEIZURE = "HP:0001250";
  private static final String HYPOTONIA = "HP:0001252";

  private static Extraction extract(String text, Language language) {
    return MiniOntology.extractor().extract(text, language);
  }

  private static Optional<Finding> find(Extraction extraction, String id) {
    return extraction.findings().stream().filter(f -> f.hpoId().equals(id)).findFirst();
  }

  private static FindingStatus status(String text, Language language, String id) {
    return find(extract(text, language), id).orElseThrow(() -> new AssertionError(id + " not found in: " + text)).status();
  }

  @Nested
  class Status {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sin fiebre pero con crisis convulsivas.|HP:0001945|ABSENT",
        "Sin fiebre pero con crisis convulsivas.|HP:0001250|PRESENT",
        "Niega convulsiones y vómitos.|HP:0002013|ABSENT",
        "No se observa hepatomegalia.|HP:0002240|ABSENT",
        "Posible hepatomegalia.|HP:0002240|UNCERTAIN",
        "Sospecha de escoliosis.|HP:0002650|UNCERTAIN",
        "No se descarta escoliosis.|HP:0002650|UNCERTAIN",
        "Madre con epilepsia. El paciente presenta hipotonía.|HP:0001250|FAMILY",
        "Madre con epilepsia. El paciente presenta hipotonía.|HP:0001252|PRESENT",
        "La madre refiere que el niño tiene fiebre.|HP:0001945|PRESENT",
        "Hepatomegalia descartada.|HP:0002240|ABSENT",
        "Primer hijo de la pareja, con hipotonía desde el nacimiento.|HP:0001252|PRESENT",
        "Sin antecedentes familiares de epilepsia.|HP:0001250|FAMILY",
        "Fiebre: no. Cefalea: sí.|HP:0001945|ABSENT",
        "Fiebre: no. Cefalea: sí.|HP:0002315|PRESENT",
        "Descartada la hepatomegalia por ecografía.|HP:0002240|ABSENT",
        "La madre de la paciente tiene epilepsia.|HP:0001250|FAMILY",
    })
    void spanishTriggersAndScopes(String text, String id, FindingStatus expected) {
      assertEquals(expected, status(text, Language.ES, id));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "No fever but seizures since birth.|HP:0001945|ABSENT",
        "Fever: absent. Vomiting: yes.|HP:0001945|ABSENT",
        "Fever: absent. Vomiting: yes.|HP:0002013|PRESENT",
        "Fever, vomiting and headache.|HP:0001945|PRESENT",
        "Neither fever nor vomiting.|HP:0001945|ABSENT",
        "Hypotonia was not observed.|HP:0001252|ABSENT",
        "Cannot exclude scoliosis.|HP:0002650|UNCERTAIN",
        "No fever but seizures since birth.|HP:0001250|PRESENT",
        "He denies headache and vomiting.|HP:0002013|ABSENT",
        "There was no evidence of scoliosis.|HP:0002650|ABSENT",
        "Rule out hepatomegaly.|HP:0002240|UNCERTAIN",
        "Scoliosis was ruled out.|HP:0002650|ABSENT",
        "His brother had seizures. The patient has hypotonia.|HP:0001250|FAMILY",
        "His brother had seizures. The patient has hypotonia.|HP:0001252|PRESENT",
    })
    void englishTriggersAndScopes(String text, String id, FindingStatus expected) {
      assertEquals(expected, status(text, Language.EN, id));
    }

    @Test
    void negationScopeStopsAtTheEndOfTheSentence() {
      assertEquals(FindingStatus.PRESENT, status("Sin vómitos. Fiebre de 39 grados.", Language.ES, FEVER));
    }

    @Test
    void nearestTriggerDecidesCertainty() {
      assertEquals(FindingStatus.UNCERTAIN, status("Sin fiebre, posible escoliosis.", Language.ES, "HP:0002650"));
    }
  }

  @Nested
  class Recognition {
    @Test
    void offsetsPointIntoTheOriginalText() {
      String text = "Lactante con  crisis convulsivas\ny fiebre.";
      Extraction extraction = extract(text, Language.ES);
      for (Finding f : extraction.findings()) {
        assertEquals(f.text(), text.substring(f.start(), f.end()));
      }
      Finding seizure = find(extraction, SEIZURE).orElseThrow();
      assertEquals(text.indexOf("crisis"), seizure.start());
      assertEquals(text.indexOf("convulsivas") + "convulsivas".length(), seizure.end());
    }

    @Test
    void accentsAreFolded() {
      assertTrue(find(extract("Presenta hipotonia marcada.", Language.ES), HYPOTONIA).isPresent());
      assertTrue(find(extract("HIPOTONÍA.", Language.ES), HYPOTONIA).isPresent());
    }

    @Test
    void pluralsAndInflectionsMeetTheLabel() {
      assertTrue(find(extract("Bilateral cataracts were seen.", Language.EN), "HP:0000518").isPresent());
      assertTrue(find(extract("Cataratas bilaterales.", Language.ES), "HP:0000518").isPresent());
      assertTrue(find(extract("Recurrent seizures.", Language.EN), SEIZURE).isPresent());
    }

    @Test
    void wordOrderAndStopWordsInsideTermsAreFree() {
      assertTrue(find(extract("Impairment of hearing was noted.", Language.EN), "HP:0000365").isPresent());
      assertTrue(find(extract("Presenta baja talla.", Language.ES), "HP:0004322").isPresent());
      assertTrue(find(extract("Stature was short.", Language.EN), "HP:0004322").isEmpty(),
          "a verb between the words ends the match");
    }

    @Test
    void coordinatedModifiersShareTheHead() {
      Extraction extraction = extract("He had palmar and plantar pits.", Language.EN);
      assertTrue(find(extraction, "HP:0010610").isPresent(), "palmar pits");
      assertTrue(find(extraction, "HP:0010612").isPresent(), "plantar pits");
    }

    @Test
    void overlappingSpansKeepTheMostSpecificTerm() {
      Extraction extraction = extract("Sensorineural hearing impairment since birth.", Language.EN);
      assertEquals(List.of("HP:0000407"), extraction.findings().stream().map(Finding::hpoId).toList());
    }

    @Test
    void abbreviationDefinedInTheTextIsRecognisedLater() {
      Extraction extraction = extract("She has short stature (SS). SS was noted at age 3.", Language.EN);
      long count = extraction.findings().stream().filter(f -> f.hpoId().equals("HP:0004322")).count();
      assertEquals(3, count, extraction.findings().toString());
      assertTrue(extraction.findings().stream().anyMatch(f -> f.text().equals("SS") && f.start() == 28));
    }

    @Test
    void abbreviationsMatchOnlyTheirExactSpelling() {
      assertTrue(find(extract("Paciente con DI moderada.", Language.ES), "HP:0001249").isPresent());
      assertTrue(find(extract("El di de la semana.", Language.ES), "HP:0001249").isEmpty());
    }

    @Test
    void labelsComeInTheNotesLanguage() {
      assertEquals("Fiebre", find(extract("Fiebre alta.", Language.ES), FEVER).orElseThrow().label());
      assertEquals("Fever", find(extract("High fever.", Language.EN), FEVER).orElseThrow().label());
    }

    @Test
    void wordsThatAreNotTermsGiveNothing() {
      assertTrue(extract("The weather was fine into the evening.", Language.EN).findings().isEmpty());
    }
  }

  @Nested
  class LanguageAndInput {
    @Test
    void autoDetectsSpanishAndEnglish() {
      assertEquals(Language.ES, extract("La paciente presenta fiebre y vómitos desde hace dos días.", Language.AUTO).language());
      assertEquals(Language.EN, extract("The patient has fever and vomiting for two days.", Language.AUTO).language());
    }

    @Test
    void autoFallsBackOnKnownTermsWhenNoFunctionWords() {
      assertEquals(Language.ES, extract("Fiebre, hipotonía.", Language.AUTO).language());
    }

    @Test
    void undecidableLanguageIsAClearError() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> extract("12345 xyz", Language.AUTO));
      assertTrue(e.getMessage().contains("pass the language explicitly"), e.getMessage());
    }

    @Test
    void unknownLanguageCodeIsNamed() {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Language.parse("fr"));
      assertEquals("Unknown language 'fr': use es, en or auto", e.getMessage());
    }

    @Test
    void emptyAndBinaryNotesAreRejected() {
      assertThrows(IllegalArgumentException.class, () -> extract("  \n", Language.ES));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> extract("abc\u0000def", Language.ES));
      assertTrue(e.getMessage().contains("U+0000 at offset 3"), e.getMessage());
    }

    @Test
    void extractionNeverCarriesAuto() {
      assertThrows(IllegalArgumentException.class, () -> new Extraction(Language.AUTO, List.of()));
      assertFalse(MiniOntology.extractor().skippedWording().isEmpty(), "the excerpt lacks most wording ids");
    }
  }
}
