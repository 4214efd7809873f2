"""How answers read: every reply text the actions send is written here, from
``kb.query`` facts, with its source cited. No knowledge-base access here."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from kb.query import (
    AwardFact,
    CategoryFact,
    Comparison,
    CourseFactText,
    FactView,
    MentoringFact,
    OpeningsFact,
    OutlookFact,
    RankingFact,
    SalaryComparisonFact,
    SalaryFact,
    SkillFact,
    Source,
    Text,
)

Button = dict[str, str]


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[str]]

    def aligned(self) -> str:
        """The table as text in columns, for a fixed-width font (the terminal, a Slack code block)."""
        widths = [max(len(str(r[i])) for r in [self.columns, *self.rows]) for i in range(len(self.columns))]
        lines = [self.columns, ["-" * w for w in widths], *self.rows]
        return "\n".join("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in lines)


@dataclass
class Reply:
    text: str
    buttons: list[Button] = field(default_factory=list)
    unanswered: str | None = None  # why the documents could not answer, for the operators' report
    about: dict[str, str] = field(default_factory=dict)  # a subject the answer brings up, for follow-ups
    shortlist: list[str] = field(default_factory=list)  # the careers or courses it suggests, in order
    table: Table | None = None  # figures side by side: a real table on the widget, columns of text elsewhere
    numbered: bool = False  # its buttons are the answers to a question: numbered where there are no buttons


MAX_SHOWN = 5  # facts or names in one reply: more reads as a list dumped, not an answer


def plural(career: str) -> str:
    """ "Actuary" -> "Actuaries", "Registered Nurse" -> "Registered Nurses"."""
    if career.endswith("s"):
        return career
    if re.search(r"[^aeiou]y$", career):
        return career[:-1] + "ies"
    return career + ("es" if re.search(r"(?:ch|sh|x|z)$", career) else "s")


def some(items: list[str], most: int = MAX_SHOWN) -> str:
    """A few of many names: "A, B, C, D, E and 12 more"."""
    items = list(dict.fromkeys(items))
    if len(items) <= most:
        return listing(items)
    return ", ".join(items[:most]) + f" and {len(items) - most} more"


def listing(items: list[str], last: str = "and") -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def disagree(*sources: Source) -> bool:
    """Figures from more than one document: each is quoted with its own, since the documents may disagree."""
    return len({s.document for s in sources}) > 1


def when(source: Source, as_of: str | None = None) -> str | None:
    """A figure's date as the document writes it ("May 2023"), and, when the KB finds it old, that it is
    ("May 2011 figure, may be out of date")."""
    return f"{as_of or source.year} figure, may be out of date" if source.old else as_of


def dated(source: Source, as_of: str | None = None) -> str:
    """``when`` in brackets after a figure, or nothing."""
    said = when(source, as_of)
    return f" ({said})" if said else ""


def cite(*sources: Source) -> str:
    """The documents by title, with the section ("Source: Registered Nurses, “Pay”."); never a file name."""
    unique = list(dict.fromkeys((s.title or s.document, s.named_section) for s in sources))
    return "Source: " + "; ".join(f"{title}, “{section}”" if section else title for title, section in unique) + "."


def button(title: str, intent: str, **entities: str) -> Button:
    return {"title": title, "payload": "/" + intent + (json.dumps(entities) if entities else "")}


def career_buttons(career: str, skip: str) -> list[Button]:
    options = [
        ("Salary", "ask_salary"),
        ("Job growth", "ask_growth"),
        ("Skills needed", "ask_skills"),
        ("Related courses", "ask_courses"),
    ]
    return [button(title, intent, career=career) for title, intent in options if intent != skip]


def dollars(amount: float) -> str:
    return f"${amount:,.0f}" if amount == int(amount) else f"${amount:,.2f}"


def per(period: str | None) -> str:
    """ " an hour", " a year"; nothing when the document does not say what a figure is per."""
    return f" {'an' if period[0] in 'aeiouh' else 'a'} {period}" if period else ""


def money(fact: SalaryFact) -> str:
    """The figure as the document writes it ("$16-22"), else from its number, after its hedge ("about")."""
    amount = fact.written or (dollars(fact.amount) + (f" to {dollars(fact.high)}" if fact.high else ""))
    return f"{fact.qualifier} {amount}" if fact.qualifier and not amount.lower().startswith(fact.qualifier) else amount


def salary(career: str, facts: list[SalaryFact], comparisons: list[SalaryComparisonFact], known: list[str]) -> Reply:
    if facts:
        lines = []
        several = disagree(*(f.source for f in facts[:MAX_SHOWN]))
        for f in facts[:MAX_SHOWN]:
            stat = f" on {f.statistic}" if f.statistic == "average" else (f" ({f.statistic})" if f.statistic else "")
            org = f", according to {f.source_org}" if f.source_org else ""
            when = dated(f.source, f.as_of)
            said = f" [{f.source.title}]" if several else ""  # documents that disagree: each figure's own
            lines.append(f"{plural(career)} earn {money(f)}{per(f.period)}{stat}{org}{when}{said}.")
        return Reply(
            " ".join(lines) + "\n" + cite(*(f.source for f in facts[:MAX_SHOWN])), career_buttons(career, "ask_salary")
        )
    text = f"My documents don't give a salary figure for {plural(career)}."
    if comparisons:
        text += " They only say: " + " ".join(c.source.sentence for c in comparisons)
        return Reply(text + "\n" + cite(*(c.source for c in comparisons)), career_buttons(career, "ask_salary"))
    if known:
        text += f" I do have salary figures for {some(known)}."
    return Reply(text, career_buttons(career, "ask_salary"), unanswered="no pay")


def growth_sentence(f: OutlookFact, name_source: bool = False) -> str:
    """One growth figure, with its period and who reports it; with ``name_source``, the document it is
    from (documents that disagree are each quoted)."""
    org = f", according to {f.source_org}" if f.source_org else ""
    org += f" [{f.source.title}]" if name_source else ""
    if f.percent is None:
        return f"Employment of {plural(f.career)} is {f.direction}{org}."
    verb = "grow" if f.direction == "growing" else "decline"
    text = f"Jobs for {plural(f.career)} are expected to {verb} {f.percent:g} percent"
    text += f" {f.horizon}" if f.horizon else ""
    if f.pace:
        text += f", {f.pace}"
    if f.average_percent is not None:
        text += f" (the average is {f.average_percent:g} percent)"
    return text + dated(f.source) + org + "."


def openings_sentence(f: OpeningsFact) -> str:
    about = f"{f.qualifier} " if f.qualifier else ""
    horizon = f" {f.horizon}" if f.horizon else ""
    org = f", according to {f.source_org}" if f.source_org else ""
    return (
        f"There will be {about}{f.per_year:,} job openings for {plural(f.career)} each year{horizon}"
        f"{dated(f.source)}{org}."
    )


def growth(career: str, outlook: list[OutlookFact], openings: list[OpeningsFact], known: list[str]) -> Reply:
    if not outlook and not openings:
        text = f"My documents don't say how fast jobs for {plural(career)} are growing."
        if known:
            text += f" I do have growth figures for {some(known)}."
        return Reply(text, career_buttons(career, "ask_growth"), unanswered="no job outlook")
    sources = [f.source for f in outlook] + [f.source for f in openings]
    parts = [growth_sentence(f, disagree(*sources)) for f in outlook] + [openings_sentence(f) for f in openings]
    return Reply(" ".join(parts) + "\n" + cite(*sources), career_buttons(career, "ask_growth"))


def description(career: str, texts: list[Text], rankings: list[RankingFact], categories: list[CategoryFact]) -> Reply:
    if not texts:
        return Reply(
            f"My documents don't describe what {plural(career)} do.",
            career_buttons(career, ""),
            unanswered="no overview",
        )
    body = texts[0].text
    extra = [f"{r.publisher} ranks {career} number {r.rank} in “{r.list_name}”." for r in rankings]
    extra += [f"{c.source_org} files it under “{c.name}”." for c in categories if c.source_org]
    sources = [texts[0].source] + [r.source for r in rankings]
    return Reply(" ".join([body, *extra]) + "\n" + cite(*sources), career_buttons(career, ""))


CATEGORY_NAMES = {"language": "programming languages", "database": "databases", "server": "servers"}


def skills(career: str, facts: list[SkillFact], kind: str | None) -> Reply:
    buttons = career_buttons(career, "ask_skills")
    if not facts:
        what = CATEGORY_NAMES.get(kind or "", f"{kind} skills" if kind else "skills")
        return Reply(f"My documents don't list {what} for {plural(career)}.", buttons, unanswered=f"no {what}")
    if kind in CATEGORY_NAMES:
        names = [name for f in facts for name, category in f.examples if category == kind]
        sources = [f.source for f in facts]
        return Reply(
            f"Popular {CATEGORY_NAMES[kind]} for {plural(career)}: {listing(names)}.\n" + cite(*sources), buttons
        )
    lines = []
    for k in ("hard", "soft"):
        names = [f.name for f in facts if f.kind == k]
        if names:
            lines.append(f"{k.capitalize()} skills: {listing(names)}.")
    sources = list(dict.fromkeys(f.source for f in facts))[:3]
    return Reply(f"What {plural(career)} need. " + " ".join(lines) + "\n" + cite(*sources), buttons)


def related(career: str, texts: list[Text]) -> Reply:
    if not texts:
        return Reply(
            f"My documents don't name careers related to {career}.",
            career_buttons(career, ""),
            unanswered="no related careers",
        )
    names = [t.text for t in texts]
    return Reply(
        f"Careers related to {career}: {listing(names)}.\n" + cite(texts[0].source),
        [button(n, "ask_career_description", career=n) for n in names[:4]],
    )


def comparison(result: Comparison, first: str, second: str, statements: list[SalaryComparisonFact]) -> str:
    label = "salary" if result.metric == "salary" else "job growth"
    have = [f for f in (result.first, result.second) if f is not None]
    if result.metric == "salary" and len(have) < 2 and statements:
        return " ".join(s.source.sentence for s in statements) + " " + cite(*(s.source for s in statements))
    if not have:
        return f"My documents don't give {label} figures for {first} or {second}."
    detail = " ".join(salary_line(f) if isinstance(f, SalaryFact) else growth_sentence(f) for f in have)
    if len(have) < 2:
        missing = second if result.first else first
        return f"My documents don't give a {label} figure for {plural(missing)}. {detail} " + cite(
            *(f.source for f in have)
        )
    lead = result.leader
    verdict = f"{plural(lead)} come out ahead on {label}." if lead else f"They are level on {label}."
    return f"{verdict} {detail} " + cite(*(f.source for f in have))


def salary_line(f: SalaryFact) -> str:
    return f"{plural(f.career)}: {money(f)}{per(f.period)}."


NO_PROVIDER = "My documents don't say who runs the courses."
NO_RETAKE_POLICY = "My documents don't mention a retake policy."
FALLBACK = (
    "Sorry, I didn't understand that. Try asking about a career's pay, job growth or skills, or about courses. "
    'Type "help" to see what I can do.'
)
NOT_FOUND = "I couldn't find that in my documents. I can help with careers, pay, job growth, skills and courses."


def courses_for_career(career: str, names: list[str], source: Source) -> Reply:
    return courses(f"Courses for {plural(career)}", names, [source])


def no_course_for_career(career: str, known: list[str]) -> Reply:
    return courses(f"My documents don't link a course to {plural(career)}. The courses I know", known, [])


def all_courses(known: list[str]) -> Reply:
    return courses("The courses in my documents", known, [])


def comparisons(parts: list[str]) -> Reply:
    return Reply("\n".join(parts))


def courses(title: str, names: list[str], sources: list[Source]) -> Reply:
    text = f"{title}: {listing(names)}."
    if sources:
        text += "\n" + cite(*sources)
    return Reply(text, [button(n, "ask_course_topics", course=n) for n in names[:4]])


def course_topics(course: CourseFactText | None, name: str, topics: list[Text]) -> Reply:
    if not topics:
        return Reply(f"My documents don't list what the {name} covers.", unanswered="no topics")
    sources = [t.source for t in topics]
    fmt = f" Format: {course.format}." if course and course.format else ""
    return Reply(
        f"The {name} covers {listing([t.text for t in topics])}.{fmt}\n" + cite(*sources), course_buttons(name)
    )


def course_buttons(name: str) -> list[Button]:
    return [
        button("Mentoring", "ask_course_mentoring", course=name),
        button("Prerequisites", "ask_course_prerequisites", course=name),
        button("Awards", "ask_course_awards", course=name),
    ]


def mentoring(name: str, facts: list[MentoringFact]) -> Reply:
    if not facts:
        return Reply(
            f"My documents don't mention mentoring sessions for the {name}.",
            course_buttons(name),
            unanswered="no mentoring",
        )
    f = facts[0]
    said = re.sub(r"^\w+", str(f.sessions), f.said) if f.said else f"{f.sessions} mentoring sessions"
    return Reply(f"The {name} includes {said}.\n" + cite(f.source), course_buttons(name))


def prerequisites(name: str, facts: list[Text]) -> Reply:
    if not facts:
        return Reply(
            f"My documents don't mention any prerequisites for the {name}.",
            course_buttons(name),
            unanswered="no prerequisites",
        )
    return Reply(
        f"For the {name} you should have {listing([f.text for f in facts])}.\n" + cite(*(f.source for f in facts)),
        course_buttons(name),
    )


def awards(name: str | None, facts: list[AwardFact]) -> Reply:
    if not facts:
        about = f"the {name}" if name else "any course"
        return Reply(f"My documents don't mention awards for {about}.", unanswered="no awards")
    lines = [
        f"{'In ' + str(f.year) + ' the' if f.year else 'The'} {f.course} was awarded {f.title}"
        + (f" by {f.awarded_by}." if f.awarded_by else ".")
        for f in facts
    ]
    return Reply(" ".join(lines) + "\n" + cite(*(f.source for f in facts)))


def course_for_topic(topic: str, hits: list[Text]) -> Reply:
    if not hits:
        return Reply(f"None of the courses in my documents mentions {topic}.", unanswered="no course for topic")
    names = list(dict.fromkeys(h.subject for h in hits))
    return Reply(
        f"{topic} is taught in the {listing(names)}.\n" + cite(*(h.source for h in hits)),
        [button(n, "ask_course_topics", course=n) for n in names[:4]],
        about={"course": names[0]} if len(names) == 1 else {},
    )


def figure(f: FactView) -> str:
    """A typed figure as a sentence part: "$98,000 to $165,000 a year (salary range, Nimbus Report 2024)"."""
    value = f.value
    if f.hedge and not value.lower().startswith(f.hedge):
        value = f"{f.hedge} {value}"
    if f.period and f.aspect == "pay" and not re.search(r"\b(?:a|per|an)\s+\w+$", value):
        value += per(f.period)
    notes = [n for n in (f.qualifier, f.horizon, f.pace) if n]
    said = ", ".join(n for n in (f.reporter, when(f.source, f.as_of) if f.number is not None else f.as_of) if n)
    if said:
        notes.append(f"according to {said}" if f.reporter else said)
    return value + (f" ({'; '.join(notes)})" if notes else "")


def facts(subject: str | None, label: str, found: list[FactView], opening: Text | None = None) -> Reply:
    """Any aspect's facts, per subject when no one subject was asked about (each provider's policies),
    after an ``opening`` statement that answers the question more closely."""
    if subject is None and len({f.subject for f in found}) > 1:
        parts = [
            _facts(name, label, [f for f in found if f.subject == name])
            for name in dict.fromkeys(f.subject for f in found)
        ]
        return Reply("\n".join(p.text for p in parts))
    return _facts(subject or found[0].subject, label, found, opening)


def described(career: str, opening: Text, duties: list[FactView]) -> Reply:
    """ "What does a … do?": the sentence that presents the career, then what its duties are."""
    listed = _facts(career, "duties", duties, opening)
    return Reply(listed.text, career_buttons(career, ""))


def _facts(subject: str | None, label: str, found: list[FactView], opening: Text | None = None) -> Reply:
    """Any aspect's facts: figures with what they are, then the short phrases of a list (more of them, as a
    list reads quickly), then a few sentences; cited. An ``opening`` statement goes first."""
    numbers = [f for f in found if f.number is not None][:MAX_SHOWN]
    phrases = [f for f in found if f.number is None and not SENTENCE_END.search(f.value)][:MAX_PHRASES]
    sentences = [f for f in found if f.number is None and SENTENCE_END.search(f.value)]
    leading = bool(sentences) and found[0] is sentences[0]  # ranked first: it shares the question's own words
    sentences = sentences[: max(MAX_SHOWN - len(numbers), int(leading))]
    shown = numbers + phrases + sentences
    about = f" for {plural(subject) if shown[0].kind == 'career' else 'the ' + subject}" if subject else ""
    figures = [figure(f) for f in numbers]
    phrases = [f.value for f in phrases]  # list items, cells, label values
    sentences = [f.value for f in sentences]
    parts = ([opening.text] if opening else []) + (sentences[:1] if leading else [])
    if figures:
        parts.append(f"{label.capitalize()}{about}: " + "; ".join(figures) + ".")
    if phrases:
        parts.append(f"{label.capitalize()}{about}: " + "; ".join(p.rstrip(".") for p in phrases) + ".")
    parts += sentences[1:] if leading else sentences
    sources = ([opening.source] if opening else []) + [f.source for f in shown]
    return Reply(" ".join(parts) + "\n" + cite(*sources))


def said(subject: str | None, label: str, texts: list[Text]) -> Reply:
    """No fact under the aspect, but the subject's own sentences that speak to the question."""
    about = f" about {subject}" if subject else ""
    lead = f"My documents don't say anything on {label}{about} as such, but they say: "
    return Reply(lead + " ".join(t.text for t in texts) + "\n" + cite(*(t.source for t in texts)))


