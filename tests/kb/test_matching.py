"""Names are found in free text despite case, plurals, hyphens and typos, without false alarms."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from kb.matching import (
    ONE_WORD_THRESHOLD,
    THRESHOLD,
    Match,
    Term,
    Vocabulary,
    asked_words,
    coordinated,
    fuzzy_matched,
    how_many,
    job_titles,
    names_the_field,
    normalize,
    number_typed,
    picked,
    same_words,
    without_owned,
)

pytestmark = pytest.mark.unit

VOCAB = Vocabulary(
    [
        Term("Software Developer", "Software Developer", "career"),
        Term("Database Architect", "Database Architect", "career"),
        Term("DB architect", "Database Architect", "career"),
        Term("Front End Developer", "Front End Developer", "career"),
        Term("Back End Developer", "Back End Developer", "career"),
        Term("backend dev", "Back End Developer", "career"),
        Term("Python Developer Certificate", "Python Developer Certificate", "course"),
        Term("JavaScript Development Certificate", "JavaScript Development Certificate", "course"),
        Term("Django", "Django", "topic"),
        Term("SQL", "SQL", "topic"),
    ]
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("what does a sofware devloper earn", "Software Developer"),
        ("SOFTWARE DEVELOPER SALARY", "Software Developer"),
        ("what about software developers?", "Software Developer"),
        ("db architect pay", "Database Architect"),
        ("is back-end development growing", "Back End Developer"),
        ("how much does a backend dev make", "Back End Developer"),
    ],
)
def test_careers_are_found_whatever_the_spelling(text: str, expected: str) -> None:
    assert [(m.canonical, m.label) for m in VOCAB.find(text)] == [(expected, "career")]


def test_front_and_back_end_are_not_confused() -> None:
    assert [m.canonical for m in VOCAB.find("front end developer vs back end developer")] == [
        "Front End Developer",
        "Back End Developer",
    ]


def test_short_names_need_an_exact_match() -> None:
    assert [m.canonical for m in VOCAB.find("learn sql or sq or sqs")] == ["SQL"]
    assert VOCAB.find("what is the weather like") == []


def test_abbreviations_need_an_exact_match() -> None:
    vocabulary = Vocabulary([Term("RN", "Registered Nurse", "career"), Term("CCSPE", "Security Expert", "career")])
    assert vocabulary.resolve("rn", "career") == "Registered Nurse"
    assert vocabulary.resolve("ccspe", "career") == "Security Expert"
    assert [vocabulary.resolve(w, "career") for w in ("rm", "ccsp", "ccsppe")] == [None] * 3  # a letter off


def test_resolve_takes_a_unique_partial_name() -> None:
    assert VOCAB.resolve("the javascript one", "course") == "JavaScript Development Certificate"
    assert VOCAB.resolve("the certificate", "course") is None  # both courses are certificates
    assert VOCAB.resolve("nurse", "career") is None


def test_generic_job_titles_are_recognised_even_when_unknown() -> None:
    assert [t for _, _, t in job_titles("how much do nurses and data scientists make")] == ["nurses", "data scientists"]
    assert [t for _, _, t in job_titles("what does a marine biologist earn?")] == ["marine biologist"]
    assert [t for _, _, t in job_titles("Cloud Architect salary?")] == ["Cloud Architect"]
    assert job_titles("are you a bot?") == job_titles("what is the highest paying job?") == []


def test_a_word_used_as_a_verb_is_no_job_title() -> None:
    """Where a word stands tells its use: after "I" or a modal, or before "me", it is a verb ("suits",
    "suit" and "love" have job senses in WordNet, the businessman in a suit, the darling)."""
    assert job_titles("I like helping people, what career suits me?") == []
    assert [t for _, _, t in job_titles("which job would suit me, I love designers")] == ["designers"]
    assert [t for _, _, t in job_titles("what do they pay nurses?")] == ["nurses"]


def test_a_name_sharing_words_with_a_known_one_is_not_taken_for_it() -> None:
    vocabulary = Vocabulary(
        [Term("DB architect", "Database Architect", "career"), Term("Data Scientist", "Data Scientist", "career")]
    )
    assert vocabulary.resolve("cloud architect", "career") is None
    assert vocabulary.resolve("architect", "career") is None  # a job's head noun alone names no career
    assert vocabulary.find("Cloud Architect salary?") == []
    assert vocabulary.resolve("statistician", "career") is None
    assert vocabulary.resolve("db archtect", "career") == "Database Architect"  # a typo still resolves
    assert vocabulary.resolve("data scientsts", "career") == "Data Scientist"


def test_a_job_head_noun_alone_heads_a_family_but_names_no_career() -> None:
    vocabulary = Vocabulary(
        [Term(n, n, "career") for n in ("Dental Hygienist", "High School Teacher", "Middle School Teacher")]
        + [Term("Engineering Manager", "Engineering Manager", "career")]
    )
    assert vocabulary.resolve("hygienists", "career") is None
    assert vocabulary.headed_by("teachers") == ["High School Teacher", "Middle School Teacher"]
    assert vocabulary.headed_by("engineer") == []  # inside a name, not its head
    assert vocabulary.resolve("school", "career") is None


def test_normalize_folds_case_plurals_hyphens_and_possessives() -> None:
    assert normalize("Back-End Developers’s") == "back end developer"


class EveryName(Vocabulary):
    """The matching rules applied the slow, obvious way: every name compared with difflib."""

    def _match(self, window: str, label: str | None) -> tuple[Match, ...]:
        exact = [(p, t) for p, (n, t) in enumerate(self._normal) if n == window and label in (None, t.label)]
        if not exact and (shortened := self._shortened(window, label)):
            return shortened
        found = []
        for position, (norm, term) in enumerate(self._normal):
            if label is not None and term.label != label:
                continue
            if window == norm:
                score = 1.0
            elif (
                not fuzzy_matched(norm, term)
                or not same_words(window, norm)
                or abs(len(window) - len(norm)) > 0.25 * max(len(window), len(norm))
            ):
                continue
            else:
                score = SequenceMatcher(None, window, norm, autojunk=False).ratio()
            if score >= (THRESHOLD if " " in window else ONE_WORD_THRESHOLD):
                found.append(Match(score, position, term))
        return tuple(found)


def misspelt(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(len(chars))
        edit = rng.choice(("drop", "double", "swap", "replace"))
        if edit == "drop" and len(chars) > 1:
            del chars[i]
        elif edit == "double":
            chars.insert(i, chars[i])
        elif edit == "swap" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice("aeiourstn ")
    return "".join(chars)


def test_the_fast_matcher_agrees_with_comparing_every_name(kb) -> None:
    """Same mentions, same resolved names, ties included, on the shipped KB's names misspelt."""
    terms = kb.vocabulary.terms
    fast, slow = Vocabulary(terms), EveryName(terms)
    rng = random.Random(11)
    for _ in range(250):
        names = [misspelt(rng.choice(terms).surface, rng) for _ in range(rng.randint(1, 3))]
        text = rng.choice(("what does a {} earn?", "{} vs {}", "courses on {} and {} for a {}", "{}")).format(
            *names, *names, *names
        )
        assert fast.find(text) == slow.find(text), text
        for name in names:
            for label in ("career", "course", "topic"):
                assert fast.resolve(name, label) == slow.resolve(name, label), (name, label)


