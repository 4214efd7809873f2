"""spaCy pipeline and token patterns shared by the extractors.

Everything here is about *how things are written* (money, percentages, number
words, job titles, lists), not about what a particular document says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kb import lexicon
from kb.vocabulary import (
    CONNECTIVES,
    FUNCTION_WORDS,
    GROUP_HEADS,
    NEVER_IN_TITLES,
    PICKING_WORDS,
    TITLE_LEADERS,
)

QUALIFIERS = (
    "just over",
    "just under",
    "a little over",
    "more than",
    "less than",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "over",
    "under",
    "up to",
)
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12}
TITLE_WORD = re.compile(r"^(?:[A-Z][\w.&'’/]*|-|&)$")
MODIFIER = re.compile(r"^\w[\w.&'’/-]*$")  # "Driver/Sales Workers"
NOT_MODIFIERS = FUNCTION_WORDS | {w.lower() for w in TITLE_LEADERS}
PARENTHESES = re.compile(r"\s*\([^)]*\)")
ABBREVIATION = re.compile(r"([A-Z][A-Za-z]{1,5}?)s?")
CALLED = re.compile(r",?\s+(?:(?:also|usually|sometimes|often)\s+)?(?:called|known as)\s+(?:(?:an?|the)\s+)?", re.I)
MAX_TITLE_WORDS = 7
ORG_NAMES = {
    "BLS": "BLS",
    "Bureau of Labor Statistics": "BLS",
    "U.S. News & World Report": "U.S. News & World Report",
}


@lru_cache(maxsize=1)
def nlp() -> Language:
    """Blank English with a rule-based sentencizer: no statistical model needed."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("sentencizer")
    return pipeline


def warm() -> None:
    """Load the pipeline and WordNet now (before worker processes fork, so they share them)."""
    nlp()
    _matcher()
    lexicon.load()


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    matcher.add("MONEY", [[{"ORTH": "$"}, {"LIKE_NUM": True}]])
    matcher.add("PERCENT", [[{"LIKE_NUM": True}, {"LOWER": {"IN": ["percent", "%", "per-cent"]}}]])
    return matcher


def tokens(text: str) -> Doc:
    return nlp().make_doc(text)


def _spans(doc: Doc, label: str) -> list:
    matcher = _matcher()
    return [doc[s:e] for m, s, e in matcher(doc) if nlp().vocab.strings[m] == label]


def to_number(text: str) -> float | None:
    """'6,400' -> 6400, 'ten' -> 10, 'Twelve' -> 12; None when it is not a number."""
    clean = text.lower().replace(",", "").strip()
    if clean in NUMBER_WORDS:
        return float(NUMBER_WORDS[clean])
    try:
        return float(clean)
    except ValueError:
        return None


@dataclass(frozen=True)
class Amount:
    value: float
    start: int  # character offset in the sentence
    qualifier: str | None = None


def money(sentence: str) -> list[Amount]:
    doc = tokens(sentence)
    found = []
    for span in _spans(doc, "MONEY"):
        value = to_number(span[1].text)
        if value is not None:
            found.append(Amount(value, span.start_char, qualifier_before(sentence, span.start_char)))
    return found


def percents(sentence: str) -> list[Amount]:
    doc = tokens(sentence)
    found = []
    for span in _spans(doc, "PERCENT"):
        value = to_number(span[0].text)
        if value is not None:
            found.append(Amount(value, span.start_char, qualifier_before(sentence, span.start_char)))
    return found


def qualifier_before(sentence: str, start: int) -> str | None:
    before = sentence[:start].lower().rstrip()
    for q in QUALIFIERS:
        if before.endswith(" " + q) or before == q:
            return q
    return None


def is_occupation(word: str) -> bool:
    return word.isalpha() and lexicon.load().is_occupation(word)


def singular(title: str) -> str:
    """A job title with its head noun singular: "Registered Nurses" -> "Registered Nurse"."""
    *words, head = title.split()
    return " ".join([*words, lexicon.load().singular(head)])


def capitalised_titles(text: str) -> list[tuple[int, int, str]]:
    """Title-cased job titles in running text: (start, end, singular title)."""
    doc = tokens(text)
    found = []
    start = 0
    while start < len(doc):
        end = start
        while end < len(doc) and TITLE_WORD.match(doc[end].text):
            end += 1
        heads = [i for i in range(start, end) if is_occupation(doc[i].text)]
        if heads:
            span = doc[start : heads[-1] + 1]
            while len(span) > 1 and (span[0].text in TITLE_LEADERS or span[0].text in "-&"):
                span = span[1:]
            if len(span) >= 2:
                found.append((span.start_char, span.end_char, singular(span.text)))
        start = end + 1
    return found


WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
MAX_MODIFIERS = 3  # words before an occupation noun in running text ("licensed practical nurses")


