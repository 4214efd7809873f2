"""The words the knowledge base treats specially, in one place.

These describe English, not any document: words that are not job titles in a visitor's message, and the small words that
are never part of a name (so names are not matched across them, search ignores them, and a line
ending in one is a wrapped line, not a heading).
"""

from __future__ import annotations

NOT_TITLE_WORDS = frozenset(
    "bot assistant chatbot guide me you someone anyone person people like than become becoming being "
    "major general private help second source".split()
)
"""Words WordNet files under occupations that, in a visitor's message, are not a career asked about
("are you a bot", "I need a guide", "what should I major in"), and words never part of a job title."""

CONNECTIVES = frozenset("a an the of and or to in for with on by at".split())
"""Articles, prepositions and conjunctions: a line that ends in one continues on the next."""

FUNCTION_WORDS = CONNECTIVES | frozenset(
    "about as be is are was were do does did what when where who why how which can tell from go went "
    "i me my you your it its that this they them their there too also just really very any "
    "need needs get gets have has want".split()
)
"""Words that never start or end a name, and that a search for the words of a question ignores."""

GROUP_HEADS = frozenset("occupations jobs careers professions professionals trades".split())
"""Plural nouns that make a field's name into an occupational group ("healthcare support occupations")."""

PICKING_WORDS = frozenset(
    "top best worst related similar other more most these those all many some several following popular "
    "common new good great hot future your our their my its high-paying highest-paying well-paying "
    "best-paying top-paying in-demand fastest-growing growing paying entry-level available open".split()
)
"""Words that say which jobs a list picks ("the best jobs", "related careers"), not which field they
are in: a group's name has none of them."""

NOT_NAME_WORDS = frozenset(
    "such including like other more most many some these those all each every hire hires hiring hired employ "
    "employs employing train trains help helps work works become becomes average median mean typical percent "
    "percentile starting annual hourly much better best worse worst".split()
)
"""Words that stand before a job noun in a sentence or a question without naming it ("we hire welders",
"the average worker", "do nurses earn better"): never part of a job title found in running text."""

NEVER_IN_TITLES = FUNCTION_WORDS | NOT_TITLE_WORDS | NOT_NAME_WORDS | PICKING_WORDS
"""Words never part of a job title found in running text or a message (documents and visitors alike)."""

TITLE_LEADERS = frozenset("A An The Any Every Like As To For Many Some Both Each Our Your Become Learn".split())
"""Capitalised words that may stand before a job title in a sentence without being part of it."""

DESCRIBING_WORDS = frozenset(
    "cheapest cheaper cheap shortest shorter longest longer best most least online evening weekend first next "
    "last other same free new good any every each some start take join enroll start".split()
)
"""Words that say which kind of course or what one does with it ("the cheapest course", "start the
program"), not which course: never part of a course's name in a message."""

GENERIC_WORDS = frozenset("one course class certificate program job career field role work".split())
"""Words that name a kind of thing, not which one ("the javascript *one*", "that *course*")."""

CLIPPED = {
    "dev": "developer",
    "eng": "engineer",
    "mgr": "manager",
    "asst": "assistant",
    "admin": "administrator",
    "rep": "representative",
}
"""Job words people clip ("web devs", "QA eng"): compared in full, so a clipped name is the name."""
