"""Allow ``python -m isassist``."""

from isassist.cli import main

main()