def occupation_mentions(text: str) -> list[tuple[int, int, str]]:
    """Occupations named in running text, in any case: (start, end, singular title) of a run of up to
    three describing words before an occupation noun ("airline flight attendants", "chemical engineer",
    "environmental engineers") or a group's noun ("healthcare support occupations"); a bare occupation noun
    counts only at the start of the text, as its subject ("Welders earn ..."). Describing words are those
    WordNet has as nouns or adjectives, and abbreviations; not small words, not words that pick ("other",
    "most"), not adverbs."""
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    found = []
    i = taken = 0  # words before ``taken`` belong to a mention already found
    while i < len(words):
        group = words[i][2].lower() in GROUP_HEADS
        if not (group or _occupation_word(words[i][2])):
            i += 1
            continue
        last = i
        while (
            not group
            and last + 1 < len(words)
            and _adjacent(text, words[last], words[last + 1])
            and _occupation_word(words[last + 1][2])
        ):
            last += 1
        first = i
        while (
            first > taken
            and i - first < MAX_MODIFIERS
            and _adjacent(text, words[first - 1], words[first])
            and _describes(words[first - 1][2])
        ):
            first -= 1
        if first > 0 and _coordinated(text, words, first):
            i = taken = last + 1
            continue
        span = [w for _, _, w in words[first : last + 1]]
        named = " ".join(_capitalised(w, False) for w in span)
        if group and is_group(span):
            found.append((words[first][0], words[last][1], named))
        elif not group and (len(span) >= 2 or words[first][0] == len(text) - len(text.lstrip())):
            found.append((words[first][0], words[last][1], singular(named)))
        i = taken = last + 1
    return found


def _coordinated(text: str, words: list[tuple[int, int, str]], first: int) -> bool:
    """The mention is the last part of a title whose describing words are listed ("heating, air conditioning,
    and refrigeration mechanics", "web and digital interface designers"), not a title of its own."""
    before = text[: words[first][0]]
    joined = re.search(r"(?:,|\b(?:and|or)\b|&)\s*$", before)
    if not joined:
        return False
    previous = [w for w in words[:first] if w[1] <= joined.start() + 1]
    return bool(previous) and not _occupation_word(previous[-1][2]) and _describes(previous[-1][2])


def _occupation_word(word: str) -> bool:
    """A noun that, written in a sentence, names a job: one of its three commonest senses is one ("officer",
    "operator"; not "head", whose job sense is rare)."""
    return (
        word.isalpha()
        and word.lower() not in NEVER_IN_TITLES
        and lexicon.load().is_occupation(word, commonest=lexicon.COMMON_SENSES)
    )