def not_said(subject: str | None, label: str, have: list[str], kind: str) -> Reply:
    """Nothing in the documents speaks to the question: say so, and what they do have."""
    text = f"My documents don't say anything{_about(subject, kind)} on {label}."
    have = [h for h in dict.fromkeys(have) if h != label][:MAX_SHOWN]
    if have:
        text += f" They do cover {listing(have)}."
    return Reply(text, unanswered=f"no {label}")


def instead(subject: str | None, label: str, kind: str, nearby: Reply) -> Reply:
    """Nothing on what was asked, but something filed next to it (no license, but certifications)."""
    text = f"My documents don't say anything{_about(subject, kind)} on {label}, but they do say this:\n{nearby.text}"
    return Reply(text, unanswered=f"no {label}")


def _about(subject: str | None, kind: str) -> str:
    return f" about {plural(subject) if kind == 'career' else 'the ' + subject}" if subject else ""


def careers_known(by_document: dict[str, list[str]], groups: list[str]) -> Reply:
    if not by_document and not groups:
        return Reply("My documents don't present any careers yet.")
    count = len({c for careers in by_document.values() for c in careers})
    lines = [f"I know about {count} careers, from {len(by_document)} document(s):"]
    lines += [f"{title}: {listing(careers)}." for title, careers in by_document.items()]
    lines += [f"And {len(groups)} occupational group(s): {listing(groups)}."] if groups else []
    return Reply("\n".join(lines))


