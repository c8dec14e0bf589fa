"""The two languages of isassist and the one bilingual text model.

Dutch is the house language (Flemish brokers and plants), English the second. Every text a
domain expert writes (dialog questions, rule conclusions) carries both; a missing translation
is a load error, not a silent fallback. Where a caller passes a language code that is neither,
the one rule is: English for ``"en"``, Dutch for anything else.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


class Text(BaseModel):
    """A text in both languages of isassist."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        defer_build=True,  # see facts._Fact
    )

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in ``lang``: English for "en", Dutch (the house language) otherwise."""
        return self.en if lang == "en" else self.nl

    def __getitem__(self, lang: str) -> str:
        return self.get(lang)
