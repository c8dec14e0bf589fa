"""The Textual face of isassist: a thin renderer over ``isassist.assistant`` and the engine."""