def growth_note(f: OutlookFact) -> str:
    """A growth figure in a few words: "jobs growing 6 percent"."""
    verb = "growing" if f.direction == "growing" else "declining"
    return f"jobs {verb} {f.percent:g} percent" + (f" {f.horizon}" if f.horizon else "")


def which_ranking() -> Reply:
    return Reply("Ranked by what? I can rank careers by pay, growth or openings, and courses by price or length.")


def ranking(label: str, ranked: list[FactView], highest: bool) -> Reply:
    """The top few subjects on one figure, each with the figure as its document gives it."""
    if not ranked:
        return Reply(f"My documents don't give {label} figures I could compare.")
    shown = ranked[:3]
    order = "highest" if highest else "lowest"
    lines = [f"By {label}, {order} first, of the {len(ranked)} my documents give a figure for:"]
    lines += [f"{i}. {f.subject}: {figure(f)}" for i, f in enumerate(shown, 1)]
    return Reply("\n".join(lines) + "\n" + cite(*(f.source for f in shown)))


def quoted(facts: list[Text], missing: str) -> Reply:
    """Answer with the documents' own sentences, each once."""
    if not facts:
        return Reply(missing, unanswered="not found")
    sentences = list(dict.fromkeys(f.source.sentence for f in facts))
    return Reply(" ".join(sentences) + "\n" + cite(*(f.source for f in facts)))


