"""Every text of the assistant's own interface in Dutch and English, in one table.

Questions and engine messages come in both languages from the dialog and the engine; this
table covers what only the face says (buttons, titles, panel headings, help). One table lets a
translator see every sentence together and lets a test check that none is missing a language.
"""

from __future__ import annotations

from isassist.interview.commands import help_markdown
from isassist.interview.messages import progress_words as progress_words  # one wording everywhere

UI: dict[str, tuple[str, str]] = {
    # key: (nl, en); str.format placeholders
    # a conclusion said earlier that an answer withdrew: in words, never struck through only
    "no_longer_applies": ("Vervalt: {title}", "No longer applies: {title}"),
    "app_title": (
        "isassist: reststromen, een tweede leven",
        "isassist: residual streams, a second life",
    ),
    "start_title": ("Welkom bij isassist", "Welcome to isassist"),
    "start_intro": (
        "Breng de reststromen van een bedrijf in kaart volgens de MAESTRI-methode: "
        "identificeren, karakteriseren (A-F), waarderen en valoriseren.",
        "Map a company's residual streams with the MAESTRI method: identify, "
        "characterise (A-F), value and valorise.",
    ),
    "new_broker": ("Nieuw gesprek (makelaar)", "New interview (broker)"),
    "new_self": ("Nieuwe zelfevaluatie", "New self-assessment"),
    "open_register": ("Makelaarsregister", "Broker register"),
    "resume_latest": ("Verder met het laatste gesprek", "Resume the latest interview"),
    "saved": ("Bewaarde gesprekken", "Saved interviews"),
    "no_saved": ("Nog geen bewaarde gesprekken.", "No saved interviews yet."),
    "untitled": ("(nog geen naam)", "(no name yet)"),
    "language": ("Taal", "Language"),
    "confirm_delete": (
        "Gesprek '{name}' definitief verwijderen?",
        "Delete interview '{name}' for good?",
    ),
    "yes": ("Ja", "Yes"),
    "no": ("Nee", "No"),
    "deleted": ("Gesprek verwijderd.", "Interview deleted."),
    "loading": ("Kennisbank laden...", "Loading the knowledge base..."),
    "still_loading": (
        "Het register laadt nog na {seconds} s (de kennisbank, dan de bewaarde gesprekken). "
        "Esc brengt u terug; gaat dit niet voorbij, sluit isassist (Ctrl+Q) en start opnieuw: "
        "niets van wat bewaard is gaat verloren.",
        "The register is still loading after {seconds} s (the knowledge base, then the saved "
        "interviews). Esc takes you back; if this does not pass, close isassist (Ctrl+Q) and "
        "start it again: nothing saved is lost.",
    ),
    "store_problem": (
        "De gesprekken kunnen niet geopend worden: {error}",
        "Interviews cannot be opened: {error}",
    ),
    "you": ("U", "You"),
    "assistant": ("isassist", "isassist"),
    "loading_answer_now": (
        "De kennisbank laadt nog; je kunt al antwoorden.",
        "The knowledge base is still loading; you can answer already.",
    ),
    "register_title": ("Makelaarsregister", "Broker register"),
    "register_companies": ("Bedrijven (haves en wants)", "Companies (haves and wants)"),
    "register_empty": (
        "Het register is leeg. Voeg bedrijven toe met 'isassist register add'.",
        "The register is empty. Add companies with 'isassist register add'.",
    ),
    "register_matches": (
        "Matches (Enter: opportuniteit openen)",
        "Matches (Enter: open opportunity)",
    ),
    "register_network": ("Netwerk", "Network"),
    "register_pipeline": ("Pijplijn", "Pipeline"),
    "register_no_matches": ("Geen matches voor dit bedrijf.", "No matches for this company."),
    "register_pick": ("Kies een bedrijf (Enter).", "Pick a company (Enter)."),
    "register_move": (
        "fase en notitie, bv. 'gecontacteerd belde Jan' (voor de gekozen opportuniteit)",
        "stage and note, e.g. 'contacted called Jan' (for the chosen opportunity)",
    ),
    "register_opened": (
        "Opportuniteit #{id} geopend als idee.",
        "Opportunity #{id} opened as idea.",
    ),
    "register_moved": ("#{id} staat nu op '{stage}'.", "#{id} is now at '{stage}'."),
    "register_no_opportunity": (
        "Kies eerst een opportuniteit in de pijplijn (of open er een met Enter op een match).",
        "Pick an opportunity in the pipeline first (or open one with Enter on a match).",
    ),
    "key_register": ("Register", "Register"),
    "store_loading": ("Bewaarde gesprekken laden...", "Loading saved interviews..."),
    "type_here": (
        "Typ uw antwoord, een vraag (eindigt op ?) of /help",
        "Type your answer, a question (ending in ?) or /help",
    ),
    "choices": ("Keuzes (Enter kiest)", "Choices (Enter picks)"),
    "suggestions": ("Suggesties (Enter kiest)", "Suggestions (Enter picks)"),
    "yes_word": ("ja", "yes"),
    "no_word": ("nee", "no"),
    "unknown_word": ("weet niet", "don't know"),
    "looks_fine": ("Dat kan als antwoord.", "That works as an answer."),
    "reads_as": ("Gelezen als: {echo}", "Read as: {echo}"),
    "dossier": ("Dossier", "Dossier"),
    "streams": ("Stromen", "Streams"),
    "no_streams_yet": ("nog geen", "none yet"),
    "conclusions": ("Conclusies (Enter of klik: waarom?)", "Conclusions (Enter or click: why?)"),
    "no_conclusions": ("Nog geen conclusies.", "No conclusions yet."),
    "gaps": ("Kennislacunes", "Knowledge gaps"),
    "barriers": ("Barrières", "Barriers"),
    "options": ("Valorisatie-opties", "Valorisation options"),
    "canvas": ("Canvasblokken", "Canvas blocks"),
    "legal": ("Juridisch", "Legal"),
    "classification": ("Classificatie", "Classification"),
    "heat": ("Warmte", "Heat"),
    "follow_up": ("Vervolgvragen", "Follow-up questions"),
    "counts": (
        "{streams} stromen · {barriers} barrières · {gaps} lacunes · {options} opties"
        " · {canvas} canvas",
        "{streams} streams · {barriers} barriers · {gaps} gaps · {options} options"
        " · {canvas} canvas",
    ),
    "why_title": ("Waarom?", "Why?"),
    "why_none": (
        "Er is nog geen conclusie om uit te leggen.",
        "There is no conclusion to explain yet.",
    ),
    "why_pick": (
        "Er is geen conclusie {n}; kies 1 tot {count}, of klik er een aan in het dossier.",
        "There is no conclusion {n}; pick 1 to {count}, or click one in the dossier.",
    ),
    "close": ("Sluiten", "Close"),
    "glossary_unknown": (
        "'{term}' staat niet in de woordenlijst. De open vraag blijft staan.",
        "'{term}' is not in the glossary. The open question stays open.",
    ),
    "glossary_related": ("Zie ook: {names}", "See also: {names}"),
    "still_open": ("De open vraag blijft staan.", "The open question stays open."),
    "lang_switched": ("Taal: Nederlands.", "Language: English."),
    "lang_bad": ("Kies /taal nl of /taal en.", "Choose /lang nl or /lang en."),
    "why_number": (
        "'{arg}' is geen nummer van een conclusie; typ bijvoorbeeld /waarom 2 (1 is de nieuwste).",
        "'{arg}' is not the number of a conclusion; type for example /why 2 (1 is the newest).",
    ),
    "jump_title": ("Spring naar een onderdeel", "Jump to a section"),
    "summary_title": ("Dossieroverzicht", "Dossier summary"),
    "report_loading": ("Het volledige rapport wordt opgesteld…", "Writing the full report…"),
    "export_busy": ("Bezig met bewaren als {fmt}…", "Saving as {fmt}…"),
    "preview_plain": ("Rapport (zoals het bedrijf het krijgt)", "Report (as the company gets it)"),
    "preview_anonymous": (
        "Rapport, anoniem (zoals een partner het krijgt)",
        "Report, anonymised (as a partner gets it)",
    ),
    "preview_keys": (
        "A: anoniem aan/uit · H/M/X/J: bewaren in {folder}",
        "A: anonymised on/off · H/M/X/J: save in {folder}",
    ),
    "export_written": ("Rapport bewaard: {path}", "Report saved: {path}"),
    "export_failed": (
        "Het rapport kon niet bewaard worden in {folder}: {error}. Kies een andere map met "
        "ISASSIST_EXPORT_DIR of maak plaats vrij.",
        "The report could not be saved in {folder}: {error}. Choose another folder with "
        "ISASSIST_EXPORT_DIR or free some space.",
    ),
    "export_bad_format": (
        "Onbekend rapportformaat '{fmt}'; kies uit {formats}.",
        "Unknown report format '{fmt}'; choose from {formats}.",
    ),
    "export_anonymous_word": ("anoniem", "anonymous"),
    "help_title": ("Hulp: toetsen en opdrachten", "Help: keys and commands"),
    "done": ("Klaar", "Done"),
    # bindings (footer) and palette
    "key_quit": ("Stoppen", "Quit"),
    "not_saved": (
        "Dit antwoord is niet bewaard: {error}",
        "This answer was not saved: {error}",
    ),
    "key_search": ("Zoeken", "Search"),
    "search_saved": ("Zoek een gesprek (/)…", "Search interviews (/)…"),
    "search_conclusions": ("Zoek conclusie…", "Find conclusion…"),
    "search_none": ("Niets gevonden voor deze zoekwoorden.", "Nothing found for these words."),
    "canvas_take": ("Overnemen", "Take"),
    "canvas_edit": ("Aanpassen", "Edit"),
    "canvas_reject": ("Verwerpen", "Reject"),
    "canvas_send": ("Versturen", "Send"),
    "canvas_review_title": (
        "Business Model Canvas: typ 'ok' of 'blok: tekst' in de regel, of ga met Tab naar "
        "de tabel: pijltjes, o = overnemen, e = aanpassen, v = verwerpen, s = alles versturen.",
        "Business Model Canvas: type 'ok' or 'block: text' in the line, or Tab to the table: "
        "arrows, o = take, e = edit, v = reject, s = send all.",
    ),
    "canvas_block": ("Blok", "Block"),
    "canvas_draft": ("Ontwerp", "Draft"),
    "canvas_no_draft": (
        "(nog geen ontwerp: aanpassen of verwerpen)",
        "(no draft yet: edit or reject)",
    ),
    "canvas_edit_here": (
        "Nieuwe tekst voor dit blok, Enter bewaart, Esc annuleert",
        "New text for this block, Enter keeps it, Esc cancels",
    ),
    "key_dossier_panel": ("Dossierpaneel", "Dossier panel"),
    "key_wider": ("Paneel breder", "Panel wider"),
    "key_narrower": ("Paneel smaller", "Panel narrower"),
    "resumed": (
        "Verder met een bewaard gesprek; dit werd eerder gezegd ({n} stappen):",
        "Resuming a saved interview; this was said before ({n} steps):",
    ),
    "resumed_here": ("Hier gaan we verder.", "We continue here."),
    "past_stream_added": ("Stroom toegevoegd: {name}", "Stream added: {name}"),
    "past_stream_removed": ("Stroom verwijderd: {name}", "Stream removed: {name}"),
    "past_stream_renamed": ("Stroom hernoemd: {name}", "Stream renamed: {name}"),
    "change_answer_hint": (
        "Klik of Enter: deze vraag opnieuw beantwoorden",
        "Click or Enter: answer this question again",
    ),
    "key_palette": ("opdrachten", "commands"),
    "palette_search": ("Zoek een opdracht…", "Search for commands…"),
    "sys_theme": ("Kleurenthema", "Theme"),
    "sys_theme_help": ("Kies een ander kleurenthema", "Change the current theme"),
    "sys_quit_help": (
        "isassist afsluiten; alles is al bewaard",
        "Quit isassist; everything is already saved",
    ),
    "sys_maximize": ("Vergroten", "Maximize"),
    "sys_maximize_help": (
        "Het gekozen onderdeel schermvullend tonen",
        "Maximize the focused widget",
    ),
    "sys_minimize": ("Verkleinen", "Minimize"),
    "sys_minimize_help": ("Terug naar de gewone weergave", "Restore the normal size"),
    "sys_screenshot": ("Schermafbeelding", "Screenshot"),
    "sys_screenshot_help": (
        "Het scherm bewaren als SVG-afbeelding",
        "Save an SVG screenshot of the current screen",
    ),
    "key_help": ("Hulp", "Help"),
    "key_why": ("Waarom?", "Why?"),
    "key_jump": ("Spring", "Jump"),
    "key_report": ("Dossier", "Dossier"),
    "key_back": ("Terug", "Back"),
    "key_skip": ("Overslaan", "Skip"),
    "key_theme": ("Licht/donker", "Light/dark"),
    "key_lang": ("NL/EN", "NL/EN"),
    "key_new": ("Nieuw", "New"),
    "key_self": ("Zelfevaluatie", "Self"),
    "key_resume": ("Verder", "Resume"),
    "key_delete": ("Verwijder", "Delete"),
    "key_close": ("Sluiten", "Close"),
    "key_start": ("Startscherm", "Start screen"),
    "key_anonymise": ("Anoniem", "Anonymise"),
    "key_export_html": ("HTML", "HTML"),
    "key_export_md": ("Markdown", "Markdown"),
    "key_export_xlsx": ("XLSX", "XLSX"),
    "key_export_json": ("JSON", "JSON"),
    "cmd_anonymise": (
        "Rapport anoniem tonen of niet (wat een partner ziet)",
        "Show the report anonymised or not (what a partner sees)",
    ),
    "cmd_export_html": ("Rapport bewaren als HTML", "Save the report as HTML"),
    "cmd_export_md": ("Rapport bewaren als Markdown", "Save the report as Markdown"),
    "cmd_export_xlsx": ("Rapport bewaren als XLSX (Excel)", "Save the report as XLSX (Excel)"),
    "cmd_export_json": ("Rapport bewaren als JSON", "Save the report as JSON"),
    "cmd_back": ("Terug naar de vorige vraag", "Back to the previous question"),
    "cmd_skip": ("Deze vraag overslaan", "Skip this question"),
    "cmd_why": ("Waarom? Leg de laatste conclusie uit", "Why? Explain the latest conclusion"),
    "cmd_note": ("Notitie bij deze vraag", "Note on this question"),
    "cmd_stream": ("Stromen tonen of een stroom toevoegen", "List streams or add a stream"),
    "cmd_report": (
        "Dossieroverzicht en rapport openen (bewaren als HTML, XLSX...)",
        "Open the dossier summary and report (save as HTML, XLSX...)",
    ),
    "cmd_help": ("Hulp openen", "Open help"),
    "cmd_register": ("Makelaarsregister openen", "Open the broker register"),
    "cmd_lang": ("Wissel Nederlands/Engels", "Switch Dutch/English"),
    "cmd_jump": ("Spring naar een onderdeel", "Jump to a section"),
}