def _adjacent(text: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    return not text[left[1] : right[0]].strip()


def _describes(word: str) -> bool:
    lower = word.lower()
    return (
        lower not in NOT_MODIFIERS | NEVER_IN_TITLES
        and not lower.endswith("ly")
        and (lexicon.load().may_describe(lower) or bool(abbreviation(word)))
    )


@lru_cache(maxsize=65536)
def career_title(heading: str) -> str | None:
    """The job title a heading is about, if it is only that ("Registered Nurses (RNs)", "ACTUARIES") or a
    question about it ("How much do UX designers make?"). A heading naming a career among other words
    ("What Registered Nurses Do", "Teacher pay") is a part of that career's section, not a career."""
    text = PARENTHESES.sub("", heading).strip()
    words = text.rstrip("?").split()
    if text.endswith("?"):
        heads = [i for i, word in enumerate(words) if is_occupation(word)]
        if not heads:
            return None
        first = heads[-1]
        while first > 0 and _is_modifier(words[first - 1]):
            first -= 1
        words = words[first : heads[-1] + 1]
    if is_group(words):
        return " ".join(_capitalised(word, text.isupper()) for word in words)
    if not _is_title(words):
        return None
    return singular(" ".join(_capitalised(word, text.isupper()) for word in words))


def is_group(words: list[str]) -> bool:
    """An occupational group's name: a field's words before a group noun ("Healthcare Support Occupations",
    "construction and extraction occupations", "skilled trades"); not a list's pick ("Related Careers",
    "Top Jobs"). Groups are subjects as careers are; their names stay plural."""
    if len(words) < 2 or len(words) > MAX_TITLE_WORDS or words[-1].lower() not in GROUP_HEADS:
        return False
    modifiers = [w.strip(",").lower() for w in words[:-1]]
    if _is_title(words[:-1]):
        return False  # "UX Designer Careers" are a career's
    return (
        modifiers[0] not in ("and", "&")
        and all(_is_modifier(w) or w in ("and", "&") for w in modifiers)
        and not any(w in PICKING_WORDS or w.endswith("est") for w in modifiers)
    )


def is_group_name(name: str) -> bool:
    return is_group(name.split())


def career_titles(heading: str) -> list[str]:
    """The careers a heading names: its job title, or the titles it lists ("Careers: Actuaries,
    Statisticians and Financial Analysts"), when it lists at least two."""
    if title := career_title(heading):
        return [title]
    items = split_list(heading.rsplit(":", 1)[-1])
    listed = [t for t in _with_unknown_jobs(items, [career_title(item) for item in items]) if t]
    return listed if len(listed) >= 2 else []


def listed_titles(text: str) -> list[str]:
    """The careers a name lists, sharing a head noun where the list does ("Bookkeeping, accounting, and
    auditing clerks" -> three clerks; "Accountants and auditors" -> two), or the one it is."""
    if title := career_title(text):
        return [title]
    items = split_list(PARENTHESES.sub("", text))
    if len(items) < 2:
        return []
    shared = items[-1].split()[-1] if len(items[-1].split()) > 1 else None  # "... and auditing clerks"
    titles = _with_unknown_jobs(
        items, [career_title(item) or (shared and career_title(f"{item} {shared}")) for item in items]
    )
    return [t for t in titles if t] if all(titles) else []


def _with_unknown_jobs(items: list[str], titles: list[str | None]) -> list[str | None]:
    """The titles of a list's items, and, when most items are job titles, the single plural nouns among them
    too, as jobs WordNet lacks ("Plumbers, Pipefitters, and Steamfitters"), without their -s."""
    found = sum(1 for t in titles if t)
    if found < 2 or 2 * found <= len(items):
        return titles
    return [t or (item.strip()[:-1] if _one_noun(item) else None) for t, item in zip(titles, items, strict=True)]


def _one_noun(item: str) -> bool:
    """A single capitalised plural word listed among job titles: a job WordNet lacks ("Pipefitters")."""
    words = item.split()
    return len(words) == 1 and words[0][:1].isupper() and words[0].isalpha() and words[0].endswith("s")


def lead_title(paragraph: str) -> str | None:
    """The job title a paragraph is, or leads with: a list item ("Accountant (after transfer)"), a label
    ("Licensed Practical Nurses: they provide ..."), or a table row's first cell ("Career: Middle School
    Teachers; Median pay: ...")."""
    label, _, rest = paragraph.partition(":")
    candidates = [paragraph, label] if len(label.split()) > 1 else [paragraph]  # "Source:" labels a note
    if ";" in rest:
        candidates.append(rest.split(";", 1)[0])
    return next((t for c in candidates if _reads_as_title(c) and (t := career_title(c))), None)


SENTENCE_LEAD = re.compile(
    r"^(?:(?:Most|Many|Some|All|The|An?|Today's|New|Experienced|Senior|Entry-level|Average|Typical|Median)\s+)*"
    r"(?:(?:average|median|typical|experienced|entry-level|senior|new)\s+)?"
    r"(?P<lead>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,4}?)"
    r"(?:,[^.;]*?(?:usually|also|often|sometimes) (?:called|known as) (?P<called>[\w'’ -]+?))?"
    r"(?=,|\s+(?:(?:\w+ly|now|still)\s+)?(?:earn|earned|earns|make|made|makes|take home|took home|bring in|"
    r"held|hold|holds|are|were|will|is|was|can|could|may|might|should|need|needs|get|got)\b)"
)


def sentence_lead_title(sentence: str) -> str | None:
    """The occupation a sentence opens with, as its subject ("Welders, cutters, and brazers earned ...",
    "... mechanics and installers, usually called HVAC technicians, earned ..."): the name it is "called",
    else the lead phrase when it is a job title."""
    match = SENTENCE_LEAD.match(sentence)
    if not match:
        return None
    for text in (match.group("called"), match.group("lead")):
        words = (text or "").split()
        if words and is_group(words):
            return " ".join(_capitalised(w, False) for w in words)
        if words and _is_title(words):
            return singular(" ".join(_capitalised(w, False) for w in words))
    return None


def _reads_as_title(text: str) -> bool:
    """Written as a name: title case, or a few words ("Bookkeeping clerk"), not a sentence's opening."""
    words = PARENTHESES.sub("", text).split()
    return not text.strip().endswith("?") and (
        len(words) <= 3 or all(w[0].isupper() or w.lower() in CONNECTIVES for w in words)
    )


def _is_title(words: list[str]) -> bool:
    """Modifiers, possibly joined by "and", then an occupation: "Diesel and Heavy Equipment Mechanics"."""
    if not words or len(words) > MAX_TITLE_WORDS or not is_occupation(words[-1]):
        return False
    for i, word in enumerate(words[:-1]):
        joined = word.lower() in ("and", "&") and 0 < i and _is_modifier(words[i - 1])
        if not (joined or _is_modifier(word)):
            return False
        if words[i + 1].lower() in ("and", "&") and is_occupation(word):
            return False  # a list of careers ("Accountants and Auditors"), not one
    return True


def _is_modifier(word: str) -> bool:
    return bool(MODIFIER.match(word)) and word.lower() not in NOT_MODIFIERS


def _capitalised(word: str, all_caps: bool) -> str:
    """A heading's word as a title writes it: capitals kept ("UX", "DevOps"), connectives in lower case."""
    if word.lower() in CONNECTIVES:
        return word.lower()
    return word.capitalize() if all_caps or word.islower() else word


def titles_in_a_row(text: str) -> list[str]:
    """Job titles written one after another with nothing between them, as a flattened table's header row
    ("Social and Human Services Assistants Social Workers Substance Abuse Counselors"): each ends at an
    occupation noun that the next title's capitalised word follows; [] unless every word belongs to one."""
    words = text.split()
    titles, start = [], 0
    for k, word in enumerate(words):
        ends = k + 1 == len(words) or words[k + 1][:1].isupper()
        if is_occupation(word.strip(",")) and ends and (title := career_title(" ".join(words[start : k + 1]))):
            titles.append(title)
            start = k + 1
    return titles if start == len(words) else []


def is_career_title(heading: str) -> bool:
    return career_title(heading) is not None


def split_list(text: str) -> list[str]:
    """'Python, JavaScript, Ruby, and Java' -> ['Python', 'JavaScript', 'Ruby', 'Java']."""
    text = text.strip().rstrip(".")
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text)
    return [p.strip() for p in parts if p.strip()]


