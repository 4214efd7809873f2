"""How guidance reads: shortlists of careers or courses, the table of careers side by side, the courses
on the way to a career with their totals, careers near one, and the short questions of "help me choose".
Every suggestion quotes what supports it and cites its document; no knowledge-base access here."""

from __future__ import annotations

from actions.replies import (
    Reply,
    Table,
    button,
    cite,
    dated,
    dollars,
    growth_note,
    listing,
    money,
    per,
    plural,
    some,
)
from kb.guide import CoursePath, CourseProfile, Near, Profile, Shortlist
from kb.needs import Need, level_name, level_of
from kb.query import FactView, Source


def _needs(needs: list[Need]) -> str:
    return " and ".join(n.said for n in needs)


def _what(asked: list[str], needs: list[Need]) -> str:
    """ "that fit helping people, paying at least $50,000"."""
    parts = ([f"that fit {' and '.join(asked)}"] if asked else []) + ([_needs(needs)] if needs else [])
    return ", ".join(parts)


def _shown(fact: FactView | None) -> str:
    if fact is None:
        return ""
    text = fact.value if len(fact.value) <= 90 else fact.value[:87].rsplit(" ", 1)[0] + "…"
    return f"“{text}”"


def shortlist(
    asked: list[str],
    found: Shortlist,
    offered: list[str],
    careers: list[str],
    liked: bool = False,
    courses: list[CourseProfile] | None = None,
) -> Reply:
    """Careers that fit the ``asked`` interests and meet the needs, each with what shows it, its pay and
    growth where known, then the ``courses`` that fit too; with nothing asked, the interests to choose from
    (``offered``), said to be all the documents have careers for when the visitor ``liked`` something
    else."""
    if not asked and not found.needs:
        opening = "My documents don't describe careers for that, as far as I can tell. " if liked else ""
        return Reply(
            opening + "Tell me what you enjoy or are good at, and I'll suggest careers from my documents. For example:",
            [button(f"I like {name}", "ask_suggestion", interest=name) for name in offered],
            unanswered="no career fits" if liked else None,
        )
    what = _what(asked, found.needs)
    if not found.picks:
        text = f"My documents don't describe careers {what}."
        if found.unsaid:
            text += f" They don't say enough on it for {some(found.unsaid)}."
        if courses:
            line, sources = _courses_line(courses)
            buttons = [button(c.course, "ask_courses", course=c.course) for c in courses]
            return Reply(f"{text}\n{line}\n{cite(*sources)}", buttons, shortlist=[c.course for c in courses])
        if asked and offered:  # what they do have careers for
            return Reply(
                f"{text} They do have careers for {listing(offered)}.",
                [button(f"I like {name}", "ask_suggestion", interest=name) for name in offered[:6]],
                unanswered="no career fits",
            )
        return Reply(f"{text} They cover {some(careers)}.", unanswered="no career fits")
    lines = [f"Careers in my documents {what}:"]
    sources: list[Source] = []
    for n, s in enumerate(found.picks, 1):
        known = [f"{money(s.pay)}{per(s.pay.period)}{dated(s.pay.source)}" if s.pay else "",
                 growth_note(s.outlook) if s.outlook else ""]  # fmt: skip
        details = f" ({'; '.join(k for k in known if k)})" if any(known) else ""
        partly = f" [{', '.join(s.interests)}]" if len(asked) > 1 and len(s.interests) < len(asked) else ""
        line = f"{n}. {s.career}{details}{partly}"
        if asked and s.reason:
            line += f": “{s.reason.text}”"
            sources.append(s.reason.source)
        shown = [(n, fact) for n, fact in found.shown.get(s.career, ()) if fact is not None and n.rule != "pay"]
        if shown:
            line += " " + "; ".join(f"{need.said}: {_shown(fact)}" for need, fact in shown)
            sources += [fact.source for _, fact in shown]
        sources += [x.source for x in (s.pay, s.outlook) if x]
        lines.append(line)
    lines += _others(found, "careers")
    if courses:
        line, shown = _courses_line(courses)
        lines.append(line)
        sources += shown
    return Reply(
        "\n".join(lines) + "\n" + cite(*sources),
        [button(s.career, "ask_career_description", career=s.career) for s in found.picks],
        shortlist=[s.career for s in found.picks],
    )