def ui(key: str, lang: str, **values: object) -> str:
    """The interface text ``key`` in ``lang`` with its placeholders filled in."""
    nl, en = UI[key]
    return (nl if lang == "nl" else en).format(**values)


_HELP: dict[str, str] = {
    "nl": """\
# Hulp

isassist stelt vragen; u antwoordt in gewone woorden. Bij elke vraag kunt u ook:

- **weet niet** of **?** typen: het wordt een kennislacune die we later uitzoeken;
- een vraag stellen die op **?** eindigt, zoals *wat is een spiegelcode?*: het antwoord komt
  uit de woordenlijst en de open vraag blijft staan;
- een keuze of suggestie aanklikken of met de pijltjes kiezen en Enter drukken.

## Opdrachten

{commands}

## Toetsen

| toets | wat ze doet |
|---|---|
| F1 | hulp |
| F2 | waarom? (laatste conclusie) |
| F3 | dossieroverzicht (A: anoniem; H/M/X/J: HTML, Markdown, XLSX, JSON bewaren) |
| F4 | naar een onderdeel springen |
| F5 | licht of donker thema |
| F6 | Nederlands of Engels |
| F7 / F8 | vorige vraag / vraag overslaan |
| Ctrl+P | opdrachtenpalet (ook: makelaarsregister) |
| M | makelaarsregister (op het startscherm) |
| Tab | naar keuzes, dossier en terug |
| Esc | scherm sluiten |
| Ctrl+Q | stoppen (alles is al bewaard) |
""",
    "en": """\
# Help

isassist asks questions; you answer in plain words. At any question you can also:

- type **don't know** or **?**: it becomes a knowledge gap to find out later;
- ask a question ending in **?**, such as *what is end-of-waste?*: the answer comes from
  the glossary and the open question stays open;
- click a choice or suggestion, or pick it with the arrow keys and Enter.

## Commands

{commands}

## Keys

| key | what it does |
|---|---|
| F1 | help |
| F2 | why? (latest conclusion) |
| F3 | dossier summary (A: anonymised; H/M/X/J: save HTML, Markdown, XLSX, JSON) |
| F4 | jump to a section |
| F5 | light or dark theme |
| F6 | Dutch or English |
| F7 / F8 | previous question / skip the question |
| Ctrl+P | command palette (also: broker register) |
| M | broker register (on the start screen) |
| Tab | to the choices, the dossier and back |
| Esc | close a screen |
| Ctrl+Q | quit (everything is already saved) |
""",
}
HELP: dict[str, str] = {
    lang: text.replace("{commands}", help_markdown(lang)) for lang, text in _HELP.items()
}
"""The help screen; its command table comes from the one command registry."""

