"""isassist: an offline assistant for giving residual streams a second life.

The package is split into a headless core (knowledge, classification, rules, interview,
reports, register) and thin faces (CLI, Textual UI). The core never imports Textual so that
replays, tests and the CLI start fast and run anywhere.
"""

__version__ = "0.1.0"