def org_in(text: str) -> str | None:
    for name, short in ORG_NAMES.items():
        if re.search(rf"\b{re.escape(name)}\b", text):
            return short
    match = re.search(r"according to (?:the )?((?:[A-Z][\w.&]*\s?)+)", text)
    return match.group(1).strip() if match else None


def abbreviation(text: str) -> str | None:
    """The singular of what is written as an abbreviation ("RNs" -> "RN", "SRE"): 2 to 6 letters, mostly
    capitals, perhaps a plural s; None for a word, a figure or a year."""
    match = ABBREVIATION.fullmatch(text.strip())
    if not match:
        return None
    letters = match.group(1)
    return letters if 2 * sum(c.isupper() for c in letters) > len(letters) else None


def initials(name: str) -> str:
    """The letters an abbreviation of a name is made of: "Site Reliability Engineer" -> "SRE"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in CONNECTIVES).upper()


def defined_names(sentence: str, career: str) -> list[str]:
    """Other names a sentence (or heading) defines for a career it names: an abbreviation in brackets right
    after it whose letters are the name's initials ("Registered nurses (RNs)" -> "RN"; a credential's
    abbreviation after a longer title is not the career's), or a title with the same head noun that it is
    "also called" ("a UX designer, also called a user experience designer" -> "User Experience Designer")."""
    found = []
    for match in mention_regex(career).finditer(sentence):
        rest = sentence[match.end() :]
        bracket = re.match(r"\s*\(([^)]*)\)", rest)
        if bracket and (short := abbreviation(bracket.group(1))) and short.upper() == initials(career):
            found.append(short)
        elif bracket and not rest[bracket.end() :].strip():
            found += qualified_name(bracket.group(1), career)
        if called := CALLED.match(rest):
            found += _same_head_title(rest[called.end() :], career)
    return list(dict.fromkeys(found))


def qualified_name(words: str, career: str) -> list[str]:
    """The fuller title a heading's brackets make of a career: "Mechanic (Diesel and Heavy Equipment)"
    -> "Diesel and Heavy Equipment Mechanic", the name sentences under it use."""
    title = words.split() + career.split()
    if not words.strip() or abbreviation(words) or re.search(r"\d", words) or not _is_title(title):
        return []
    return [singular(" ".join(_capitalised(w, False) for w in title))]


def _same_head_title(text: str, career: str) -> list[str]:
    """The job title ``text`` starts with, when it ends in the career's head noun and is another name."""
    words = re.split(r"[,.;:()!?]", text, maxsplit=1)[0].split()[:MAX_TITLE_WORDS]
    head = career.split()[-1].lower()
    end = next((i for i, w in enumerate(words) if singular(w).lower() == head), None)
    if not end or not _is_title(words[: end + 1]):  # none, or the bare head noun ("called nurses")
        return []
    title = singular(" ".join(_capitalised(w, False) for w in words[: end + 1]))
    return [title] if title.lower() != career.lower() else []


@lru_cache(maxsize=8192)
def mention_regex(name: str) -> re.Pattern[str]:
    """Matches a known name case-insensitively, with plural and hyphen/space variants."""
    words = [re.escape(w) for w in re.split(r"[\s-]+", name)]
    return re.compile(r"\b" + r"[\s-]*".join(words) + r"(?:s|es)?\b", re.I)