def of_family(texts: list[Text], careers: list[str]) -> Reply:
    """A question about a family of careers ("do teachers get summers off?"): what the document presenting
    them says, with each career to ask about."""
    return Reply(quoted(texts, "").text, [button(c, "inform", career=c) for c in careers[:4]])


def _shown(mention: str, kind: str) -> str:
    """A name the visitor typed, quoted when it is plain words; else "that career" (never a link or markup)."""
    return f"“{mention}”" if SHOWN_NAME.fullmatch(mention) and "://" not in mention else f"that {kind}"


SHOWN_NAME = re.compile(r"[\w][\w .'&()+#-]{0,59}")
"""A name the reply may repeat: a few words, no links, no markup."""


SENTENCE_END = re.compile(r"[.!?][”\"')]?$")
MAX_PHRASES = 8  # the items of a list, shorter than sentences
FEW = 6  # this many names or fewer are listed in full; of more, a few near ones


def unknown(kind: str, mention: str, nearest: list[str], known: list[str]) -> Reply:
    """A named career or course the KB lacks: never another one's answer; a few near names, or all of them
    when there are only a few."""
    text = f"I don't have {_shown(mention, kind)} in my documents, so I can't answer that for it."
    shown = nearest or (known if len(known) <= FEW else [])
    if nearest:
        text += f" Did you mean {listing(nearest, 'or')}?"
    elif shown:
        text += f" The {kind}s I know about are {listing(shown)}."
    elif known:
        text += f" Ask me “which {kind}s do you know?” to see the {len(known)} I have."
    return Reply(text, [button(k, "inform", **{kind: k}) for k in shown[:4]], unanswered=f"unknown {kind}")


