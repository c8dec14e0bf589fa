"""What the assistant says outside the questions themselves, in both languages.

Kept in one table so a translator sees every sentence together, and so tests can check that
no message exists in one language only.
"""

from __future__ import annotations

from isassist.dossier.views import EXAMPLE

MESSAGES: dict[str, tuple[str, str]] = {
    # key: (nl, en); str.format placeholders
    "no_stream_name": (
        "'{text}' is geen naam voor een stroom; noem ze zoals het bedrijf ze noemt.",
        "'{text}' is no name for a stream; name it as the company calls it.",
    ),
    "no_argument": (
        "{command} neemt niets achter de opdracht ('{arg}' is niet gebruikt); "
        "typ alleen {command}.",
        "{command} takes nothing after it ('{arg}' was not used); type just {command}.",
    ),
    "needs_argument": (
        "{command} heeft meer nodig: zeg waarover het gaat, bijvoorbeeld {example}.",
        "{command} needs more: say what it is about, for example {example}.",
    ),
    "progress_line": ("Voortgang {done}/{total}", "Progress {done}/{total}"),
    "progress_uncounted": ("Voortgang: nog niet geteld", "Progress: not counted yet"),
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
    "example": (EXAMPLE["nl"], EXAMPLE["en"]),
    "noted_unknown": (
        "Genoteerd als kennislacune: dit zoeken we later uit.",
        "Noted as a knowledge gap: we will find this out later.",
    ),
    "noted": ("Genoteerd: {value}.", "Noted: {value}."),
    # the law area a location was read as, said back so a wrong region is caught at once
    "area_flanders": ("Vlaams Gewest", "Flemish Region"),
    "area_wallonia": ("Waals Gewest", "Walloon Region"),
    "area_brussels": ("Brussels Hoofdstedelijk Gewest", "Brussels-Capital Region"),
    "area_netherlands": ("Nederland", "the Netherlands"),
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
    "confirm_remove": (
        "Stroom {id} ({name}) verwijderen? Alle antwoorden erover verdwijnen uit het dossier, "
        "het rapport en het register. Typ 'ja' om te bevestigen, iets anders om te annuleren.",
        "Remove stream {id} ({name})? All its answers leave the dossier, the report and the "
        "register. Type 'yes' to confirm, anything else to cancel.",
    ),
    "confirm_duplicate": (
        "Er is al een stroom '{name}' ({id}). Toch een tweede toevoegen? Typ 'ja' of iets anders "
        "om te annuleren.",
        "There is already a stream '{name}' ({id}). Add a second one anyway? Type 'yes', or "
        "anything else to cancel.",
    ),
    "cancelled": ("Geannuleerd: {what}.", "Cancelled: {what}."),
    "duplicate_listed": (
        "Let op: '{name}' lijkt op stroom {id} ({other}); gebruik /verwijder {id2} als het "
        "dezelfde is.",
        "Note: '{name}' looks like stream {id} ({other}); use /remove {id2} if it is the same.",
    ),
    "stream_renamed": (
        "Stroom {id} heet nu '{name}' (was '{old}').",
        "Stream {id} is now called '{name}' (was '{old}').",
    ),
    "rename_how": (
        "Zeg welke stroom en de nieuwe naam, bijvoorbeeld /hernoem s2 = bierdraf.",
        "Say which stream and the new name, for example /rename s2 = spent grain.",
    ),
    "sketched": (
        "Uit de lijst overgenomen voor {id} {name}: {facts}. Klopt iets niet: /wijzig {question} "
        "{id}.",
        "Taken from the list for {id} {name}: {facts}. Anything wrong: /revise {question} {id}.",
    ),
    "from_step1": ("Uit stap 1: {text}", "From step 1: {text}"),
    "cpa_english_only": (
        "De CPA-productlijst bestaat niet in het Nederlands: de omschrijvingen staan er in het "
        "Engels, zoals gepubliceerd.",
        "The CPA product list is published in English.",
    ),
    "carried": (
        "Uit stap 1: {value}. Klopt dat? 'ja' bevestigt, of geef het juiste getal.",
        "From step 1: {value}. Is that right? 'yes' confirms, or give the right figure.",
    ),
    "jumped": ("We gaan naar {section}{stream}.", "Going to {section}{stream}."),
    "jump_done": (
        "{section}{stream} is al helemaal beantwoord; wijzig een antwoord met /wijzig, "
        "bijvoorbeeld {example}.",
        "{section}{stream} is answered in full; change an answer with /revise, for example "
        "{example}.",
    ),
    "jump_not_worked_out": (
        "{section} hoort bij de uitwerking, en {id} ({name}) wordt niet uitgewerkt. Werk de "
        "stroom toch uit met /uitwerken {id}.",
        "{section} belongs to the deep-dive, and {id} ({name}) is not worked out. Work it out "
        "anyway with /work-out {id}.",
    ),
    "jump_nothing": (
        "In {section}{stream} is niets te vragen (de vragen passen niet bij deze stroom).",
        "{section}{stream} has nothing to ask (its questions do not fit this stream).",
    ),
    "worked_out": (
        "{id} ({name}) wordt volledig uitgewerkt (stap 2 tot 4).",
        "{id} ({name}) will be worked out in full (steps 2 to 4).",
    ),
    "not_worked_out": (
        "{id} ({name}) wordt niet uitgewerkt; wat stap 1 gaf, blijft in het dossier.",
        "{id} ({name}) is not worked out; what step 1 gave stays in the dossier.",
    ),
    "not_worked_out_scored": (
        "{id} ({name}) scoort laag en wordt niet uitgewerkt: wat stap 1 gaf, blijft in het "
        "dossier. Toch uitwerken: /uitwerken {id}.",
        "{id} ({name}) scores low and is not worked out: what step 1 gave stays in the dossier. "
        "Work it out anyway: /work-out {id}.",
    ),
    "chat_only": (
        "{command} werkt in het chatvenster van isassist, niet in een script of replay.",
        "{command} works in the isassist chat window, not in a script or replay.",
    ),
    "stream_line": ("{id}: {name} ({kind}, {status})", "{id}: {name} ({kind}, {status})"),
    "status_worked_out": ("uitgewerkt", "worked out"),
    "status_not_worked_out": ("niet uitgewerkt", "not worked out"),
    "status_unscored": ("nog niet gescoord", "not scored yet"),
    "canvas_review_how": (
        "Typ 'ok' om alle blokken over te nemen, 'verwerp' om ze alle te verwerpen, of pas "
        "blokken aan met 'blok: tekst' (meerdere gescheiden door een puntkomma), bijvoorbeeld "
        "'kosten: transport 8 euro per ton'.",
        "Type 'ok' to take every block, 'reject' to reject them all, or change blocks with "
        "'block: text' (several separated by a semicolon), e.g. 'costs: transport 8 euro a "
        "tonne'.",
    ),
    "canvas_bad_block": (
        "'{text}' is geen canvasblok. Blokken: {blocks}.",
        "'{text}' is not a canvas block. Blocks: {blocks}.",
    ),
    "path": ("{node}: {outcome} ({why})", "{node}: {outcome} ({why})"),
    # --- the answer check (isassist.interview.answer_check) ---
    "none_known": ("geen", "none"),
    "unknown_echo": ("weet niet", "don't know"),
    "yes_echo": ("ja", "yes"),
    "no_echo": ("nee", "no"),
    "canvas_confirmed_echo": ("ontwerp bevestigd", "draft confirmed"),
    "canvas_rejected_echo": ("ontwerp verworpen", "draft rejected"),
    "canvas_edited_echo": ("aangepast: {text}", "edited: {text}"),
    "canvas_reviewed_echo": ("canvas nagekeken", "canvas reviewed"),
    "cas_which": (
        "Welke stoffen? Typ de naam of het CAS-nummer, gescheiden door een puntkomma.",
        "Which substances? Type the name or the CAS number, separated by semicolons.",
    ),
    "cas_resolved": (
        "'{name}' is CAS {cas}; klopt dat niet, typ dan het nummer van het veiligheidsblad.",
        "'{name}' is CAS {cas}; if that is wrong, type the number from the safety data sheet.",
    ),
    "cas_mixture": (
        "{name} is een mengsel zonder één CAS-nummer; genoteerd bij naam. {note}",
        "{name} is a mixture with no single CAS number; noted by name. {note}",
    ),
    "cas_several": (
        "'{text}' kan meerdere stoffen zijn: {options}. Typ het CAS-nummer.",
        "'{text}' can be several substances: {options}. Type the CAS number.",
    ),
    "cas_unknown_name": (
        "Ik ken geen stof '{text}'. Typ het CAS-nummer (van het veiligheidsblad), of 'geen'.",
        "I know no substance '{text}'. Type the CAS number (safety data sheet), or 'none'.",
    ),
    "quantity_kind": (
        "{amount} is {what}, maar '{stream}' is {kind}: geef een hoeveelheid in {units}.",
        "{amount} is {what}, but '{stream}' is {kind}: give an amount in {units}.",
    ),
    "this_stream": ("deze stroom", "this stream"),
    "measure_mass": ("een massa", "a mass"),
    "measure_volume": ("een volume", "a volume"),
    "measure_energy": ("een hoeveelheid energie", "an amount of energy"),
    "measure_power": ("een vermogen", "a power"),
    "measure_time": ("een tijdsduur", "a duration"),
    "kind_material": ("een materiaal", "a material"),
    "kind_heat": ("warmte", "heat"),
    "kind_water": ("water", "water"),
    "kind_energy": ("energie", "energy"),
    "kind_gas": ("een gas", "a gas"),
    "units_material": ("ton of m³ per jaar", "tonnes or m³ a year"),
    "units_heat": ("MWh per jaar of kW met draaiuren", "MWh a year or kW with operating hours"),
    "units_water": ("m³ per jaar", "m³ a year"),
    "units_energy": ("MWh per jaar", "MWh a year"),
    "units_gas": (
        "Nm³ of ton per jaar (brandbaar gas ook MWh per jaar)",
        "Nm³ or tonnes a year (a fuel gas also MWh a year)",
    ),
    "example_material": ("200 ton per jaar", "200 tonnes a year"),
    "example_heat": ("500 kW, 6000 uur per jaar", "500 kW, 6000 hours a year"),
    "example_water": ("20 m³ per dag", "20 m³ a day"),
    "example_energy": ("3000 MWh per jaar", "3000 MWh a year"),
    "example_gas": ("500 ton CO2 per jaar", "500 tonnes of CO2 a year"),
    "range_mid": ("(gerekend met {mid})", "(calculated with {mid})"),
    "money_vague": (
        "'{text}' is te vaag om mee te rekenen: geef een bedrag, ook als het een schatting is.",
        "'{text}' is too vague to calculate with: give an amount, an estimate is fine.",
    ),
    "money_per_tonne_needs_amount": (
        "Een prijs per ton reken ik om naar een jaarbedrag zodra de hoeveelheid bekend is; "
        "geef nu het bedrag per jaar.",
        "I turn a price per tonne into a yearly amount once the quantity is known; "
        "give the amount per year for now.",
    ),
    "money_from_tonnes": (
        "{price} × {tonnes} = {total}.",
        "{price} × {tonnes} = {total}.",
    ),
    "revenue_echo": ("opbrengst van {amount}", "revenue of {amount}"),
    "yes_what": (
        "Ja: wat dan precies? Zeg het in een paar woorden.",
        "Yes: what exactly? Say it in a few words.",
    ),
    "yes_which": ("Ja: {options}?", "Yes: {options}?"),
    "or": (" of ", " or "),
    "other_what": (
        "Iets anders: wat dan precies? Zeg het in een paar woorden.",
        "Something else: what exactly? Say it in a few words.",
    ),
    "other_example": ("gaat gratis naar een boer", "goes to a farmer for free"),
}


def progress_words(done: int | None, total: int | None, lang: str) -> str:
    """The one progress measure in words, the same in the start list, the dossier panel and
    `isassist interviews list`: "Voortgang 12/40" (answered of applicable questions)."""
    if done is None or total is None:
        return say("progress_uncounted", lang)
    return say("progress_line", lang, done=done, total=total)


def say(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled in."""
    nl, en = MESSAGES[key]
    return (nl if lang == "nl" else en).format(**values)
