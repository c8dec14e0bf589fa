"""The report's own words in Dutch and English.

Question and option wording comes from the dialog files and code texts from the knowledge
base; only what the report adds (headings, column names, bands, canvas block names) lives
here, in one table, so a translator finds every report word in one place.
"""

from __future__ import annotations

from isassist.lang import Lang

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Rapport reststromen", "Residual stream report"),
    # said once in a Dutch report instead of mixing languages unannounced
    "english_only": (
        "CPA-omschrijvingen, bronvermeldingen en de voorbeelden uit de MAESTRI-databank bestaan "
        "alleen in het Engels; ze staan hier zoals ze gepubliceerd zijn.",
        "CPA descriptions, source references and MAESTRI database examples exist in English only.",
    ),
    "anonymised": (
        "Geanonimiseerd: namen, contactgegevens, exacte ligging en kosten zijn weggelaten of "
        "in klassen gegroepeerd.",
        "Anonymised: names, contacts, exact location and costs are removed or banded.",
    ),
    "company": ("Bedrijf en afbakening", "Company and scope"),
    "company_name": ("Bedrijf", "Company"),
    "sector": ("Sector (NACE)", "Sector (NACE)"),
    "location": ("Ligging", "Location"),
    "region": ("Regio", "Region"),
    "mode": ("Werkwijze", "Mode"),
    "mode_broker": ("gesprek met reststromenmakelaar", "interview by a residual-stream broker"),
    "mode_self": ("zelfevaluatie", "self-assessment"),
    "boundary": ("Afbakening", "Boundary"),
    "interview": ("Interview", "Interview"),
    "value_map": ("Waardekaart", "Value map"),
    "value_captured": ("Gerealiseerde waarde", "Value captured"),
    "value_destroyed": ("Verloren waarde", "Value destroyed"),
    "value_missed": ("Gemiste waarde", "Value missed"),
    "value_opportunity": ("Waardekans", "Value opportunity"),
    "wants": ("Wat het bedrijf zelf zoekt", "What the company itself looks for"),
    "wants_materials": ("Materialen en grondstoffen", "Materials and raw materials"),
    "wants_utilities": ("Warmte, water en gas", "Heat, water and gas"),
    "quadrant": ("Vier-kwadrantenbeeld", "Four-quadrant view"),
    "feasibility": ("haalbaarheid", "feasibility"),
    "impact": ("positief effect", "positive impact"),
    "q_quick_wins": ("snel te winnen", "quick wins"),
    "q_major": ("grote projecten", "major projects"),
    "q_fill_ins": ("kleine stappen", "fill-ins"),
    "q_park": ("parkeren", "park"),
    "not_scored": ("Niet gescoord", "Not scored"),
    "inventory": ("Inventaris (karakterisering)", "Inventory (characterisation)"),
    "barriers": ("Barrières", "Barriers"),
    "reason": ("Reden", "Reason"),
    "mitigation": ("Aanpak", "Mitigation"),
    "source": ("Bron", "Source"),
    "stream": ("Stroom", "Stream"),
    "all_streams": ("alle stromen", "all streams"),
    "wanted": ("gevraagd", "wanted"),
    "legal": ("Regelgeving en classificatie", "Regulation and classification"),
    "gaps": ("Kennislacunes", "Knowledge gaps"),
    "more_gaps": (
        "Overige kennislacunes en open vragen",
        "Other knowledge gaps and open questions",
    ),
    "unknown": ("Onbekend", "Unknown"),
    "how_to_close": ("Hoe te sluiten", "How to close"),
    "research_question": ("Onderzoeksvraag", "Research question"),
    "options": ("Valorisatie-opties", "Valorisation options"),
    "route": ("Route", "Route"),
    "hierarchy": ("Afvalhiërarchie", "Waste hierarchy"),
    "receivers": ("Mogelijke afnemers (NACE)", "Possible receivers (NACE)"),
    "suppliers": ("Mogelijke leveranciers (NACE)", "Possible suppliers (NACE)"),
    "evidence": ("Bestaande uitwisselingen", "Existing exchanges"),
    "evidence_count": (
        "{count} uitwisselingen in de MAESTRI-databank",
        "{count} exchanges in the MAESTRI database",
    ),
    "reference": ("Referentie", "Reference"),
    "path": ("Beslissingspad", "Decision path"),
    "node": ("Knoop", "Node"),
    "outcome": ("Uitkomst", "Outcome"),
    "why": ("Waarom", "Why"),
    "pass": ("in orde", "pass"),
    "attention": ("aandacht", "attention"),
    "stop": ("stop", "stop"),
    "open": ("open", "open"),
    "canvas": ("Business Model Canvas", "Business Model Canvas"),
    "status": ("Status", "Status"),
    "confirmed": ("bevestigd", "confirmed"),
    "edited": ("aangepast", "edited"),
    "rejected": ("verworpen", "rejected"),
    "pending": ("te bespreken", "to discuss"),
    "next_steps": ("Volgende stappen", "Next steps"),
    "none": ("geen", "none"),
    "nothing_found": ("Niets gevonden.", "Nothing found."),
    "notes": ("Notities", "Notes"),
    "key_partners": ("Sleutelpartners", "Key partners"),
    "key_activities": ("Kernactiviteiten", "Key activities"),
    "key_resources": ("Kernmiddelen", "Key resources"),
    "value_proposition": ("Waardepropositie", "Value proposition"),
    "customer_relationships": ("Klantrelaties", "Customer relationships"),
    "channels": ("Kanalen", "Channels"),
    "customer_segments": ("Klantsegmenten", "Customer segments"),
    "cost_structure": ("Kostenstructuur", "Cost structure"),
    "revenue_streams": ("Inkomstenstromen", "Revenue streams"),
    "hazardous_mark": ("* gevaarlijk afval", "* hazardous waste"),
    "composition_unknown": ("samenstelling (geen analyse)", "composition (no analysis)"),
    "step_stop": (
        "Los eerst op ({stream}): {title}: {why}",
        "Solve first ({stream}): {title}: {why}",
    ),
    "step_attention": ("Let op ({stream}): {title}: {why}", "Watch ({stream}): {title}: {why}"),
    "step_gaps": (
        "Sluit {count} kennislacune(s); zie de lijst met onderzoeksvragen.",
        "Close {count} knowledge gap(s); see the research questions.",
    ),
    "step_receivers": (
        "Leg '{route}' voor aan mogelijke afnemers ({receivers}) voor {stream}.",
        "Put '{route}' to possible receivers ({receivers}) for {stream}.",
    ),
    "step_canvas": (
        "Bespreek de open canvasblokken van {stream}: {blocks}.",
        "Discuss the open canvas blocks of {stream}: {blocks}.",
    ),
    "step_open": (
        "Vervolledig het beslissingspad van {stream} ({count} knopen open).",
        "Complete the decision path of {stream} ({count} nodes open).",
    ),
    "anonymous_company": ("Bedrijf (anoniem)", "Company (anonymous)"),
    "anonymous": ("anoniem", "anonymous"),
    "revenue": ("opbrengst", "revenue"),
    "less_than": ("minder dan", "under"),
    "or_more": ("of meer", "or more"),
    "per_year": ("per jaar", "per year"),
    "xlsx_company": ("Bedrijf", "Company"),
    "sheet_inventory": ("Inventaris", "Inventory"),
    "sheet_barriers": ("Barrières", "Barriers"),
    "sheet_gaps": ("Kennislacunes", "Gaps"),
    "sheet_options": ("Opties", "Options"),
    "sheet_canvas": ("Canvas", "Canvas"),
    "kind": ("Soort", "Kind"),
    "category": ("Categorie", "Category"),
    "subject": ("Onderwerp", "Subject"),
    "started": ("Gestart op", "Started on"),
    "last_changed": ("Laatst gewijzigd", "Last changed"),
    "activity": ("Activiteit", "Activity"),
    "description": ("Omschrijving", "Description"),
    # step 3: with whom (network) and on what terms
    "with_whom": ("Met wie", "With whom"),
    "net_own_use": ("Eigen gebruik", "Own use"),
    "net_exchange_interest": (
        "Bestaande uitwisseling als piste",
        "An existing exchange as a route",
    ),
    "net_same": ("Bedrijven met dezelfde stroom", "Companies with the same stream"),
    "net_complementary": (
        "Bedrijven met een aanvullende stroom",
        "Companies with a complementary stream",
    ),
    "net_interest": ("Geïnteresseerde partijen", "Interested parties"),
    "net_who_pays": ("Wie betaalt", "Who pays"),
    "net_partner": ("Partner", "Partner"),
    "text": ("Tekst", "Text"),
    "block": ("Blok", "Block"),
    "example_exchanges": ("Voorbeelden", "Examples"),
    # importing an inventory sheet
    "cell_problem": (
        "blad '{sheet}', rij {row}, kolom {column} ({label}): {message} Bijvoorbeeld: {example}",
        "sheet '{sheet}', row {row}, column {column} ({label}): {message} For example: {example}",
    ),
    "no_inventory_sheet": (
        "geen inventarisblad gevonden: een blad met in rij 1 de kolom 'Stroom' (of 'Stream'); "
        "gevonden bladen: {sheets}",
        "no inventory sheet found: a sheet with a 'Stream' (or 'Stroom') column in row 1; "
        "sheets found: {sheets}",
    ),
    "empty_name": (
        "de stroom heeft geen naam; vul de kolom in of maak de rij leeg.",
        "the stream has no name; fill in the column or clear the row.",
    ),
    "unknown_header": (
        "blad '{sheet}', kolom {column}: kop '{label}' is onbekend en wordt overgeslagen",
        "sheet '{sheet}', column {column}: header '{label}' is unknown and was skipped",
    ),
    "not_a_workbook": (
        "{file} is geen leesbaar Excel-bestand (.xlsx): {reason}",
        "{file} is not a readable Excel workbook (.xlsx): {reason}",
    ),
    # waste hierarchy levels (valorisation categories)
    "prevention": ("preventie", "prevention"),
    "reuse": ("hergebruik", "reuse"),
    "recycling": ("recyclage", "recycling"),
    "recovery": ("nuttige toepassing", "recovery"),
    "energy_recovery": ("energieterugwinning", "energy recovery"),
    # barrier categories (Golev et al. 2015; Kosmol & Leyh 2019)
    "regulatory": ("regelgeving", "regulatory"),
    "technical": ("technisch", "technical"),
    "economic": ("economisch", "economic"),
    "informational": ("informatie", "informational"),
    "organisational": ("organisatorisch", "organisational"),
    "social": ("sociaal", "social"),
    "geographic": ("geografisch", "geographic"),
}