def mentioned(kind: str, mention: str, texts: list[Text]) -> Reply:
    """A name the KB has no career or course for, but that the documents write about ("a CPA"): what
    they say of it, said to be no career of theirs."""
    sentences = " ".join(dict.fromkeys(t.source.sentence for t in texts))
    text = f"I don't have {_shown(mention, kind)} as a {kind} of its own in my documents, but they say: {sentences}"
    return Reply(text + "\n" + cite(*(t.source for t in texts)), unanswered=f"unknown {kind}")


def which_subject() -> Reply:
    return Reply("Which career or course do you mean? Try “what does a database architect earn?”")


def which_two_careers() -> Reply:
    return Reply(
        "Which two careers should I compare? For example: “which pays more, software developer or database architect?”"
    )


def which(kind: str, known: list[str], label: str | None = None) -> Reply:
    """Which one the question is about: the ones the documents say something about on it (``label``), a
    few of them when there are many."""
    about = f" on {label}" if label else ""
    text = (
        f"Which {kind}? I have something{about} for {some(known)}."
        if label
        else f"Which {kind}? I know about {some(known)}."
    )
    return Reply(text, [button(k, "inform", **{kind: k}) for k in known[:FEW]])


SLACK_BUTTONS = 5
"""Slack shows no buttons at all for a message with more (Rasa's Slack channel sends the text alone)."""


