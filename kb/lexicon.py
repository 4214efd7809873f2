"""Is this noun an occupation, and what is its singular: answered by WordNet's noun hierarchy.

A career document names its careers in its own words ("Actuaries", "registered nurses", "Site Reliability
Engineer"), so which head nouns name an occupation is decided by a general lexical resource, not by a list
of job words: WordNet 3.0 as Debian's ``wordnet-base`` installs it (``/usr/share/wordnet``), read from
disk, with nothing downloaded.

The rule: a noun is an occupation when one of its senses lies under a synset that stands for people by
the work they do (``OCCUPATION_ROOTS``). WordNet files occupations under many branches of person.n.01
(engineer.n.01 sits right under it, accountant.n.01 under businessperson.n.01, janitor.n.01 under
custodian.n.01), so the roots are those branches. The alternative, any hyponym of person.n.01, was
measured and rejected: it takes every person noun (student, patient, employer, customer, user,
graduate) and a heading noun like "job" (the biblical Job), so it would need a longer list of
exceptions than of roots (``tests/kb/test_lexicon.py`` holds the nouns both rules were measured on).
Nouns WordNet lacks are not occupations: the corpus's occupation nouns WordNet lacks (pipefitter,
installer) end in -er, too common an ending to count, so a suffix rule would not help and is left out.

Our own reader of WordNet's database files (wndb(5)) rather than NLTK's: NLTK 3.10's reader refuses
files reached through a symbolic link outside its root, wants its folder registered on
``nltk.data.path``, a ``lexnames`` file the Debian package omits, and, on start-up, a sense index
(``index.sense``, also absent) to map against a ``wordnet`` corpus in ``nltk_data``. The nouns' index,
their hyponym pointers and the irregular plurals are all this module needs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")
OCCUPATION_ROOTS = (
    ("worker", 1),  # skilled and unskilled workers, employees, clerks, assistants
    ("professional", 1),  # teachers, lawyers, health professionals
    ("expert", 1),  # actuaries, technicians, consultants, therapists
    ("scientist", 1),
    ("creator", 2),  # designers, architects, developers, artists
    ("engineer", 1),  # and programmers
    ("businessperson", 1),  # accountants, bookkeepers, agents, brokers
    ("financier", 1),  # bankers
    ("administrator", 1),  # managers, directors
    ("communicator", 1),  # writers, journalists, translators
    ("defender", 1),  # firefighters, police officers, custodians
    ("organizer", 1),  # coordinators, planners of events
    ("superior", 1),  # supervisors, foremen, heads
)
"""(lemma, sense number) of the synsets whose hyponyms are occupations, as in ``worker.n.01``."""
COMMON_SENSES = 3
"""A word written in a sentence names a job when one of its commonest few senses is one ("officer",
"operator"); not "head", "page" or "gun", whose job senses are rare."""
INFLECTIONS = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ies", "y"), ("ied", "y"))
"""Verb endings and what they replace (morphy(7)'s rules for verbs)."""
DETACHMENTS = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"))
"""WordNet's own rules for the singular of a regular noun plural (morphy(7)), besides dropping an -s."""


@dataclass(frozen=True)
class Lexicon:
    senses: dict[str, tuple[int, ...]]  # noun -> its synsets' offsets in data.noun, most frequent sense first
    irregular: dict[str, tuple[str, ...]]  # plural -> singulars ("women" -> "woman")
    occupations: frozenset[int]  # synsets under an occupation root
    adjectives: frozenset[str] = frozenset()
    others: frozenset[str] = frozenset()  # verbs and adverbs, for telling a word from a fragment of one
    folder: Path = WORDNET_DIR

    def bases(self, word: str) -> list[str]:
        """The nouns a word can be a form of, as WordNet's morphy finds them: itself, then its singulars."""
        word = word.lower()
        forms = [word, *self.irregular.get(word, ())]
        if word.endswith("s"):
            forms.append(word[:-1])
        forms += [word[: -len(end)] + base for end, base in DETACHMENTS if word.endswith(end)]
        return [form for form in dict.fromkeys(forms) if form in self.senses]

    def is_occupation(self, word: str, commonest: int | None = None) -> bool:
        """Whether one of the word's senses (or of its ``commonest`` few) is an occupation."""
        return any(self._is_occupation_base(base, commonest) for base in self.bases(word))

    def singular(self, word: str) -> str:
        """The singular of a noun, in the word's own capitals ("Actuaries" -> "Actuary"); unknown words unchanged."""
        bases = self.bases(word)
        base = next((b for b in bases if self._is_occupation_base(b)), bases[0] if bases else None)
        if base is None or base == word.lower():
            return word
        if word.isupper():
            return base.upper()
        return base.capitalize() if word[0].isupper() else base

    def may_describe(self, word: str) -> bool:
        """Whether a word can stand before a noun as part of a name: WordNet has it as a noun or an adjective
        ("environmental", "flight", "registered")."""
        return bool(self.bases(word)) or word.lower() in self.adjectives

    def is_word(self, word: str) -> bool:
        """Whether WordNet has the word in any part of speech, directly or as an inflected form ("requires",
        "occupations", "installing"); used to tell a word broken across two lines from a hyphenated one."""
        word = word.lower()
        if self.may_describe(word) or word in self.others:
            return True
        return any(
            word.endswith(end) and word[: -len(end)] + base in self.others
            for end, base in INFLECTIONS
            if len(word) > len(end) + 2
        )

    def is_place_or_time(self, word: str) -> bool:
        """Whether a capitalised word names a place or a time ("Arizona", "Tucson", "March"): one of its
        senses is one, and none is anything but a place, a time, a natural object or a person."""
        files = {
            _lexfile(self.folder / "data.noun", offset) for base in self.bases(word) for offset in self.senses[base]
        }
        return bool(files & PLACE_OR_TIME) and files <= PLACE_OR_TIME | OTHER_PROPER_NAMES

    def names_a_thing(self, word: str) -> bool:
        """Whether the word's commonest noun sense is a thing, a person, a substance, a part of the body or
        a living thing ("pipe", "patient", "blood"), not a time, an act, an idea or a state ("day", "use",
        "knowledge"); a word that is a verb or adverb too only when an object or a part of the body ("pipe",
        "blood"): the noun senses of "come" or "more" are rare ones."""
        bases = self.bases(word)
        if not bases:
            return False
        filed = _lexfile(self.folder / "data.noun", self.senses[bases[0]][0])
        return filed in (OBJECTS if word.lower() in self.others else THINGS)

    def _is_occupation_base(self, base: str, commonest: int | None = None) -> bool:
        return any(offset in self.occupations for offset in self.senses[base][:commonest])


THINGS = frozenset({5, 6, 8, 13, 17, 18, 20, 27})
"""Lexicographer files noun.animal, noun.artifact, noun.body, noun.food, noun.object, noun.person,
noun.plant, noun.substance (lexnames(5))."""
OBJECTS = frozenset({6, 8})  # noun.artifact, noun.body
PLACE_OR_TIME = frozenset({15, 28})  # lexicographer files noun.location, noun.time (lexnames(5))
OTHER_PROPER_NAMES = frozenset({17, 18})  # noun.object (rivers), noun.person (a city's namesake)


@lru_cache(maxsize=65536)
def _lexfile(path: Path, offset: int) -> int:
    """The lexicographer file a synset of data.noun is filed in: its entry's second field."""
    with path.open("rb") as data:
        data.seek(offset)
        return int(data.readline().split(maxsplit=2)[1])


@lru_cache(maxsize=4)
def load(folder: Path = WORDNET_DIR) -> Lexicon:
    """WordNet's nouns (and which words are adjectives) from ``folder``, once per process (about a third of a
    second)."""
    senses = _index(folder / "index.noun")
    irregular: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "noun.exc").read_text(encoding="utf-8").splitlines():
        plural, *singulars = line.split()
        irregular[plural] += singulars
    roots = [senses[lemma][number - 1] for lemma, number in OCCUPATION_ROOTS]
    return Lexicon(
        senses=senses,
        irregular={plural: tuple(s) for plural, s in irregular.items()},
        occupations=frozenset(_hyponyms(folder / "data.noun", roots)),
        adjectives=frozenset(_index(folder / "index.adj")),
        others=frozenset(_index(folder / "index.verb")) | frozenset(_index(folder / "index.adv")),
        folder=folder,
    )


