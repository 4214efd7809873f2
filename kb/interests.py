"""What a visitor may like or be good at, the one registry the suggestions share.

An interest says how visitors put it (``said``: "I like helping people", "I'm good at maths") and which
words in a document show that a career's work has it (``shown``: its duties, skills and work
environment speak of patients, clients, care). ``KnowledgeBase.suggest`` ranks the documents' careers by
how much of their own text shows the interests asked, so a career is suggested only when its documents
support it. Adding an interest ("working with animals") is one entry here.

The words are ordinary English for talking about work, never taken from one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb import lexicon
from kb.matching import framed_job


@dataclass(frozen=True)
class Interest:
    name: str  # how a reply names it ("helping people")
    said: re.Pattern[str]
    shown: tuple[str, ...]  # words (as ``kb.matching.terms`` writes them) that show the work has it


def _said(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


INTERESTS: tuple[Interest, ...] = (
    Interest(
        "helping people",
        _said(r"help(?:ing)? (?:people|others|patients|the sick)|car(?:e|ing) for (?:people|others)|caring|"
              r"make a difference|health ?care|health|medical|medicines?|drugs|pharmac\w*|nursing|hospitals?|"
              r"look(?:ing)? after|sick"),
        ("patient", "care", "caring", "health", "treatment", "therapy", "counsel", "counseling", "medical", "nursing",
         "medication", "prescription", "empathy", "compassion", "social"),
    ),
    Interest(
        "maths and numbers",
        _said(r"maths?|mathematics|numbers|stats|statistics|calculat\w*|figures|accounting"),
        ("math", "mathematics", "statistic", "statistical", "calculate", "calculation", "quantitative", "algebra",
         "calculus", "actuarial", "accounting"),
    ),
    Interest(
        "working with your hands",
        _said(r"(?:with )?my hands|hands[- ]on|fix(?:ing)? things|build(?:ing)? things|repair\w*|practical|tools|"
              r"engines?|machinery|machines|tinker\w*|(?:skilled )?trades?|not a desk"),
        ("repair", "install", "installation", "machinery", "wrench", "weld", "welding", "pipe", "manual", "physical",
         "wire", "wiring", "apprentice", "apprenticeship", "mechanic", "maintenance", "construction"),
    ),
    Interest(
        "working outdoors",
        _said(r"outdoors?|outside|in nature|fresh air"),
        ("outdoor", "outdoors", "outside", "weather", "nature", "park", "forest", "farm", "climb", "tower"),
    ),
    Interest(
        "working alone",
        _said(r"alone|on my own|by myself|independently|not (?:with|around) (?:people|others)"),
        ("independently", "alone", "independent", "solitary"),
    ),
    Interest(
        "computers and technology",
        _said(r"computers?|technology|tech|coding|programming|software|gaming|internet|apps?|websites?|cyber\w*|hackers?"),
        ("software", "computer", "programming", "code", "coding", "database", "network", "web", "digital", "cloud"),
    ),
    Interest(
        "creative work",
        _said(r"creative|creativity|art|arts|artistic|design(?:ing)?|draw(?:ing)?|writ(?:e|ing)"),
        ("design", "creative", "creativity", "visual", "art", "artistic", "illustration", "drawing", "typography",
         "color"),
    ),
    Interest(
        "working with people",
        _said(r"(?:with|around|meet(?:ing)?|talk(?:ing)? to) (?:people|customers|the public|kids|children)|"
              r"teach(?:ing)?|social|people person"),
        ("customer", "client", "public", "student", "communicate", "communication", "people", "teach", "teaching",
         "patient"),
    ),
    Interest(
        "science and the environment",
        _said(r"science|chemistry|biology|physics|environment\w*|ecolog\w*|pollution|climate|lab(?:oratory)?"),
        ("science", "scientist", "chemistry", "chemical", "biology", "biological", "environmental", "laboratory",
         "research", "pollution"),
    ),
    Interest(
        "keeping people safe",
        _said(r"security|cyber\w*|hackers?|protect\w*|keep(?:ing)? people safe|police|law enforcement"),
        ("security", "protect", "patrol", "surveillance", "threat", "cyberattack", "breach", "firewall", "guard",
         "emergency"),
    ),
    Interest(
        "driving and travel",
        _said(r"driv(?:e|ing)|on the road|travel\w*|flying|planes?|trucks?|deliver\w*"),
        ("drive", "driver", "driving", "travel", "flight", "aircraft", "airline", "passenger", "route", "delivery",
         "vehicle", "truck"),
    ),
    Interest(
        "beauty and personal care",
        _said(r"hair|make-?up|beauty|nails?|skin ?care|cosmetic\w*|salon"),
        ("hair", "beauty", "cosmetology", "salon", "skin", "nail", "makeup", "esthetic", "manicure", "facial"),
    ),
    Interest(
        "working with animals",
        _said(r"animals?|pets?|dogs?|cats?|horses?|wildlife"),
        ("animal", "veterinary", "pet", "livestock", "wildlife", "zoo"),
    ),
    Interest(
        "food and cooking",
        _said(r"cook\w*|food|baking|chefs?|kitchens?|restaurants?"),
        ("cook", "food", "chef", "kitchen", "restaurant", "culinary", "baking", "menu"),
    ),
)  # fmt: skip


def interests_in(text: str) -> list[Interest]:
    """The interests a message states, in the registry's order."""
    return [interest for interest in INTERESTS if interest.said.search(text)]


LIKING = re.compile(
    r"\b(?:i (?:really |just )?(?:like|love|enjoy|adore|prefer)|i(?:'d| would)? (?:want|like|love) to work|"
    r"i'?m (?:really )?(?:into|good (?:at|with)|passionate)|"
    r"my (?:passion|hobby|thing) is|passionate about)\b",
    re.I,
)


def states_a_liking(text: str) -> bool:
    """Whether a message says what the visitor likes, whether or not it is an interest of the registry."""
    return bool(LIKING.search(text))


def likes_a_field(text: str, named: list[str]) -> bool:
    """Whether a message says what the visitor likes, an interest of the registry, and of the subjects it
    ``named`` names fields of work only, no job ("I'm into cybersecurity, I'd love a job stopping hackers";
    not "I love nursing, what do nurses earn?" or "... how do I become an RN?")."""
    jobs = [name for name in named if lexicon.load().is_occupation(name.split()[-1])]
    return states_a_liking(text) and bool(interests_in(text)) and not jobs and not framed_job(text)


ASKING = re.compile(
    r"\b(?:what|which|could|should|would|can|ideas?|options?|suits?|suited|fit|fits|careers?|jobs?|work|"
    r"there|look into|for a living|do)\b",
    re.I,
)


def own_words(text: str) -> str:
    """What a message says of the work the visitor wants, without the words of liking and asking ("I like
    figuring out how to make apps easy to use. Is there a career in that?": "figuring out how to make apps
    easy to use in that"), to rank careers showing their interests by."""
    return ASKING.sub(" ", LIKING.sub(" ", text))