def render(reply: Reply, channel: str | None) -> dict:
    """The message for one channel, from the one reply: buttons become plain-text suggestions in the
    terminal (its console shows raw payloads), and the answers to a question a numbered list there, and on
    Slack when there are more than it shows; a table is one on the widget and aligned columns elsewhere;
    and Slack gets its own markup for the source line."""
    text, buttons = reply.text, reply.buttons
    if reply.table and channel != "socketio":
        fence = "```" if channel == "slack" else ""
        first, _, rest = text.partition("\n")
        text = f"{first}\n{fence}{reply.table.aligned()}{fence}" + (f"\n{rest}" if rest else "")
    if buttons and reply.numbered and (channel == "cmdline" or (channel == "slack" and len(buttons) > SLACK_BUTTONS)):
        text += "\n" + "\n".join(f"{n}. {b['title']}" for n, b in enumerate(buttons, 1))
        text, buttons = text + "\nType a number or your own answer.", []
    if channel == "cmdline":
        if buttons:
            text += "\nYou could also ask about: " + " · ".join(b["title"] for b in buttons)
        return {"text": text}
    if channel == "slack":
        text = "\n".join(f"_{line}_" if line.startswith("Source: ") else line for line in text.split("\n"))
    message = {"text": text, "buttons": buttons or None}
    if reply.table and channel == "socketio":
        message["json_message"] = {"data": {"table": {"columns": reply.table.columns, "rows": reply.table.rows}}}
    return message
