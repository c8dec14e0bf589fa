"""What the assistant says outside the questions themselves, in both languages.

Kept in one table so a translator sees every sentence together, and so tests can check that
no message exists in one language only.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (nl, en); str.format placeholders
    "too_long": (
        "Dat antwoord is te lang ({n} tekens); houd het onder {limit} tekens.",
        "That answer is too long ({n} characters); keep it under {limit} characters.",
    ),
    "control_chars": (
        "Het antwoord bevat onzichtbare stuurtekens; typ het opnieuw als gewone tekst.",
        "The answer contains invisible control characters; type it again as plain text.",
    ),
    "empty": ("Er is nog niets ingevuld.", "Nothing was typed yet."),
    "not_number": (
        "'{text}' is geen getal.",
        "'{text}' is not a number.",
    ),
    "wrong_unit": (
        "De eenheid '{unit}' past hier niet; geef een getal in {expected}.",
        "The unit '{unit}' does not fit here; give a number in {expected}.",
    ),
    "below_min": (
        "{value} is te klein: het minimum is {min}.",
        "{value} is too small: the minimum is {min}.",
    ),
    "above_max": (
        "{value} is niet geloofwaardig: het maximum is {max}.",
        "{value} is not plausible: the maximum is {max}.",
    ),
    "bad_score": (
        "Een score is een geheel getal van 1 (laag) tot 5 (hoog).",
        "A score is a whole number from 1 (low) to 5 (high).",
    ),
    "bad_choice": (
        "'{text}' is geen van de mogelijkheden: {options}.",
        "'{text}' is not one of the choices: {options}.",
    ),
    "bad_yesno": (
        "Antwoord met ja, nee of weet niet.",
        "Answer yes, no or don't know.",
    ),
    "bad_code": (
        "'{text}' is geen geldige {system}-code.",
        "'{text}' is not a valid {system} code.",
    ),
    "unknown_code": (
        "{system}-code {code} bestaat niet.",
        "{system} code {code} does not exist.",
    ),
    "did_you_mean": ("Bedoelt u: {options}?", "Did you mean: {options}?"),
    "bad_pick": (
        "Er is geen suggestie nummer {n}; kies 1 tot {count}.",
        "There is no suggestion number {n}; pick 1 to {count}.",
    ),
    "bad_location": (
        "'{text}' is geen postcode, plaatsnaam of coördinaten die we kennen.",
        "'{text}' is not a postcode, place name or coordinates we know.",
    ),
    "unknown_postcode": (
        "Postcode {code} is niet bekend in België; zet voor een ander land de landcode"
        " ervoor (NL-4791 Klundert, D-52062 Aachen) of noem het land.",
        "Postcode {code} is not known in Belgium; for another country put its code before it"
        " (NL-4791 Klundert, D-52062 Aachen) or name the country.",
    ),
    "short_text": (
        "Geef wat meer uitleg (minstens {n} tekens).",
        "Please say a little more (at least {n} characters).",
    ),
    "example": ("Bijvoorbeeld: {example}", "For example: {example}"),
    "noted_unknown": (
        "Genoteerd als kennislacune: dit zoeken we later uit.",
        "Noted as a knowledge gap: we will find this out later.",
    ),
    "noted": ("Genoteerd: {value}.", "Noted: {value}."),
    "skipped": ("Overgeslagen.", "Skipped."),
    "unknown_command": (
        "Onbekende opdracht '{text}'. Opdrachten: {commands}.",
        "Unknown command '{text}'. Commands: {commands}.",
    ),
    "nothing_back": ("Er is geen eerdere vraag.", "There is no earlier question."),
    "unknown_question": (
        "Er is geen vraag '{text}'. Bijvoorbeeld: {example}.",
        "There is no question '{text}'. For example: {example}.",
    ),
    "unknown_stream": (
        "Er is geen stroom '{text}'. Stromen: {streams}.",
        "There is no stream '{text}'. Streams: {streams}.",
    ),
    "unknown_section": (
        "Er is geen onderdeel '{text}'. Onderdelen: {sections}.",
        "There is no section '{text}'. Sections: {sections}.",
    ),
    "stream_added": ("Stroom {id} toegevoegd: {name}.", "Stream {id} added: {name}."),
    "stream_removed": ("Stroom {id} verwijderd: {name}.", "Stream {id} removed: {name}."),
    "no_streams": ("Er zijn nog geen stromen.", "There are no streams yet."),
    "withdrawn": ("Antwoord ingetrokken: {question}.", "Answer withdrawn: {question}."),
    "not_answered": (
        "Vraag {question} is nog niet beantwoord.",
        "Question {question} has not been answered yet.",
    ),
    "note_saved": ("Notitie bewaard bij {question}.", "Note saved with {question}."),
    "done": (
        "Alle vragen zijn beantwoord. Het dossier is klaar.",
        "All questions are answered. The dossier is ready.",
    ),
    "suggestions": ("Suggesties:", "Suggestions:"),
    "canvas_draft": ("Ontwerp: {text}", "Draft: {text}"),
    "canvas_none": (
        "Er is nog geen ontwerp voor dit blok; schrijf er zelf een of typ 'verwerp'.",
        "There is no draft for this block yet; write one or type 'reject'.",
    ),
    "exchanges": (
        "Vergelijkbare bestaande uitwisselingen:",
        "Similar existing exchanges:",
    ),
    "path": ("{node}: {outcome} ({why})", "{node}: {outcome} ({why})"),
}


def say(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled in."""
    nl, en = MESSAGES[key]
    return (nl if lang == "nl" else en).format(**values)