def _courses_line(courses: list[CourseProfile]) -> tuple[str, list[Source]]:
    """ "Courses that fit too: Cosmetology ($14,775; 1,500 hours), Esthetics (…)", and its sources."""
    named = [f"{c.course} ({'; '.join(f.value for f in (c.price, c.length) if f) or 'price and length not given'})"
             for c in courses]  # fmt: skip
    return f"Courses in my documents that fit: {listing(named)}.", [
        f.source for c in courses for f in (c.price, c.length) if f
    ]


def courses(found: Shortlist, known: list[str]) -> Reply:
    """Courses meeting the needs, each with the facts that show it."""
    what = _needs(found.needs)
    if not found.picks:
        text = f"None of the courses in my documents is {what}, as far as they say."
        return Reply(f"{text} They have {some(known)}.", unanswered="no course fits")
    lines = [f"Courses in my documents {what}:"]
    sources = []
    for n, s in enumerate(found.picks, 1):
        shown = [(need, fact) for need, fact in found.shown.get(s.career, ()) if fact is not None]
        lines.append(f"{n}. {s.career}: " + "; ".join(f"{_shown(fact)}" for _, fact in shown))
        sources += [fact.source for _, fact in shown]
    lines += _others(found, "courses")
    return Reply(
        "\n".join(lines) + "\n" + cite(*sources),
        [button(s.career, "ask_courses", course=s.career) for s in found.picks],
        shortlist=[s.career for s in found.picks],
    )


ALSO_SHOWN = 15
"""The others meeting the needs named after a shortlist: by name, for the visitor to pick from."""


def _others(found: Shortlist, kind: str) -> list[str]:
    """Lines on the rest: those also meeting the needs, by name; those the documents are silent on, counted."""
    lines = [f"Also {_needs(found.needs)}: {some(found.more, ALSO_SHOWN)}."] if found.more else []
    if found.unsaid:
        lines.append(f"({len(found.unsaid)} other {kind} left out: my documents don't say enough on it.)")
    return lines


def table(rows: list[Profile]) -> Reply:
    """Careers side by side: pay, growth, education and openings as their documents give them; a table on
    the widget, aligned columns elsewhere."""
    columns = ["Career", "Pay", "Job growth", "Education", "Openings a year"]
    cells = []
    sources: list[Source] = []
    for row in rows:
        pay = f"{money(row.pay)}{per(row.pay.period)}{dated(row.pay.source)}" if row.pay else "not given"
        growth = growth_note(row.outlook).removeprefix("jobs ") if row.outlook and row.outlook.percent else (
            row.outlook.direction if row.outlook else "not given")  # fmt: skip
        level = level_of(row.education.value) if row.education else None
        education = level_name(level) if level is not None else "not given"
        openings = f"{row.openings.per_year:,}" if row.openings else "not given"
        cells.append([row.career, pay, growth, education, openings])
        sources += [x.source for x in (row.pay, row.outlook, row.education, row.openings) if x]
    missing = [r.career for r in rows if not (r.pay or r.outlook or r.education or r.openings)]
    note = f"\nMy documents give none of these for {listing(missing)}." if missing else ""
    return Reply(
        f"{listing([r.career for r in rows])}, side by side:" + note + "\n" + cite(*sources),
        [
            {"title": "Which pays the most?", "payload": "which of those pays the most?"},
            *[button(r.career, "ask_career_description", career=r.career) for r in rows[:3]],
        ],  # fmt: skip
        shortlist=[r.career for r in rows],
        table=Table(columns, cells),
    )