# How a knowledge gap is closed depends on the MAESTRI Toolkit-4 sub-step (2A-F) it belongs to.
_CLOSE_BY_SUB: dict[str, tuple[str, str]] = {
    "B": (
        "Vergelijk met de EWC- en CPA-lijsten; vraag het veiligheidsinformatieblad of de "
        "productfiche van de grondstoffen op.",
        "Compare with the EWC and CPA lists; ask for the safety data sheet or the product "
        "sheet of the raw materials.",
    ),
    "C": (
        "Registreer een maand lang hoeveelheid, frequentie en opslag (weegbonnen, tellers).",
        "Record quantity, frequency and storage for a month (weighbridge tickets, meters).",
    ),
    "D": (
        "Bekijk de risico-inventaris en de veiligheidsinformatiebladen met de preventieadviseur.",
        "Go through the risk inventory and safety data sheets with the safety officer.",
    ),
    "E": (
        "Vraag de facturen en contracten van de afvalinzamelaar op.",
        "Ask for the waste collector's invoices and contracts.",
    ),
    "F": (
        "Laat een staal analyseren (samenstelling, vocht, stookwaarde, verontreiniging).",
        "Have a sample analysed (composition, moisture, calorific value, contamination).",
    ),
    "3": (
        "Marktanalyse, de databank met bestaande uitwisselingen en een netwerkanalyse van "
        "bedrijven in de buurt.",
        "Market analysis, the database of existing exchanges and a network analysis of "
        "companies nearby.",
    ),
}
_CLOSE_DEFAULT = (
    "Bespreek de vraag opnieuw met de contactpersoon van het bedrijf.",
    "Raise the question again with the company's contact person.",
)


