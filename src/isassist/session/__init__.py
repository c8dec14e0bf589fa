"""The session: the one door through which the faces (the Textual TUI, the browser) reach the core.

A face holds a session and asks it what to show: the conversation (typed-line routing over the
interview engine, glossary answers, explanations, progress), the dossier views, report export
and the register. Kept apart from ``isassist.tui`` so every decision the face makes can be tested
without a terminal, and so the face itself holds no domain logic. This package never imports
Textual.
"""