def course_table(rows: list[CourseProfile]) -> Reply:
    """Courses side by side: price, length and format as their documents give them."""
    columns = ["Course", "Price", "Length", "Format"]
    cells = [[r.course] + [f.value if f else "not given" for f in (r.price, r.length, r.format)] for r in rows]
    sources = [f.source for r in rows for f in (r.price, r.length, r.format) if f]
    return Reply(
        f"{listing([r.course for r in rows])}, side by side:\n" + cite(*sources),
        [button(r.course, "ask_courses", course=r.course) for r in rows[:4]],
        shortlist=[r.course for r in rows],
        table=Table(columns, cells),
    )


def path(found: CoursePath) -> Reply:
    """The courses on the way to a career, each with its price and length, and their totals."""
    career = found.career
    if career and not found.steps:
        text = f"My documents don't name a course that prepares for {plural(career)}."
        if found.education:
            text += f" On education they say: {_shown(found.education)}\n" + cite(found.education.source)
        return Reply(text, unanswered="no course path")
    lines = [f"On the way to becoming a {career}, my documents have these courses:" if career else "The courses:"]
    sources: list[Source] = []
    if found.known:
        lines.insert(0, f"You already have {listing(found.known)}, which {career}s need.")
    for n, step in enumerate(found.steps, 1):
        price = f"{step.price.value}" if step.price else "price not given"
        length = f"{step.length.value}" if step.length else "length not given"
        line = f"{n}. {step.course} ({price}; {length})"
        if step.before:
            line += f": take it first, since {step.before} asks for “{step.why.text}”"
        elif step.covers:
            line += f": covers {listing(list(step.covers))}"
        if step.lacking:
            line += f". It asks for: “{step.lacking[0].text}”"
        lines.append(line)
        sources += [x.source for x in (step.price, step.length) if x] + [step.why.source]
    priced = [s for s in found.steps if s.price]
    if len(priced) > 1:
        total = f"Total: {dollars(found.total_price)}"
        if len(priced) < len(found.steps):
            total += f" for the {len(priced)} courses with a price"
        lines.append(total + (f", {found.total_weeks:g} weeks" if found.total_weeks else "") + ".")
    elif found.total_weeks and len(found.steps) > 1:
        lines.append(f"Total: {found.total_weeks:g} weeks.")
    if found.discount and found.discounted is not None:
        lines.append(f"With the discount (“{found.discount.text}”): Total: {dollars(found.discounted)}.")
        sources.append(found.discount.source)
    if found.education:
        lines.append(f"On education for {plural(career)} my documents say: {_shown(found.education)}")
        sources.append(found.education.source)
    return Reply(
        "\n".join(lines) + "\n" + cite(*sources),
        [button(s.course, "ask_courses", course=s.course) for s in found.steps[:4]],
        shortlist=[s.course for s in found.steps],
    )


def near(career: str, found: list[Near]) -> Reply:
    """Careers near one a visitor has, each with what they share."""
    if not found:
        return Reply(f"My documents don't say enough about {plural(career)} to find careers close to it.",
                     unanswered="no near career")  # fmt: skip
    lines = [f"Careers in my documents that share the most with {plural(career)}:"]
    for n, x in enumerate(found, 1):
        why = ["my documents name it as similar"] if x.related else []
        why += [f"both involve {listing(list(x.shared))}"] if x.shared else []
        why += ["presented with it in the same document"] if x.same_document else []
        lines.append(f"{n}. {x.career}: {'; '.join(why)}")
    return Reply(
        "\n".join(lines) + "\n" + cite(*(x.source.source for x in found)),
        [button(x.career, "ask_career_description", career=x.career) for x in found[:4]],
        shortlist=[x.career for x in found],
    )


def question(asking: str, options: list[tuple[str, str]]) -> Reply:
    """One short "help me choose" question, with its answers as buttons (numbered in the terminal)."""
    text = {
        "interest": "What do you enjoy most?",
        "study": "How long are you willing to study or train?",
        "pay": "What do you need to earn?",
    }[asking]
    return Reply(
        text,
        [button(title, "help_me_choose", **{asking: value}) for title, value in options],
        numbered=True,
    )
