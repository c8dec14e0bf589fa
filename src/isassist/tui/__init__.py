"""The Textual face of isassist: a thin renderer over ``isassist.session`` and the engine."""