def test_names_that_tie_resolve_as_before() -> None:
    twins = [Term("API", "API", "topic"), Term("APIs", "APIs", "topic")]
    assert Vocabulary(twins).resolve("API", "topic") == EveryName(twins).resolve("API", "topic") == "APIs"
    assert Vocabulary(twins).find("an API")[0].canonical == "API"  # the one listed first


def test_text_that_is_not_valid_unicode_is_not_an_error() -> None:
    assert VOCAB.find("web \ud83d developer") == []


def test_names_cut_short_and_courses_named_by_a_few_words() -> None:
    vocabulary = Vocabulary(
        [
            Term("HVAC Technician", "HVAC Technician", "career"),
            Term("Actuary", "Actuary", "career"),
            Term("Electrician", "Electrician", "career"),
            Term("Accounting, Associate in Applied Science", "Accounting, Associate in Applied Science", "course"),
            Term("Financial Accounting", "Financial Accounting", "course"),
            Term("Electrical Pre-Apprenticeship Program", "Electrical Pre-Apprenticeship Program", "course"),
        ]
    )
    assert vocabulary.resolve("hvac techs", "career") == "HVAC Technician"
    assert vocabulary.resolve("actuaries", "career") == "Actuary"
    assert vocabulary.resolve("tech", "career") is None  # one word cut short is too often another word
    assert vocabulary.resolve("the accounting program", "course") == "Accounting, Associate in Applied Science"
    (mention,) = [m for m in vocabulary.find("how long is the electrical program?") if m.label == "course"]
    assert (mention.text, mention.canonical) == ("electrical program", "Electrical Pre-Apprenticeship Program")
    assert [m.label for m in vocabulary.find("how long is the electrical program?")] == ["course"]