def _index(path: Path) -> dict[str, tuple[int, ...]]:
    """index.noun: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..."."""
    senses = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):  # the licence at the top of the file
            continue
        fields = line.split()
        count = int(fields[2])
        senses[fields[0].replace("_", " ")] = tuple(int(offset) for offset in fields[-count:])
    return senses


def _hyponyms(path: Path, roots: list[int]) -> set[int]:
    """The roots and every synset below them, following data.noun's hyponym pointers ("~")."""
    found: set[int] = set()
    todo = list(roots)
    with path.open("rb") as data:
        while todo:
            offset = todo.pop()
            if offset in found:
                continue
            found.add(offset)
            data.seek(offset)
            todo += _pointers(data.readline().decode("utf-8"), "~")
    return found


def _pointers(entry: str, symbol: str) -> list[int]:
    """A data.noun entry's pointers of one kind: "offset lex_filenum ss_type w_cnt (word lex_id)... p_cnt
    (symbol offset pos source/target)... | gloss"."""
    fields = entry.split(" | ", 1)[0].split()
    words = int(fields[3], 16)
    at = 4 + 2 * words
    count = int(fields[at])
    pointers = [fields[at + 1 + 4 * i : at + 5 + 4 * i] for i in range(count)]
    return [int(offset) for sym, offset, pos, _ in pointers if sym == symbol and pos == "n"]
