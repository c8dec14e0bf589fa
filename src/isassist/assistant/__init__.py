"""Headless helpers of the interactive assistant: what the Textual face needs beyond the
interview engine (typed-line routing, glossary answers, progress, explanations, UI texts).

Kept apart from ``isassist.tui`` so every decision the face makes can be tested without a
terminal, and so the face itself holds no domain logic. This package never imports Textual.
"""