def test_a_kin_word_is_not_taken_for_a_one_word_name() -> None:
    vocabulary = Vocabulary([Term("Electrician", "Electrician", "career"), Term("Pharmacist", "Pharmacist", "career")])
    assert vocabulary.find("the electrical pre-apprenticeship") == []
    assert vocabulary.resolve("pharmasist", "career") == "Pharmacist"  # a typo still resolves


def test_clipped_job_words_name_the_job() -> None:
    vocabulary = Vocabulary([Term("Web Developer", "Web Developer", "career")])
    assert vocabulary.resolve("web devs", "career") == "Web Developer"
    assert [m.canonical for m in vocabulary.find("what do web devs do?")] == ["Web Developer"]


def test_the_words_asked_are_the_question_without_its_names() -> None:
    assert asked_words("what software do software developers use?", ["software developers"]).split() == [
        "what",
        "software",
        "do",
        "use?",
    ]
    assert "online" in asked_words("can I take the python course online?", ["python course"], ["online"])
    assert "(" in asked_words("what is C++ (the language)?", ["C++"])  # a name is text, not a pattern


def test_a_list_sharing_a_head_noun_names_each_of_its_careers() -> None:
    said = "compare elementary, middle school and high school teachers"
    assert coordinated(said, said.index("high school teachers"), "teachers") == [
        ["compare elementary teachers", "elementary teachers"],
        ["middle school teachers", "school teachers"],
    ]
    assert coordinated("what do high school teachers earn", 8, "teachers") == []


def test_the_list_just_given_is_pointed_at_by_ordinal_and_count() -> None:
    assert (picked("tell me about the second one"), picked("and number 3?"), picked("the last one")) == (1, 2, -1)
    assert picked("the first year of study") is None
    assert how_many("compare the two") == 2 and how_many("compare them") is None


def test_a_text_names_a_trade_by_its_field() -> None:
    assert names_the_field("It prepares graduates for entry-level welding jobs", "Welder")
    assert names_the_field("the phlebotomy program", "Phlebotomist")
    assert not names_the_field("prepares you to work as a UX designer", "Graphic Designer")  # every word's field
    assert not names_the_field("Certified Nursing Assistant (CNA) Training", "Registered Nurse")


def test_the_visitors_own_things_are_not_what_they_ask() -> None:
    assert "skills" not in without_owned("what else could I do with my skills?")
    assert "skills" in without_owned("what skills does a welder need?")


def test_a_message_that_is_only_a_number_picks_a_numbered_answer() -> None:
    assert (number_typed("2"), number_typed(" 3. "), number_typed("2 years")) == (1, 2, None)