def word(key: str, lang: Lang, **values: object) -> str:
    """The report word ``key`` in ``lang``; an unknown key shows as itself, never crashes."""
    pair = _WORDS.get(key)
    text = key.replace("_", " ") if pair is None else pair[1 if lang == "en" else 0]
    return text.format(**values) if values else text


# Where the current handling of a resource that is not a material is found: heat, water
# and spare capacity have no collector's invoice (review R96).
_CLOSE_BY_KIND: dict[tuple[str, str], tuple[str, str]] = {
    ("E", "heat"): (
        "Vraag de technische dienst of de warmte weggekoeld, afgeblazen of geloosd wordt, en "
        "hoeveel energie dat kost.",
        "Ask the utilities team whether the heat is cooled away, blown off or discharged, and "
        "what energy that costs.",
    ),
    ("E", "water"): (
        "Kijk in de lozingsvergunning en op de facturen van water en riolering.",
        "Check the discharge permit and the water and sewer bills.",
    ),
    ("E", "capacity"): (
        "Kijk in de productieplanning hoeveel uur de installatie stilstaat en wat ze dan kost "
        "(afschrijving, onderhoud).",
        "Check the production planning for how many hours the equipment stands idle and what "
        "it costs meanwhile (depreciation, maintenance).",
    ),
}
_CLOSE_BY_KIND[("E", "energy")] = _CLOSE_BY_KIND[("E", "heat")]
_CLOSE_BY_KIND[("E", "gas")] = _CLOSE_BY_KIND[("E", "heat")]


def how_to_close(step: int | None, sub: str | None, lang: Lang, kind: str | None = None) -> str:
    """The usual way to close a gap raised in MAESTRI step ``step`` (sub-step ``sub``) for a
    stream of ``kind`` (material when not given)."""
    key = sub if step == 2 and sub else str(step)
    pair = _CLOSE_BY_KIND.get((key, kind or "material")) or _CLOSE_BY_SUB.get(key, _CLOSE_DEFAULT)
    return pair[1 if lang == "en" else 0]


CANVAS_BLOCKS: tuple[str, ...] = (
    "key_partners",
    "key_activities",
    "key_resources",
    "value_proposition",
    "customer_relationships",
    "channels",
    "customer_segments",
    "cost_structure",
    "revenue_streams",
)