REGISTER_HELP: dict[str, str] = {
    "nl": """\
# Hulp bij het makelaarsregister

Links staan de bedrijven met wat ze hebben en zoeken; rechts de matches van het gekozen bedrijf,
zijn netwerk en de pijplijn van opportuniteiten. Onderaan staat de impact van het hele register.

| toets | wat ze doet |
|---|---|
| Ctrl+F of Shift+Tab | naar het zoekvak: filtert bedrijven en matches op naam, sector of stroom |
| Enter (in het zoekvak) | terug naar de bedrijvenlijst |
| pijltjes + Enter op een bedrijf | zijn matches en netwerk tonen |
| Enter op een match | een opportuniteit openen in de pijplijn |
| Enter op een opportuniteit | naar het vak eronder: fase en notitie (*gecontacteerd belde Jan*) |
| Tab / Shift+Tab | naar het volgende / vorige vak |
| F6 | Nederlands of Engels |
| Esc | terug naar het startscherm |

Alles wat u hier doet (een opportuniteit openen of verplaatsen) wordt meteen bewaard.
""",
    "en": """\
# Help with the broker register

On the left, the companies with what they have and want; on the right, the chosen company's
matches, its network and the pipeline of opportunities. At the bottom, the whole register's impact.

| key | what it does |
|---|---|
| Ctrl+F or Shift+Tab | to the search box: filters companies and matches by name, sector or stream |
| Enter (in the search box) | back to the company list |
| arrows + Enter on a company | show its matches and network |
| Enter on a match | open an opportunity in the pipeline |
| Enter on an opportunity | to the box below: type a stage and a note (*contacted called Jan*) |
| Tab / Shift+Tab | to the next / previous box |
| F6 | Dutch or English |
| Esc | back to the start screen |

Everything you do here (opening or moving an opportunity) is saved at once.
""",
}
"""The register screen's own help (F1 there): its keys, not the interview's."""
